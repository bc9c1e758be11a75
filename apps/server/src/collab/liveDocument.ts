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
  | { kind: 'client'; socketId: string; participantId: string; stored?: Promise<void> }
  /** A change the server makes on the assembly's decision (an adopted amendment): stored and sent to all. */
  | { kind: 'decision'; stored?: Promise<void> }
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
