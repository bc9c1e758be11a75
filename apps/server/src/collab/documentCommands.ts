import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { ErrorCode, LIMITS, pseudonym } from '@moot/protocol';
import type { AppContext } from '../appContext.ts';
import { AppError } from '../realtime/appError.ts';
import { on } from '../realtime/on.ts';
import { documentRoom, type AssemblySocket } from '../realtime/socketData.ts';
import { seatColor } from './awarenessIdentity.ts';
import type { Editor } from './documentRegistry.ts';
import type { LiveDocument } from './liveDocument.ts';
import { resolveDocument } from './resolveDocument.ts';

/** Members and moderators: open, edit (y-protocols sync) and show presence in documents. */
export function registerDocumentCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { documents, logger } = ctx;
  const editor = (): Editor => {
    const p = socket.data.participant!;
    return {
      socketId: socket.id,
      participantId: p.id,
      user: { name: p.displayName, color: seatColor(p.seat), role: p.role },
      publicName: p.showName ? p.displayName : pseudonym(p.seat),
    };
  };
  const opened = (docId: string): LiveDocument => {
    const live = socket.data.openDocuments.get(docId);
    if (!live) throw new AppError(ErrorCode.notFound, 'Open the document first');
    return live;
  };

  on('assembly', socket, 'doc:open', logger, async ({ docId }) => {
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
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, live.doc);
    socket.emit('doc:sync', { docId, message: encoding.toUint8Array(step1) });
    if (live.awareness.getStates().size > 0) {
      socket.emit('doc:awareness', { docId, update: documents.encodeAwareness(live).forParticipants });
    }
    return null;
  });

  on('assembly', socket, 'doc:close', logger, async ({ docId }) => {
    const live = socket.data.openDocuments.get(docId);
    if (!live) return null;
    socket.data.openDocuments.delete(docId);
    documents.release(live, socket.id);
    await socket.leave(documentRoom(docId));
    return null;
  });

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
      throw new AppError(ErrorCode.badRequest, 'The sync message could not be decoded');
    }
    if (type === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      try {
        syncProtocol.writeSyncStep2(reply, live.doc, body);
      } catch {
        throw new AppError(ErrorCode.badRequest, 'The state vector could not be decoded');
      }
      socket.emit('doc:sync', { docId, message: encoding.toUint8Array(reply) });
      return null;
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
      throw new AppError(ErrorCode.badRequest, 'Unknown sync message type');
    }
    const { locked } = await ctx.access.check(socket.data, docId);
    if (locked) throw new AppError(ErrorCode.locked, 'This text is locked; it can no longer change');
    if (await ctx.silence.isSilenced(socket.data.participant!.id)) {
      throw new AppError(ErrorCode.forbidden, 'A moderator has muted you for now; your edit was not taken');
    }
    // Wrapped: an async function returning a bare promise would wait for it.
    return { stored: documents.applyClientUpdate(live, body, editor()) };
  };

  on('assembly', socket, 'doc:awareness', logger, ({ docId, update }) => {
    documents.applyAwareness(opened(docId), update, editor());
  });

  socket.on('disconnect', () => {
    for (const live of socket.data.openDocuments.values()) documents.release(live, socket.id);
    socket.data.openDocuments.clear();
  });
}
