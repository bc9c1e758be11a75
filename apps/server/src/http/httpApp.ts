import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { ASSEMBLY_SECTIONS, HTTP_ROUTES, livestreamFrameSources, type Health } from '@moot/protocol';
import type { AppContext } from '../appContext.ts';
import type { TrustFn } from './clientAddress.ts';
import { errorHandler } from './errors.ts';
import { metricsRoute } from './metricsRoute.ts';
import { refuseForeignWrites } from './origin.ts';

/** The client-side routes the single-page app owns; each serves index.html. */
const APP_ROUTES = [
  '/',
  '/join',
  '/assembly',
  ...ASSEMBLY_SECTIONS.map((section) => `/assembly/${section}`),
  '/assembly/history/:standardId',
  '/console',
  '/watch',
  '/present',
  '/charter/print',
  '/record/audit',
  '/record/minutes',
  '/report',
  '/organise',
  '/organise/open',
  '/organise/:assemblyId',
  '/organise/:assemblyId/members',
  '/passport/:standardId',
];

export function createHttpApp(
  ctx: AppContext,
  options: {
    webRoot: string | null;
    redisUp: () => boolean | null;
    publicUrl?: string | null;
    /** The features' routes (invites, exports, the record), given by `app.ts`. */
    routes: Router[];
    trust: TrustFn;
    metricsToken?: string | null;
  },
): Express {
  const app = express();
  app.disable('x-powered-by');
  // The same proxies as every per-address limit believes: `req.secure` reads X-Forwarded-Proto only from them.
  app.set('trust proxy', options.trust);
  // Frames: only the livestream players the watch page may embed (YouTube, Vimeo, the listed PeerTube hosts).
  const frameSrc = livestreamFrameSources(ctx.peertubeHosts);
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'connect-src': ["'self'", 'ws:', 'wss:'], 'frame-src': frameSrc } },
    }),
  );
  app.use(refuseForeignWrites(options.publicUrl ?? null));
  app.use(express.json({ limit: '16kb' }));

  app.get(HTTP_ROUTES.health, async (_req, res) => {
    const database = await ctx.db.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const redisState = options.redisUp();
    const redis = redisState === null ? ('off' as const) : redisState ? ('up' as const) : ('down' as const);
    const health: Health = { ok: database === 'up' && redis !== 'down', database, redis };
    res.status(health.ok ? 200 : 503).json(health);
  });
  // Prometheus scrape: counts and timings only, nothing about anyone; still only for the token's holder.
  app.get('/metrics', metricsRoute(ctx.metrics, options.metricsToken ?? null));
  for (const routes of options.routes) app.use(routes);

  const webRoot = options.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    app.use(express.static(webRoot, { index: false, maxAge: '1h' }));
    app.get(APP_ROUTES, (_req, res) => res.sendFile(path.join(webRoot, 'index.html')));
  }
  app.use(errorHandler(ctx.logger));
  return app;
}
