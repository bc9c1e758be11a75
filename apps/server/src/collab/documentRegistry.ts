import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { ErrorCode, type AwarenessUser, refusal } from '@moot/protocol';
import type { Cluster } from '../cluster/cluster.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { AppError } from '../realtime/appError.ts';
import type { Database } from '../storage/database.ts';
import { awarenessClientIds, stampIdentity } from './awarenessIdentity.ts';
import { compactDocument, loadDocument } from './documentStore.ts';
import { LiveDocument, type UpdateOrigin } from './liveDocument.ts';
import type { UpdateLog } from './updateLog.ts';
import { InitialSync, type SyncRecipient } from './initialSync.ts';
import { inspectUpdate } from './validateUpdate.ts';

/** Where document traffic goes once the registry has accepted it (sockets here; other nodes later). */
export interface DocumentFanout {
  update(docId: string, update: Uint8Array, exceptSocketId: string | null): void;
  /** One sync message to these sockets only (one packet, encoded once). */
  sync(docId: string, message: Uint8Array, to: SyncRecipient[]): void;
  awareness(docId: string, forParticipants: Uint8Array, forWatchers: Uint8Array, exceptSocketId: string | null): void;
}

export interface Editor {
  socketId: string;
  participantId: string;
  user: AwarenessUser;
  /** How observers see this editor: a pseudonym unless they opted in to their name. */
  publicName: string;
}

const MAX_AWARENESS_CLIENTS_PER_SOCKET = 4;

const CLUSTER: UpdateOrigin = { kind: 'cluster' };

/**
 * The documents loaded on this node. Loads are single-flight: every opener of a document
 * awaits the same load, and nothing is applied before it finished. A failed load is
 * forgotten, so no empty document is ever served or stored in its place.
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, Promise<LiveDocument>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly compacting = new Map<string, Promise<void>>();
  private readonly initialSync: InitialSync;

  constructor(
    private readonly deps: {
      db: Database;
      log: UpdateLog;
      logger: Logger;
      fanout: DocumentFanout;
      cluster: Cluster;
      metrics: Metrics;
      compactEvery?: number;
      unloadAfterMs?: number;
    },
  ) {
    this.initialSync = new InitialSync((docId, message, to) => deps.fanout.sync(docId, message, to));
    deps.cluster.listen({
      remoteUpdate: (docId, update) => this.withLoaded(docId, (live) => Y.applyUpdate(live.doc, update, CLUSTER)),
      remoteAwareness: (docId, forParticipants, forWatchers) =>
        this.withLoaded(docId, (live) => {
          applyAwarenessUpdate(live.awareness, forParticipants, 'cluster');
          applyAwarenessUpdate(live.publicAwareness, forWatchers, 'cluster');
          deps.fanout.awareness(docId, forParticipants, forWatchers, null);
        }),
      missedUpdates: (docId) =>
        this.withLoaded(docId, async (live) => {
          const stored = await loadDocument(deps.db, docId);
          Y.transact(
            live.doc,
            () => {
              if (stored.snapshot) Y.applyUpdate(live.doc, stored.snapshot, CLUSTER);
              for (const update of stored.updates) Y.applyUpdate(live.doc, update, CLUSTER);
            },
            CLUSTER,
          );
        }),
    });
  }

  /** Runs `work` once the document has loaded here, in arrival order; ignores documents not loaded. */
  private withLoaded(docId: string, work: (live: LiveDocument) => unknown): void {
    this.documents
      .get(docId)
      ?.then(work)
      .catch((err: unknown) => this.deps.logger.warn({ err, docId }, 'could not apply a change from another node'));
  }

  get loadedCount(): number {
    return this.documents.size;
  }

  open(docId: string): Promise<LiveDocument> {
    const existing = this.documents.get(docId);
    if (existing) return existing;
    // Follow the document's channel before reading the database, so nothing published meanwhile is missed.
    const loading = this.deps.cluster
      .follow(docId)
      .then(() => loadDocument(this.deps.db, docId))
      .then((loaded) => this.activate(docId, loaded));
    this.documents.set(docId, loading);
    loading.catch((error: unknown) => {
      this.documents.delete(docId);
      this.deps.cluster.unfollow(docId);
      this.deps.logger.error({ err: error, docId }, 'document load failed');
    });
    return loading.catch(() => {
      throw new AppError(
        ErrorCode.unavailable,
        'The document could not be loaded; try again shortly',
        refusal('document', 'loadFailed'),
      );
    });
  }

  hold(live: LiveDocument, socketId: string): void {
    live.holders.add(socketId);
    clearTimeout(this.unloadTimers.get(live.docId));
    this.unloadTimers.delete(live.docId);
  }

  /** A socket leaves the document: its carets disappear for everyone, and an unused document unloads. */
  release(live: LiveDocument, socketId: string): void {
    live.holders.delete(socketId);
    const ids = live.clientIdsOf(socketId);
    if (ids.length > 0) {
      removeAwarenessStates(live.awareness, ids, 'server');
      removeAwarenessStates(live.publicAwareness, ids, 'server');
      for (const id of ids) live.awarenessOwners.delete(id);
      const removal = encodeAwarenessUpdate(live.awareness, ids);
      this.deps.fanout.awareness(live.docId, removal, removal, socketId);
      this.deps.cluster.publishAwareness(live.docId, removal, removal);
    }
    if (live.holders.size === 0 && !this.unloadTimers.has(live.docId)) {
      const timer = setTimeout(() => void this.unload(live), this.deps.unloadAfterMs ?? 2000);
      this.unloadTimers.set(live.docId, timer);
    }
  }

  /**
   * Validates, applies and fans out a client's update at once (throwing if refused) and
   * returns a promise that resolves once it is stored.
   */
  applyClientUpdate(
    live: LiveDocument,
    update: Uint8Array,
    editor: Editor,
    kind: 'update' | 'sync' = 'update',
  ): Promise<void> {
    if (!this.deps.log.accepting) {
      throw new AppError(
        ErrorCode.unavailable,
        'Saving is behind; your edit was not taken, it will be resent',
        refusal('document', 'savingBehind'),
      );
    }
    const { problem, from } = inspectUpdate(live.doc, update);
    if (problem === 'malformed')
      throw new AppError(ErrorCode.badRequest, 'The update could not be decoded', refusal('document', 'undecodable'));
    if (problem)
      throw new AppError(
        ErrorCode.badRequest,
        'The update depends on changes the server does not have',
        refusal('document', 'missingChanges'),
      );
    if (!live.hasRoomFor(update.byteLength)) {
      throw new AppError(ErrorCode.tooLarge, 'This document has reached its size limit', refusal('document', 'full'));
    }
    // A live edit is written under its author's own client id (research C3: ids are not
    // authenticated by Yjs). A sync step 2 may carry others' edits the server lost; it is not pinned.
    if (kind === 'update') {
      for (const client of from.keys()) {
        const author = live.authors.get(client);
        if (author !== undefined && author !== editor.participantId) {
          throw new AppError(
            ErrorCode.forbidden,
            "That edit is written under someone else's client id",
            refusal('document', 'notYourClient'),
          );
        }
      }
    }
    // A client id's first update (clock 0) makes its sender the author of all it ever writes:
    // pinned here, and recorded with the update in the log (one row per client id, not per edit).
    const newClients: number[] = [];
    for (const [client, clock] of from) {
      if (clock === 0 && !live.authors.has(client)) {
        live.authors.set(client, editor.participantId);
        newClients.push(client);
      }
    }
    const origin: UpdateOrigin = {
      kind: 'client',
      socketId: editor.socketId,
      participantId: editor.participantId,
      newClients,
    };
    Y.applyUpdate(live.doc, update, origin);
    return origin.stored ?? Promise.resolve();
  }

  /** Applies a client's awareness with the server's identity stamped in, then fans it out. */
  applyAwareness(live: LiveDocument, update: Uint8Array, editor: Editor): void {
    const ids = awarenessClientIds(update);
    if (!ids)
      throw new AppError(
        ErrorCode.badRequest,
        'The awareness update could not be decoded',
        refusal('document', 'undecodable'),
      );
    for (const id of ids) {
      const owner = live.awarenessOwners.get(id);
      if (owner !== undefined && owner !== editor.socketId) {
        throw new AppError(
          ErrorCode.forbidden,
          'That awareness client belongs to someone else',
          refusal('document', 'notYourClient'),
        );
      }
      if (!owner && live.clientIdsOf(editor.socketId).length >= MAX_AWARENESS_CLIENTS_PER_SOCKET) {
        throw new AppError(
          ErrorCode.limitReached,
          'Too many awareness clients on one connection',
          refusal('document', 'tooManyCursors', { max: MAX_AWARENESS_CLIENTS_PER_SOCKET }),
        );
      }
    }
    for (const id of ids) {
      live.awarenessOwners.set(id, editor.socketId);
    }
    const forParticipants = stampIdentity(update, editor.user);
    const forWatchers = stampIdentity(update, { ...editor.user, name: editor.publicName });
    applyAwarenessUpdate(live.awareness, forParticipants, editor.socketId);
    applyAwarenessUpdate(live.publicAwareness, forWatchers, editor.socketId);
    this.deps.fanout.awareness(live.docId, forParticipants, forWatchers, editor.socketId);
    this.deps.cluster.publishAwareness(live.docId, forParticipants, forWatchers);
  }

  /** Sends `recipient` the sync step 2 answering `stateVector` (none: the whole document); see `InitialSync`. */
  sendStep2(live: LiveDocument, recipient: SyncRecipient, stateVector?: Uint8Array): Promise<void> {
    return this.initialSync.send(live, recipient, stateVector);
  }

  /** Everyone's current carets, for a socket that just opened the document. */
  encodeAwareness(live: LiveDocument): { forParticipants: Uint8Array; forWatchers: Uint8Array } {
    return {
      forParticipants: encodeAwarenessUpdate(live.awareness, [...live.awareness.getStates().keys()]),
      forWatchers: encodeAwarenessUpdate(live.publicAwareness, [...live.publicAwareness.getStates().keys()]),
    };
  }

  /**
   * Changes a document on the assembly's decision (not a member's keystrokes): applied as one
   * forward edit, sent to everyone holding it on any node, and stored before this resolves.
   */
  async applyDecision<T>(docId: string, edit: (doc: Y.Doc) => T, authorId?: string): Promise<T> {
    const live = await this.open(docId);
    // A decision credited to a member (an adopted suggestion: its proposer) is written under a
    // client id of its own, so who wrote each decision's words survives in the authors' record
    // (first claim stands). Otherwise the server's own client id writes it, credited to no one.
    if (authorId) live.doc.clientID = randomInt(1, 2 ** 32);
    const origin: UpdateOrigin = {
      kind: 'decision',
      newClients: [live.doc.clientID],
      ...(authorId ? { participantId: authorId } : {}),
    };
    let result!: T;
    Y.transact(live.doc, () => (result = edit(live.doc)), origin);
    await origin.stored;
    this.unloadWhenIdle(live);
    return result;
  }

  /** Looks at a document's current state (loading it if needed) without changing it. */
  async read<T>(docId: string, look: (doc: Y.Doc) => T): Promise<T> {
    const live = await this.open(docId);
    try {
      return look(live.doc);
    } finally {
      this.unloadWhenIdle(live);
    }
  }

  private unloadWhenIdle(live: LiveDocument): void {
    if (live.holders.size === 0 && !this.unloadTimers.has(live.docId)) {
      this.unloadTimers.set(
        live.docId,
        setTimeout(() => void this.unload(live), this.deps.unloadAfterMs ?? 2000),
      );
    }
  }

  /** Resolves once every update accepted so far on this node is stored. */
  async flushWrites(): Promise<void> {
    await this.deps.log.flush();
  }

  /** Shutdown: write every pending update, fold what this node wrote, free memory. */
  async close(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const unwritten = await this.deps.log.flush();
    if (unwritten > 0) this.deps.logger.error({ unwritten }, 'shutting down with unwritten updates');
    const loaded = await Promise.allSettled(this.documents.values());
    for (const result of loaded) if (result.status === 'fulfilled') await this.unload(result.value, true);
    await Promise.allSettled(this.compacting.values());
  }

  private activate(docId: string, loaded: Awaited<ReturnType<typeof loadDocument>>): LiveDocument {
    const live = new LiveDocument(docId, loaded);
    const { metrics } = this.deps;
    live.doc.on('update', (update: Uint8Array, origin: UpdateOrigin) => {
      if (origin.kind === 'server') return;
      metrics.updatesApplied.inc({ origin: origin.kind });
      const fanningOut = metrics.fanoutSeconds.startTimer();
      if (origin.kind === 'client' || origin.kind === 'decision') {
        const author = origin.participantId ?? null;
        origin.stored = this.store(live, update, author, origin.newClients);
        this.deps.fanout.update(docId, update, origin.kind === 'client' ? origin.socketId : null);
        // Other nodes get it once it is stored: what crosses nodes is durable, so a node dying
        // between applying and storing cannot leave an update alive elsewhere but in no database.
        // (Its own clients still hold it and resend it to the node they reconnect to.)
        void origin.stored.then(() => this.deps.cluster.publishUpdate(docId, update));
      } else {
        this.deps.fanout.update(docId, update, null);
      }
      fanningOut();
    });
    metrics.documentsLoaded.inc();
    return live;
  }

  private async store(
    live: LiveDocument,
    update: Uint8Array,
    participantId: string | null,
    newClients: number[],
  ): Promise<void> {
    const atRisk = this.deps.metrics.persistenceLagSeconds.startTimer();
    await this.deps.log.append({ docId: live.docId, update, participantId, newClients });
    atRisk();
    live.appendedSinceCompaction++;
    if (live.appendedSinceCompaction >= (this.deps.compactEvery ?? 500)) void this.compact(live);
  }

  private compact(live: LiveDocument): Promise<void> {
    const running = this.compacting.get(live.docId);
    if (running) return running;
    live.appendedSinceCompaction = 0;
    const work = compactDocument(this.deps.db, live.docId)
      .then(() => undefined)
      .catch((error: unknown) => this.deps.logger.error({ err: error, docId: live.docId }, 'compaction failed'))
      .finally(() => this.compacting.delete(live.docId));
    this.compacting.set(live.docId, work);
    return work;
  }

  /**
   * Frees a document nobody on this node holds. Pending writes are flushed while it is still
   * registered, so a concurrent re-open can never load a state missing them.
   */
  private async unload(live: LiveDocument, force = false): Promise<void> {
    this.unloadTimers.delete(live.docId);
    if (this.documents.get(live.docId) === undefined) return;
    await this.deps.log.flush();
    if (live.holders.size > 0 && !force) return;
    this.documents.delete(live.docId);
    this.deps.cluster.unfollow(live.docId);
    this.deps.metrics.documentsLoaded.dec();
    if (live.appendedSinceCompaction > 0) await this.compact(live);
    live.destroy();
  }
}
