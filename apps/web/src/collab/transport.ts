import type {
  Ack,
  AssemblyClientEvents,
  AssemblyServerEvents,
  AwarenessMessage,
  SyncMessage,
  WatchClientEvents,
  WatchServerEvents,
} from '@moot/protocol';
import type { Socket } from 'socket.io-client';

export type AssemblySocket = Socket<AssemblyServerEvents, AssemblyClientEvents>;
export type WatchSocket = Socket<WatchServerEvents, WatchClientEvents>;

/** What the document provider hears from the socket. */
export interface DocumentEvents {
  connect(): void;
  disconnect(): void;
  sync(message: SyncMessage): void;
  awareness(message: AwarenessMessage): void;
}

/**
 * The document side of one socket, as the provider needs it. A reader can only ask to receive;
 * only a writer can send sync or awareness messages — the watch page gets a reader, so the
 * "never send a byte of a document" rule is a type, not a promise.
 */
export interface DocumentReader {
  readonly connected: boolean;
  listen(events: DocumentEvents): () => void;
  /** Join a document's room; `stateVector` lets a reader ask only for what it lacks. */
  open(docId: string, stateVector: Uint8Array, ack: (ack: Ack<null>) => void): void;
  close(docId: string): void;
}

export interface DocumentWriter extends DocumentReader {
  sync(message: SyncMessage, ack: (ack: Ack<null>) => void): void;
  awareness(message: AwarenessMessage): void;
}

const logCloseFailure = (docId: string) => (ack: Ack<null>) => {
  if (!ack.ok) console.warn(`doc:close ${docId} refused`, ack.error);
};

// Both namespaces share the broadcast events, so one listener wiring serves both.
function listenTo(socket: AssemblySocket | WatchSocket, events: DocumentEvents): () => void {
  // The union's overloads do not narrow per member; the wiring is the same for both event maps.
  const target = socket as AssemblySocket;
  target.on('connect', events.connect);
  target.on('disconnect', events.disconnect);
  target.on('doc:sync', events.sync);
  target.on('doc:awareness', events.awareness);
  return () => {
    target.off('connect', events.connect);
    target.off('disconnect', events.disconnect);
    target.off('doc:sync', events.sync);
    target.off('doc:awareness', events.awareness);
  };
}

/** Members and moderators: the authenticated namespace, which accepts edits. */
export function assemblyDocuments(socket: AssemblySocket): DocumentWriter {
  return {
    get connected() {
      return socket.connected;
    },
    listen: (events) => listenTo(socket, events),
    // `doc:open` on this namespace is a strict `{ docId }`: the state vector travels in step 1.
    open: (docId, _stateVector, ack) => socket.emit('doc:open', { docId }, ack),
    close: (docId) => socket.emit('doc:close', { docId }, logCloseFailure(docId)),
    sync: (message, ack) => socket.emit('doc:sync', message, ack),
    awareness: (message) => socket.emit('doc:awareness', message),
  };
}

/** Observers: the `/watch` namespace, which has nothing to write to. */
export function watchDocuments(socket: WatchSocket): DocumentReader {
  return {
    get connected() {
      return socket.connected;
    },
    listen: (events) => listenTo(socket, events),
    // The schema-inferred type wants an ArrayBuffer-backed array; Yjs returns ArrayBufferLike.
    open: (docId, stateVector, ack) =>
      socket.emit('doc:open', { docId, stateVector: new Uint8Array(stateVector) }, ack),
    close: (docId) => socket.emit('doc:close', { docId }, logCloseFailure(docId)),
  };
}
