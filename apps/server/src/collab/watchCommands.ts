import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ErrorCode } from '@moot/protocol';
import type { AppContext } from '../appContext.ts';
import { AppError } from '../realtime/appError.ts';
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

  on('watch', socket, 'doc:close', logger, ({ docId }) => leaveDocument(ctx, socket, docId));
  leaveAllOnDisconnect(ctx, socket);
}
