import type { DocumentFanout } from '../collab/documentRegistry.ts';
import type { ObserverStream } from './observerStream.ts';
import { documentRoom, type MootServer, type WatchNamespace } from './socketData.ts';
import { updateMessage } from './updateMessage.ts';

export { updateMessage };

/**
 * Delivers accepted document traffic to this node's sockets only (`local`): Yjs traffic
 * crosses nodes on its own channel, never through the Socket.IO adapter. The sender is not
 * echoed. Members get every update at once; observers get theirs through the observer stream
 * (shared packets at the observers' cadence) and see the pseudonymised awareness.
 */
export function socketFanout(io: MootServer, watch: WatchNamespace, observers: ObserverStream): DocumentFanout {
  return {
    update(docId, update, exceptSocketId) {
      const room = documentRoom(docId);
      const members = io.local.to(room);
      (exceptSocketId ? members.except(exceptSocketId) : members).emit('doc:sync', {
        docId,
        message: updateMessage(update),
      });
      observers.update(docId, update);
    },
    sync(docId, message, to) {
      const payload = { docId, message };
      const members = to.filter((r) => !r.watcher).map((r) => r.socketId);
      const watchers = to.filter((r) => r.watcher).map((r) => r.socketId);
      // Every socket is in a room named by its id: one broadcast, one encoded packet for all of them.
      if (members.length > 0) io.local.to(members).emit('doc:sync', payload);
      if (watchers.length > 0) watch.local.to(watchers).emit('doc:sync', payload);
    },
    awareness(docId, forParticipants, forWatchers, exceptSocketId) {
      const room = documentRoom(docId);
      const members = io.local.to(room);
      (exceptSocketId ? members.except(exceptSocketId) : members).emit('doc:awareness', {
        docId,
        update: forParticipants,
      });
      observers.awareness(docId, forWatchers);
    },
  };
}

/** `fanout`, and after each document update `changed(docId)` (features that follow a text's edits). */
export function followedBy(fanout: DocumentFanout, changed: (docId: string) => void): DocumentFanout {
  return {
    ...fanout,
    update(docId, update, exceptSocketId) {
      fanout.update(docId, update, exceptSocketId);
      changed(docId);
    },
  };
}
