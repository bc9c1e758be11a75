import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ErrorCode, isParticipantRole, publicName, refusal } from '@moot/protocol';
import type { AppContext } from '../appContext.ts';
import { AppError } from '../realtime/appError.ts';
import { on } from '../realtime/on.ts';
import type { AssemblySocket } from '../realtime/socketData.ts';
import { seatColor } from './awarenessIdentity.ts';
import type { Editor } from './documentRegistry.ts';
import type { LiveDocument } from './liveDocument.ts';
import { enterDocument, leaveAllOnDisconnect, leaveDocument } from './documentMembership.ts';

/** Members and moderators: open, edit (y-protocols sync) and show presence in documents. */
export function registerDocumentCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { documents, logger } = ctx;
  const editor = (): Editor => {
    const p = socket.data.participant!;
    // PERMISSIONS keeps narrow seats out of every document command; this keeps them out of the type.
    if (!isParticipantRole(p.role))
      throw new AppError(ErrorCode.forbidden, 'This seat opens no document', refusal('document', 'noDocumentsForSeat'));
    return {
      socketId: socket.id,
      participantId: p.id,
      user: { name: p.displayName, color: seatColor(p.seat), role: p.role },
      publicName: publicName(p),
    };
  };
  const opened = (docId: string): LiveDocument => {
    const live = socket.data.openDocuments.get(docId);
    if (!live) throw new AppError(ErrorCode.notFound, 'Open the document first', refusal('document', 'notOpen'));
    return live;
  };

  on('assembly', socket, 'doc:open', logger, async ({ docId }) => {
    const live = await enterDocument(ctx, socket, docId);
    if (!live) return null;
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, live.doc);
    socket.emit('doc:sync', { docId, message: encoding.toUint8Array(step1) });
    if (live.awareness.getStates().size > 0) {
      socket.emit('doc:awareness', { docId, update: documents.encodeAwareness(live).forParticipants });
    }
    return null;
  });

  on('assembly', socket, 'doc:close', logger, ({ docId }) => leaveDocument(ctx, socket, docId));

  // Applied in the order sent; only the wait for storage runs concurrently.
  on('assembly', socket, 'doc:sync', logger, async ({ docId, message }) => {
    const applied = await socket.data.documentMessages.run(() => applySync(docId, message));
    await applied?.stored;
    return null;
  });
  /** Checks and applies one sync message; resolves (once applied) with a promise of its storage. */
  const applySync = async (docId: string, message: Uint8Array): Promise<{ stored: Promise<void> } | null> => {
    const live = opened(docId);
    let type: number;
    let body: Uint8Array;
    try {
      const decoder = decoding.createDecoder(message);
      type = decoding.readVarUint(decoder);
      body = decoding.readVarUint8Array(decoder);
    } catch {
      throw new AppError(
        ErrorCode.badRequest,
        'The sync message could not be decoded',
        refusal('document', 'undecodable'),
      );
    }
    if (type === syncProtocol.messageYjsSyncStep1) {
      await documents.sendStep2(live, { socketId: socket.id, watcher: false }, body);
      return null;
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
      throw new AppError(ErrorCode.badRequest, 'Unknown sync message type', refusal('document', 'unknownMessage'));
    }
    const { locked } = await ctx.access.check(socket.data, docId);
    const silenced = !locked && (await ctx.silence.isSilenced(socket.data.participant!.id));
    // A step 2 or update that adds nothing (y-protocols answers every step 1 with one) is no edit.
    if ((locked || silenced) && addsNothing(live, body)) return null;
    if (locked)
      throw new AppError(
        ErrorCode.locked,
        'This text is locked; it can no longer change',
        refusal('document', 'locked'),
      );
    if (silenced) await ctx.silence.refuse(socket.data.participant!.id, 'your edit was not taken');
    // Wrapped: an async function returning a bare promise would wait for it.
    const kind = type === syncProtocol.messageYjsUpdate ? 'update' : 'sync';
    return { stored: documents.applyClientUpdate(live, body, editor(), kind) };
  };

  on('assembly', socket, 'doc:awareness', logger, ({ docId, update }) => {
    documents.applyAwareness(opened(docId), update, editor());
  });

  leaveAllOnDisconnect(ctx, socket);
}

function addsNothing(live: LiveDocument, update: Uint8Array): boolean {
  try {
    return Y.snapshotContainsUpdate(Y.snapshot(live.doc), update);
  } catch {
    return false;
  }
}
