import { ErrorCode, LIMITS, refusal } from '@moot/protocol';
import type { AppContext } from '../appContext.ts';
import { AppError } from '../realtime/appError.ts';
import { documentRoom, type AssemblySocket, type WatchSocket } from '../realtime/socketData.ts';
import type { LiveDocument } from './liveDocument.ts';

type AnySocket = AssemblySocket | WatchSocket;

/**
 * A socket opening a document, for both namespaces: within the per-socket limit, only a
 * document its assembly and role may open, once it has loaded. Null if the socket left meanwhile.
 */
export async function enterDocument(ctx: AppContext, socket: AnySocket, docId: string): Promise<LiveDocument | null> {
  const open = socket.data.openDocuments;
  if (!open.has(docId) && open.size >= LIMITS.maxOpenDocumentsPerSocket) {
    throw new AppError(
      ErrorCode.limitReached,
      `At most ${LIMITS.maxOpenDocumentsPerSocket} documents at once`,
      refusal('document', 'tooManyOpen', { max: LIMITS.maxOpenDocumentsPerSocket }),
    );
  }
  await ctx.access.resolve(socket.data, docId);
  const live = await ctx.documents.open(docId);
  if (socket.disconnected) return null;
  ctx.documents.hold(live, socket.id);
  open.set(docId, live);
  await socket.join(documentRoom(docId));
  return live;
}

export async function leaveDocument(ctx: AppContext, socket: AnySocket, docId: string): Promise<null> {
  const live = socket.data.openDocuments.get(docId);
  if (!live) {
    // Closing twice is harmless; closing another assembly's document is "not found", as opening it is.
    await ctx.access.resolve(socket.data, docId).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === ErrorCode.forbidden)) throw error;
    });
    return null;
  }
  socket.data.openDocuments.delete(docId);
  ctx.documents.release(live, socket.id);
  await socket.leave(documentRoom(docId));
  return null;
}

/** On disconnect: the socket's carets disappear and its documents may unload. */
export function leaveAllOnDisconnect(ctx: AppContext, socket: AnySocket): void {
  (socket as AssemblySocket).on('disconnect', () => {
    for (const live of socket.data.openDocuments.values()) ctx.documents.release(live, socket.id);
    socket.data.openDocuments.clear();
  });
}
