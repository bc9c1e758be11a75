import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { LIMITS } from '@moot/protocol';

/** What engine.io exposes of one connection that this bound needs (not in its public types). */
interface EngineConnection {
  id: string;
  transport: { socket?: { bufferedAmount?: number } };
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): void;
  on(event: 'flush', listener: () => void): void;
  close(discard?: boolean): void;
}

/**
 * Each connection's backlog as the bound below counts it (what waits in engine.io's buffer and the
 * WebSocket's, less the largest packet still draining), for the observer stream's lower bound.
 */
const backlogs = new WeakMap<object, () => number>();

/** Bytes waiting for this engine.io connection, as `dropSlowConsumers` counts them; 0 if untracked. */
export function backlogOf(connection: object): number {
  return backlogs.get(connection)?.() ?? 0;
}

const sizeOf = (data: unknown): number =>
  typeof data === 'string' ? data.length : ArrayBuffer.isView(data) ? data.byteLength : 0;

/**
 * Socket.IO keeps no bound on what it buffers for a client that stops reading: packets wait in
 * engine.io's write buffer, then in the WebSocket's. Before each packet is queued, this counts
 * both; a connection whose backlog is past `maxUnsentBytes` is dropped (its queue discarded).
 *
 * One large packet is not a backlog: a big document's first sync may be larger than the bound
 * and take a while to read, and the small packets behind it (awareness, acknowledgements) must
 * not count it against the client. So the largest packet still waiting is left out of the count
 * until it has drained; what is held for one connection stays under the bound plus two packets.
 * A dropped client reconnects and resyncs from a snapshot if it was only slow; the server's
 * memory stays bounded either way.
 */
export function dropSlowConsumers(
  io: Server,
  logger: Logger,
  maxUnsentBytes: number = LIMITS.maxUnsentBytesPerConnection,
): void {
  io.engine.on('connection', (connection: EngineConnection) => {
    let queued = 0;
    // What may still be waiting of the largest packet queued: never more than the whole backlog.
    let exempt = 0;
    let dropped = false;
    connection.on('flush', () => (queued = 0));
    backlogs.set(connection, () => {
      const unsent = queued + (connection.transport.socket?.bufferedAmount ?? 0);
      return unsent - Math.min(exempt, unsent);
    });
    connection.on('packetCreate', (packet) => {
      const unsent = queued + (connection.transport.socket?.bufferedAmount ?? 0);
      const size = sizeOf(packet.data);
      exempt = Math.min(exempt, unsent);
      queued += size;
      if (dropped) return;
      if (unsent - exempt > maxUnsentBytes) {
        dropped = true;
        logger.warn({ connection: connection.id, unsent }, 'slow consumer; disconnecting');
        connection.close(true);
        return;
      }
      exempt = Math.max(exempt, size);
    });
  });
}
