import type { AppContext } from '../appContext.ts';
import { on } from '../realtime/on.ts';
import type { WatchSocket } from '../realtime/socketData.ts';
import { enterDocument, leaveAllOnDisconnect, leaveDocument } from './documentMembership.ts';

/**
 * Observers: receive documents, never change them. There is deliberately no handler here
 * that applies anything — the watch namespace cannot write because it has nothing to write with.
 */
export function registerWatchCommands(ctx: AppContext, socket: WatchSocket): void {
  const { documents, logger } = ctx;

  on('watch', socket, 'doc:open', logger, async ({ docId, stateVector }) => {
    const live = await enterDocument(ctx, socket, docId);
    if (!live) return null;
    await documents.sendStep2(live, { socketId: socket.id, watcher: true }, stateVector);
    if (live.awareness.getStates().size > 0) {
      socket.emit('doc:awareness', { docId, update: documents.encodeAwareness(live).forWatchers });
    }
    return null;
  });

  on('watch', socket, 'doc:close', logger, ({ docId }) => leaveDocument(ctx, socket, docId));
  leaveAllOnDisconnect(ctx, socket);
}
