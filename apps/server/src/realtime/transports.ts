import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'socket.io';
import { fromOwnPages } from '../http/origin.ts';

type EngineRequest = IncomingMessage & { _query?: Record<string, string | undefined> };
type Next = (err?: Error) => void;
interface EngineClient {
  close(discard?: boolean): void;
}

/**
 * Long-polling (`TRANSPORTS`) runs under the same bounds as WebSocket: packet size, handshake
 * deadline, per-socket rate limits and the slow-consumer bound all sit above the transport. With
 * several nodes, a polling session is many HTTP requests that must all reach the node holding
 * it: the load balancer pins each client to one node (deploy/nginx.conf, `ip_hash`).
 *
 * Checks every Engine.IO request, not only the handshake. `allowRequest` sees just the first
 * request of a session; a polling session goes on with many more (each GET and POST carries
 * the session id), and so does the upgrade to WebSocket. Each must come from Moot's own pages.
 * A POST over the packet limit is answered 413 by engine.io but leaves the session open; here it
 * closes the session, as a WebSocket frame over the limit does (1009).
 */
export function guardEngineRequests(io: Server, publicUrl: string | null): void {
  io.engine.use((req: EngineRequest, res: ServerResponse, next: Next) => {
    if (!fromOwnPages(req, publicUrl)) {
      // A WebSocket upgrade is refused by engine.io itself (400, then the socket is closed).
      if (req.headers.upgrade === undefined) {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 4, message: 'Forbidden origin' }));
      }
      return next(new Error('Forbidden origin'));
    }
    // engine.io's stand-in response for a WebSocket upgrade keeps the request for the connection's
    // life (through a close listener on the TCP socket); once the upgrade is done nothing reads it.
    if (req.headers.upgrade !== undefined) setImmediate(() => ((res as unknown as { req?: unknown }).req = undefined));
    const sid = req._query?.sid;
    if (req.method === 'POST' && sid !== undefined) {
      res.once('finish', () => {
        if (res.statusCode !== 413) return;
        const clients = (io.engine as unknown as { clients: Record<string, EngineClient | undefined> }).clients;
        if (Object.hasOwn(clients, sid)) clients[sid]?.close(true);
      });
    }
    next();
  });
}

/**
 * After an observer's handshake, engine.io still holds the whole HTTP request it arrived with (the
 * `IncomingMessage`, its stream state and raw headers) for the connection's life. What anything
 * reads of it later (another namespace's handshake on the same connection: the headers, the peer's
 * address, the URL and query) is kept in a plain object and the rest is let go — on a hearing with
 * a thousand observers that is a few hundred kilobytes.
 */
export function releaseHandshakeRequest(connection: { request: unknown }): void {
  const req = connection.request as (IncomingMessage & { _query?: unknown }) | null;
  if (!req || Object.getPrototypeOf(req) === Object.prototype) return;
  connection.request = {
    headers: req.headers,
    url: req.url,
    method: req.method,
    _query: req._query,
    socket: req.socket,
    connection: req.socket,
  };
}
