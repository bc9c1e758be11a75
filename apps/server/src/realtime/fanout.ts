import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { DocumentFanout } from '../collab/documentRegistry.ts';
import { documentRoom, type MootServer, type WatchNamespace } from './socketData.ts';

/** Frames a Yjs update as a y-protocols sync "update" message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Delivers accepted document traffic to this node's sockets only (`local`): Yjs traffic
 * crosses nodes on its own channel, never through the Socket.IO adapter. The sender is not
 * echoed; observers get the pseudonymised awareness.
 */
export function socketFanout(io: MootServer, watch: WatchNamespace): DocumentFanout {
  return {
    update(docId, update, exceptSocketId) {
      const payload = { docId, message: updateMessage(update) };
      const room = documentRoom(docId);
      const members = io.local.to(room);
      (exceptSocketId ? members.except(exceptSocketId) : members).emit('doc:sync', payload);
      watch.local.to(room).emit('doc:sync', payload);
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
      watch.local.to(room).emit('doc:awareness', { docId, update: forWatchers });
    },
  };
}
