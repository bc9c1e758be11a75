import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ErrorCode, LIMITS } from '@moot/protocol';
import type { AppContext } from '../appContext.ts';
import { AppError } from '../realtime/appError.ts';
import { on } from '../realtime/on.ts';
import { documentRoom, type WatchSocket } from '../realtime/socketData.ts';
import { resolveDocument } from './resolveDocument.ts';

/**
 * Observers: receive documents, never change them. There is deliberately no handler here
 * that applies anything — the watch namespace cannot write because it has nothing to write with.
 */
export function registerWatchCommands(ctx: AppContext, socket: WatchSocket): void {
  const { documents, logger } = ctx;

  on('watch', socket, 'doc:open', logger, async ({ docId, stateVector }) => {
    const open = socket.data.openDocuments;
    if (!open.has(docId) && open.size >= LIMITS.maxOpenDocumentsPerSocket) {
      throw new AppError(ErrorCode.limitReached, `At most ${LIMITS.maxOpenDocumentsPerSocket} documents at once`);
    }
    await resolveDocument(ctx.db, socket.data, docId);
    const live = await documents.open(docId);
    if (socket.disconnected) return null;
    documents.hold(live, socket.id);
    open.set(docId, live);
    await socket.join(documentRoom(docId));
    let missing: Uint8Array;
    try {
      missing = Y.encodeStateAsUpdate(live.doc, stateVector);
    } catch {
      throw new AppError(ErrorCode.badRequest, 'The state vector could not be decoded');
    }
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(step2, missing);
    socket.emit('doc:sync', { docId, message: encoding.toUint8Array(step2) });
    if (live.awareness.getStates().size > 0) {
      socket.emit('doc:awareness', { docId, update: documents.encodeAwareness(live).forWatchers });
    }
    return null;
  });

  on('watch', socket, 'doc:close', logger, async ({ docId }) => {
    const live = socket.data.openDocuments.get(docId);
    if (!live) return null;
    socket.data.openDocuments.delete(docId);
    documents.release(live, socket.id);
    await socket.leave(documentRoom(docId));
    return null;
  });

  socket.on('disconnect', () => {
    for (const live of socket.data.openDocuments.values()) documents.release(live, socket.id);
    socket.data.openDocuments.clear();
  });
}
