import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, refusal } from '@moot/protocol';
import { sendError } from './errors.ts';

/**
 * Whether a request comes from Moot's own pages. Browsers send `Origin` on every WebSocket
 * handshake and every cross-site POST; a valid session cookie with a foreign origin is a page
 * elsewhere riding on a member's session (cross-site WebSocket hijacking, CSRF). Allowed: no
 * Origin at all (not a browser: no ambient cookie to abuse), the public URL's origin, or the
 * origin of the host the request was sent to (same origin, whatever name it was reached by).
 */
export function fromOwnPages(req: IncomingMessage, publicUrl: string | null): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
  if (publicUrl !== null && url.origin === new URL(publicUrl).origin) return true;
  return req.headers.host !== undefined && url.host === req.headers.host;
}

/** Socket.IO's `allowRequest`: refuses a handshake from a foreign origin before any packet. */
export const allowOwnOrigin =
  (publicUrl: string | null) =>
  (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    const own = fromOwnPages(req, publicUrl);
    callback(own ? null : 'Forbidden origin', own);
  };

/** Express: a request that changes something (not GET/HEAD) from a foreign origin is refused with 403. */
export const refuseForeignWrites =
  (publicUrl: string | null) =>
  (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD' || fromOwnPages(req, publicUrl)) return next();
    sendError(res, 403, ErrorCode.forbidden, 'This request came from another site', refusal('request', 'otherSite'));
  };
