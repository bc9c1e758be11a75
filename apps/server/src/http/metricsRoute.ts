import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '../metrics/metrics.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` for Prometheus, only with `Authorization: Bearer <METRICS_TOKEN>`. Without the
 * token (or with none configured) the route does not exist: a 404 like any unknown path, so
 * the public port reveals neither the numbers nor that they are there. The comparison takes the
 * same time however much of the token is right.
 */
export const metricsRoute =
  (metrics: Metrics, token: string | null) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const given = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
    if (token === null || given === undefined || !timingSafeEqual(digest(given), digest(token))) return next();
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
