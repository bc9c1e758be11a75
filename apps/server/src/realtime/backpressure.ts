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

const sizeOf = (data: unknown): number =>
  typeof data === 'string' ? data.length : ArrayBuffer.isView(data) ? data.byteLength : 0;

/**
 * Socket.IO keeps no bound on what it buffers for a client that stops reading: packets wait in
 * engine.io's write buffer, then in the WebSocket's. Before each packet is queued, this counts
 * both; a connection already past `maxUnsentBytes` is dropped (its queue discarded), so what is
 * held for one connection stays under the bound plus one packet. It reconnects and
 * resyncs from a snapshot if it was only slow; the server's memory stays bounded either way.
 */
export function dropSlowConsumers(
  io: Server,
  logger: Logger,
  maxUnsentBytes: number = LIMITS.maxUnsentBytesPerConnection,
): void {
  io.engine.on('connection', (connection: EngineConnection) => {
    let queued = 0;
    let dropped = false;
    connection.on('flush', () => (queued = 0));
    connection.on('packetCreate', (packet) => {
      // The backlog before this packet: one large packet (a big document's first sync) to a
      // connection that keeps up passes; a connection already behind by the bound is dropped.
      const unsent = queued + (connection.transport.socket?.bufferedAmount ?? 0);
      queued += sizeOf(packet.data);
      if (dropped || unsent <= maxUnsentBytes) return;
      dropped = true;
      logger.warn({ connection: connection.id, unsent }, 'slow consumer; disconnecting');
      connection.close(true);
    });
  });
}
