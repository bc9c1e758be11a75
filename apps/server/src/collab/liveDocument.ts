import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { LIMITS } from '@moot/protocol';
import type { LoadedDocument } from './documentStore.ts';

/**
 * Why a transaction happened. Only `client` and `decision` updates are persisted by this node; `cluster`
 * updates came from another node (which persisted them) and `server` ones are loads.
 * Nothing is therefore re-published or stored twice.
 */
export type UpdateOrigin =
  | { kind: 'client'; socketId: string; participantId: string; newClients: number[]; stored?: Promise<void> }
  /**
   * A change the server makes on the assembly's decision (an adopted amendment): stored and sent
   * to all, credited to `participantId` (the amendment's proposer) when there is one.
   */
  | { kind: 'decision'; participantId?: string; newClients: number[]; stored?: Promise<void> }
  | { kind: 'cluster' }
  | { kind: 'server' };

/** One loaded document: the canonical Y.Doc, its awareness, and who holds it on this node. */
export class LiveDocument {
  readonly doc = new Y.Doc();
  /** Carets and names as members and moderators see them. */
  readonly awareness = new Awareness(this.doc);
  /** The same states as observers see them: names replaced by pseudonyms. */
  readonly publicAwareness = new Awareness(this.doc);
  /** Sockets on this node that have the document open. */
  readonly holders = new Set<string>();
  /** Each awareness client id of this node's sockets, pinned to the socket that first used it. */
  readonly awarenessOwners = new Map<number, string>();
  /**
   * Yjs client ids whose history began (clock 0) on this node while loaded, pinned to the
   * participant who sent it: nobody else may write live edits under that id.
   */
  readonly authors = new Map<number, string>();
  /** Updates this node appended to the log since the last compaction. */
  appendedSinceCompaction = 0;
  private approximateBytes = 0;
  /** The sync step 2 that carries the whole document, for this version of it (null once it changed). */
  private fullStep2: Uint8Array | null = null;

  constructor(
    readonly docId: string,
    loaded: LoadedDocument,
  ) {
    this.awareness.setLocalState(null);
    this.publicAwareness.setLocalState(null);
    const origin: UpdateOrigin = { kind: 'server' };
    Y.transact(
      this.doc,
      () => {
        if (loaded.snapshot) Y.applyUpdate(this.doc, loaded.snapshot, origin);
        for (const update of loaded.updates) Y.applyUpdate(this.doc, update, origin);
      },
      origin,
    );
    this.approximateBytes =
      (loaded.snapshot?.byteLength ?? 0) + loaded.updates.reduce((sum, u) => sum + u.byteLength, 0);
    // Stored as one blob that applied cleanly: that blob already is the whole state, no encode needed.
    const blobs = loaded.snapshot ? [loaded.snapshot, ...loaded.updates] : loaded.updates;
    if (blobs.length === 1 && !this.doc.store.pendingStructs && !this.doc.store.pendingDs) {
      this.fullStep2 = step2Message(blobs[0]!);
    }
    this.doc.on('update', () => (this.fullStep2 = null));
  }

  /**
   * The sync step 2 answering a state vector: what the document has that it lacks. Someone
   * arriving with nothing (no state vector, or an empty one) gets the whole document, encoded
   * once per version and shared by everyone who opens it until it changes — a hundred
   * observers opening a large text cost one encode, not a hundred.
   */
  step2For(stateVector?: Uint8Array): Uint8Array {
    if (stateVector && !(stateVector.byteLength === 1 && stateVector[0] === 0)) {
      return step2Message(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    return (this.fullStep2 ??= step2Message(Y.encodeStateAsUpdate(this.doc)));
  }

  /**
   * Whether the document may grow by `bytes`. Counts cheaply and re-measures exactly only
   * when the estimate nears the limit, so a keystroke never costs a full encode.
   */
  hasRoomFor(bytes: number): boolean {
    if (this.approximateBytes + bytes <= LIMITS.maxDocumentBytes) {
      this.approximateBytes += bytes;
      return true;
    }
    this.approximateBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    if (this.approximateBytes + bytes > LIMITS.maxDocumentBytes) return false;
    this.approximateBytes += bytes;
    return true;
  }

  /** About how many bytes the whole document takes encoded (what loaded plus what was added since). */
  get approximateSize(): number {
    return this.approximateBytes;
  }

  /** The awareness client ids a socket speaks for on this document. */
  clientIdsOf(socketId: string): number[] {
    return [...this.awarenessOwners].filter(([, owner]) => owner === socketId).map(([id]) => id);
  }

  destroy(): void {
    this.awareness.destroy();
    this.publicAwareness.destroy();
    this.doc.destroy();
  }
}

function step2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
