import type { AppContext } from '../appContext.ts';
import { registerDocumentCommands } from '../collab/documentCommands.ts';
import { registerWatchCommands } from '../collab/watchCommands.ts';
import { buildSnapshot } from '../features/assemblies/snapshot.ts';
import { registerCharterCommands } from '../features/charter/charterCommands.ts';
import { authenticateObserver, authenticateParticipant } from '../features/identity/socketAuth.ts';
import { assemblyRoom, type AssemblySocket, type WatchSocket } from './socketData.ts';

/**
 * Wires both namespaces. Handlers are registered synchronously on connection, before any
 * await, so no early message is lost; the snapshot follows.
 */
export function attachNamespaces(ctx: AppContext): void {
  const { io, watch, logger } = ctx;

  io.use(authenticateParticipant(ctx.db));
  io.on('connection', (socket: AssemblySocket) => {
    socket.on('error', (err) => logger.warn({ err, socket: socket.id }, 'socket error'));
    registerDocumentCommands(ctx, socket);
    registerCharterCommands(ctx, socket);
    void socket.join(assemblyRoom(socket.data.assembly.id));
    void sendSnapshot(ctx, socket);
  });

  watch.use(authenticateObserver(ctx.db));
  watch.on('connection', (socket: WatchSocket) => {
    socket.on('error', (err) => logger.warn({ err, socket: socket.id }, 'socket error'));
    registerWatchCommands(ctx, socket);
    const assemblyId = socket.data.assembly.id;
    socket.on('disconnect', () => ctx.watchers.changed(assemblyId));
    // Joined before the snapshot counts watchers, so a new observer counts itself.
    void Promise.resolve(socket.join(assemblyRoom(assemblyId))).then(() => {
      ctx.watchers.changed(assemblyId);
      return sendSnapshot(ctx, socket);
    });
  });
}

async function sendSnapshot(ctx: AppContext, socket: AssemblySocket | WatchSocket): Promise<void> {
  try {
    socket.emit('assembly:snapshot', await buildSnapshot(ctx, socket.data));
  } catch (err) {
    // Without a snapshot the client cannot show anything true; let it reconnect and retry.
    ctx.logger.error({ err, socket: socket.id }, 'snapshot failed');
    socket.disconnect(true);
  }
}
