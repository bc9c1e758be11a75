import { ErrorCode, LIMITS, toBytes } from '@moot/protocol';
import type { Ack, AwarenessMessage, ProtocolError, SyncMessage } from '@moot/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocumentReader, DocumentWriter } from './transport.ts';

/** What co-editors see at this client's caret; the server overwrites it with the real identity. */
export interface CaretUser {
  name: string;
  color: string;
}

/** How this client's edits stand with the server, across every open document. */
export interface SaveStatus {
  /** Edit messages sent and not yet acknowledged as stored. */
  pending: number;
  /** Local edits not sent yet: offline, or waiting for the room to be joined again. */
  queued: boolean;
  /** The last refusal per document (e.g. `locked`, `too_large`), until it saves again. */
  errors: ReadonlyMap<string, ProtocolError>;
}

export interface DocumentHandle {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Resolves once the server's copy has been merged in (its first sync step 2). */
  readonly synced: Promise<void>;
  /** Give the document back; the last release closes it. Calling it twice is harmless. */
  release(): void;
}

/**
 * A copy of a document kept on this device (IndexedDB in the browser), so edits made offline
 * survive a reload and merge when the connection returns. What it loads is not sent as such:
 * only what the server lacks (against its state vector) goes, in a sync step 2, and only by a
 * holder who may edit; so a cached copy of a text the server already has sends nothing, and
 * text deleted meanwhile stays deleted (the merge is Yjs's own).
 */
export interface LocalCopy {
  /** The transaction origin of what it loads into the document. */
  readonly origin: unknown;
  /** Stop keeping the copy up to date (it stays stored). */
  close(): void;
  /** Delete the stored copy and its refusal (the user discarded edits the server refused). */
  clear(): Promise<void>;
  /**
   * The refusal this copy's edits got and still hold, kept beside it so a reload does not send
   * them again as if nothing had happened; null once they were saved or discarded.
   */
  readonly refusal: ProtocolError | null;
  markRefused(refusal: ProtocolError | null): void;
}
export type KeepLocally = (docId: string, doc: Y.Doc) => LocalCopy;

export type ProviderOptions =
  | {
      mode: 'edit';
      transport: DocumentWriter;
      user: CaretUser;
      /** Keep each document on this device too; observers never do. */
      keepLocally?: KeepLocally;
    }
  | { mode: 'watch'; transport: DocumentReader };

type Room = 'none' | 'opening' | 'joined' | 'refused';

interface OpenDocument {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  refs: number;
  /** How many of the holders may edit; with none, the server's step 1 is not answered. */
  writers: number;
  /** Where this document stands in the server's room, for the current connection only. */
  room: Room;
  pending: number;
  unsent: boolean;
  /** The server's state vector from its latest step 1 on this connection. */
  serverVector: Uint8Array | null;
  /** Whether co-editors were last sent a caret, so they also hear when it goes away. */
  sentCaret: boolean;
  /** Why the server last refused to open it, cleared once it opens. */
  openError: ProtocolError | null;
  readonly synced: Promise<void>;
  markSynced(): void;
  local: LocalCopy | null;
  readonly stop: () => void;
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

const NO_ERRORS: ReadonlyMap<string, ProtocolError> = new Map();

/**
 * Refusals after which this device's copy no longer matches the server's: what was refused
 * stays in the copy (and the device's storage) until the member discards it.
 */
export const DIVERGING: ReadonlySet<string> = new Set<string>([
  ErrorCode.locked,
  ErrorCode.tooLarge,
  ErrorCode.forbidden,
  ErrorCode.muted,
]);

/**
 * A Yjs provider for many documents over one shared Socket.IO connection, multiplexed by
 * `docId`, speaking y-protocols sync and awareness messages inside `doc:*` events.
 *
 * Every message is tied to the connection it was sent on (an epoch): acks lost to a disconnect
 * are forgotten rather than waited for, and whatever they carried is sent again in the step 2
 * that answers the server's step 1 after the next `doc:open`.
 */
export class CollabProvider {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly listeners = new Set<() => void>();
  private readonly transport: DocumentReader;
  private readonly writer: DocumentWriter | null;
  private readonly user: CaretUser | null;
  private readonly keepLocally: KeepLocally | null;
  private readonly stopListening: () => void;
  /**
   * The origin of co-editors' edits arriving live (sync "update" messages), as opposed to the
   * server's copy merged on opening (`this`): what announcers listen for.
   */
  readonly liveOrigin: object = { live: true };
  private epoch = 0;
  private errors: ReadonlyMap<string, ProtocolError> = NO_ERRORS;
  /**
   * Documents whose edits the server refused for good (a `DIVERGING` code) and which still hold
   * them. Their copy's catching-up (a step 2, or what the device's copy loads) is not sent, even
   * after the document is closed and opened again (a field turning read-only and back): the
   * refused text would otherwise be taken silently once the lock or mute ends. Live typing still
   * goes, and the server still judges it; a saved edit or "show the saved text" ends this.
   */
  private readonly refused = new Set<string>();
  private status: SaveStatus = { pending: 0, queued: false, errors: NO_ERRORS };

  constructor(options: ProviderOptions) {
    this.transport = options.transport;
    this.writer = options.mode === 'edit' ? options.transport : null;
    this.user = options.mode === 'edit' ? options.user : null;
    this.keepLocally = options.mode === 'edit' ? (options.keepLocally ?? null) : null;
    this.stopListening = this.transport.listen({
      connect: () => this.onConnect(),
      disconnect: () => this.onDisconnect(),
      sync: (message) => this.onSync(message),
      awareness: (message) => this.onAwareness(message),
    });
  }

  /**
   * Open (or share) a document; it syncs whenever the socket is connected. A `readOnly` holder
   * only receives: while no holder may edit, nothing of the document is sent (the server refuses
   * every step 2 to a document that is read-only for this user, even an empty one).
   */
  acquire(docId: string, { readOnly = false }: { readOnly?: boolean } = {}): DocumentHandle {
    let entry = this.docs.get(docId);
    if (!entry) {
      entry = this.create(docId);
      this.docs.set(docId, entry);
      this.openWaiting();
    }
    entry.refs += 1;
    if (!readOnly) entry.writers += 1;
    const owned = entry;
    let released = false;
    return {
      docId,
      doc: owned.doc,
      awareness: owned.awareness,
      synced: owned.synced,
      release: () => {
        if (released) return;
        released = true;
        if (!readOnly) owned.writers -= 1;
        this.release(owned);
      },
    };
  }

  /**
   * Forget this device's copy of `docId`, before the caller drops its local document (after the
   * server refused edits): otherwise the refused edits would load again with the next copy.
   */
  async discardLocal(docId: string): Promise<void> {
    await this.docs.get(docId)?.local?.clear();
    this.refused.delete(docId);
    this.setError(docId, null);
    this.emitStatus();
  }

  /** For `useSyncExternalStore`: the same object until something changes. */
  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Close every document and stop listening; the socket itself belongs to the caller. */
  destroy(): void {
    for (const entry of [...this.docs.values()]) {
      entry.refs = 1;
      this.release(entry);
    }
    this.stopListening();
    this.listeners.clear();
  }

  private create(docId: string): OpenDocument {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    // An observer has no presence; a participant's caret carries a name and colour.
    if (this.user) awareness.setLocalStateField('user', this.user);
    else awareness.setLocalState(null);

    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this || origin === this.liveOrigin) return;
      if (entry.local && origin === entry.local.origin) this.sendMissing(entry);
      else this.sendUpdate(entry, update);
    };
    const onAwareness = (changes: AwarenessChanges, origin: unknown) => {
      if (origin === this) return;
      const changed = [...changes.added, ...changes.updated, ...changes.removed];
      if (changed.includes(doc.clientID)) this.sendAwareness(entry);
    };
    doc.on('update', onUpdate);
    awareness.on('update', onAwareness);
    let markSynced = () => {};
    const synced = new Promise<void>((resolve) => (markSynced = resolve));

    const entry: OpenDocument = {
      docId,
      doc,
      awareness,
      refs: 0,
      writers: 0,
      room: 'none',
      pending: 0,
      unsent: false,
      serverVector: null,
      sentCaret: false,
      openError: null,
      synced,
      markSynced,
      local: null,
      stop: () => {
        entry.local?.close();
        doc.off('update', onUpdate);
        awareness.off('update', onAwareness);
      },
    };
    // Attached last: a copy may load at once, and what it loads is handled like any update.
    entry.local = this.keepLocally?.(docId, doc) ?? null;
    // Refused before a reload: held back, and shown, as if the page had never gone.
    const standing = entry.local?.refusal;
    if (standing) {
      this.refused.add(docId);
      this.setError(docId, standing);
    }
    return entry;
  }

  private release(entry: OpenDocument): void {
    entry.refs -= 1;
    if (entry.refs > 0 || this.docs.get(entry.docId) !== entry) return;
    this.docs.delete(entry.docId);
    // Co-editors should see the caret go now, not after the 30 s awareness timeout.
    awarenessProtocol.removeAwarenessStates(entry.awareness, [entry.doc.clientID], 'close');
    entry.stop();
    if (entry.room !== 'none' && this.transport.connected) this.transport.close(entry.docId);
    entry.awareness.destroy();
    entry.doc.destroy();
    // A standing refusal stays shown: the device's copy still holds what was refused.
    if (!this.refused.has(entry.docId)) this.setError(entry.docId, null);
    this.openWaiting();
    this.emitStatus();
  }

  private isCurrent(entry: OpenDocument, epoch: number): boolean {
    return epoch === this.epoch && this.docs.get(entry.docId) === entry;
  }

  /** Join rooms for documents not yet open, up to the server's per-socket limit. */
  private openWaiting(): void {
    if (!this.transport.connected) return;
    let open = 0;
    for (const entry of this.docs.values()) if (entry.room === 'opening' || entry.room === 'joined') open += 1;
    for (const entry of this.docs.values()) {
      if (open >= LIMITS.maxOpenDocumentsPerSocket) return;
      if (entry.room !== 'none') continue;
      open += 1;
      this.join(entry);
    }
  }

  private join(entry: OpenDocument): void {
    const epoch = this.epoch;
    entry.room = 'opening';
    this.transport.open(entry.docId, Y.encodeStateVector(entry.doc), (ack) => {
      if (!this.isCurrent(entry, epoch)) return;
      if (!ack.ok) {
        entry.room = 'refused';
        entry.openError = ack.error;
        this.refuse(entry.docId, 'doc:open', ack.error);
        this.openWaiting();
        return;
      }
      entry.room = 'joined';
      if (entry.openError && this.errors.get(entry.docId) === entry.openError) {
        this.setError(entry.docId, null);
        this.emitStatus();
      }
      entry.openError = null;
      if (!this.writer) return;
      const step1 = encoding.createEncoder();
      syncProtocol.writeSyncStep1(step1, entry.doc);
      this.send(entry, encoding.toUint8Array(step1), 'handshake');
      // The server's step 1 may have been answered before the room was joined; send what came since.
      if (entry.unsent && entry.serverVector && entry.writers > 0 && !this.refused.has(entry.docId)) {
        const step2 = encoding.createEncoder();
        syncProtocol.writeSyncStep2(step2, entry.doc, entry.serverVector);
        entry.unsent = false;
        this.send(entry, encoding.toUint8Array(step2), 'edit');
      }
      if (entry.awareness.getLocalState()?.['cursor']) this.sendAwareness(entry);
    });
  }

  private onConnect(): void {
    this.epoch += 1;
    for (const entry of this.docs.values()) entry.room = 'none';
    this.openWaiting();
    this.emitStatus();
  }

  private onDisconnect(): void {
    this.epoch += 1;
    for (const entry of this.docs.values()) {
      entry.room = 'none';
      entry.serverVector = null;
      entry.sentCaret = false;
      // Unacknowledged edits may not have been stored: they go again with the next step 2.
      if (entry.pending > 0) entry.unsent = true;
      entry.pending = 0;
      const others = [...entry.awareness.getStates().keys()].filter((id) => id !== entry.doc.clientID);
      awarenessProtocol.removeAwarenessStates(entry.awareness, others, this);
    }
    this.emitStatus();
  }

  private onSync({ docId, message }: SyncMessage): void {
    const entry = this.docs.get(docId);
    if (!entry) return;
    const bytes = toBytes(message);
    try {
      const peek = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(peek);
      if (type === syncProtocol.messageYjsSyncStep1) {
        entry.serverVector = decoding.readVarUint8Array(peek);
      }
      const reply = encoding.createEncoder();
      const origin = type === syncProtocol.messageYjsUpdate ? this.liveOrigin : this;
      syncProtocol.readSyncMessage(decoding.createDecoder(bytes), reply, entry.doc, origin);
      if (type === syncProtocol.messageYjsSyncStep2) entry.markSynced();
      // Only a writer answers a step 1; an observer never sends a byte of a document. A step 2
      // with nothing in it is not sent: the server refuses every step 2 to a read-only document
      // (a locked standard, an ended group's pad, a muted member), even an empty one.
      if (this.writer && entry.writers > 0 && encoding.length(reply) > 0 && this.transport.connected) {
        entry.unsent = false;
        const answer = encoding.toUint8Array(reply);
        if (!isEmptyStep2(answer) && !this.refused.has(docId)) this.send(entry, answer, 'edit');
      }
    } catch (error) {
      console.error(`doc:sync for ${docId} could not be read`, error);
    }
  }

  private onAwareness({ docId, update }: AwarenessMessage): void {
    const entry = this.docs.get(docId);
    if (!entry) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(entry.awareness, toBytes(update), this);
    } catch (error) {
      console.error(`doc:awareness for ${docId} could not be read`, error);
    }
  }

  /** What the local copy brought that the server lacks, now if the room is open, else on joining. */
  private sendMissing(entry: OpenDocument): void {
    if (!this.writer || entry.writers === 0 || this.refused.has(entry.docId)) return;
    if (entry.room !== 'joined' || !entry.serverVector || !this.writer.connected) {
      entry.unsent = true;
      this.emitStatus();
      return;
    }
    const step2 = encoding.createEncoder();
    syncProtocol.writeSyncStep2(step2, entry.doc, entry.serverVector);
    const message = encoding.toUint8Array(step2);
    if (!isEmptyStep2(message)) this.send(entry, message, 'edit');
  }

  private sendUpdate(entry: OpenDocument, update: Uint8Array): void {
    if (!this.writer) return;
    if (entry.room !== 'joined' || !this.writer.connected) {
      entry.unsent = true;
      this.emitStatus();
      return;
    }
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    this.send(entry, encoding.toUint8Array(encoder), 'edit');
  }

  /** `edit` messages carry content and count towards "saving"; a `handshake` (step 1) does not. */
  private send(entry: OpenDocument, message: Uint8Array, kind: 'edit' | 'handshake'): void {
    const writer = this.writer;
    if (!writer) return;
    if (message.byteLength > LIMITS.maxSyncMessageBytes) {
      this.refuse(entry.docId, 'doc:sync', {
        code: ErrorCode.tooLarge,
        message: `A change of ${message.byteLength} bytes is over the limit`,
      });
      return;
    }
    const epoch = this.epoch;
    if (kind === 'edit') entry.pending += 1;
    writer.sync({ docId: entry.docId, message }, (ack: Ack<null>) => {
      if (!this.isCurrent(entry, epoch)) return;
      if (kind === 'edit') entry.pending -= 1;
      if (!ack.ok) this.refuse(entry.docId, 'doc:sync', ack.error);
      else if (kind === 'edit') {
        this.refused.delete(entry.docId);
        entry.local?.markRefused(null);
        this.setError(entry.docId, null);
      }
      this.emitStatus();
    });
    this.emitStatus();
  }

  private sendAwareness(entry: OpenDocument): void {
    const writer = this.writer;
    if (!writer || !writer.connected || entry.room !== 'joined') return;
    // Only carets are drawn, so a state without one is sent only to take a previous caret away.
    const hasCaret = Boolean(entry.awareness.getLocalState()?.['cursor']);
    if (!hasCaret && !entry.sentCaret) return;
    entry.sentCaret = hasCaret;
    const update = awarenessProtocol.encodeAwarenessUpdate(entry.awareness, [entry.doc.clientID]);
    if (update.byteLength > LIMITS.maxAwarenessBytes) return;
    writer.awareness({ docId: entry.docId, update });
  }

  private refuse(docId: string, event: string, error: ProtocolError): void {
    console.warn(`${event} ${docId} refused: ${error.code}`, error.message);
    if (event === 'doc:sync' && DIVERGING.has(error.code)) {
      this.refused.add(docId);
      this.docs.get(docId)?.local?.markRefused(error);
    }
    this.setError(docId, error);
    this.emitStatus();
  }

  private setError(docId: string, error: ProtocolError | null): void {
    if (!error && !this.errors.has(docId)) return;
    const next = new Map(this.errors);
    if (error) next.set(docId, error);
    else next.delete(docId);
    this.errors = next;
  }

  private emitStatus(): void {
    let pending = 0;
    let queued = false;
    for (const entry of this.docs.values()) {
      pending += entry.pending;
      queued ||= entry.unsent;
    }
    const current = this.status;
    if (current.pending === pending && current.queued === queued && current.errors === this.errors) return;
    this.status = { pending, queued, errors: this.errors };
    for (const listener of this.listeners) listener();
  }
}

/** A sync step 2 carrying an empty Yjs update (no structs, no deletions): nothing to tell the server. */
export function isEmptyStep2(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return false;
  const update = decoding.readVarUint8Array(decoder);
  return update.byteLength === EMPTY_UPDATE.byteLength && update.every((byte, i) => byte === EMPTY_UPDATE[i]);
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
