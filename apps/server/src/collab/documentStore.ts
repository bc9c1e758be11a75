import * as Y from 'yjs';
import type { Database, Queryable } from '../storage/database.ts';
import { attributeLog, authorsInsert, saveCheckpoint } from './authorship.ts';

/**
 * Durable Yjs documents: a snapshot plus an append-only log of updates. Loading replays the
 * log onto the snapshot; compaction folds the log into a new snapshot by replaying into one
 * Y.Doc inside one transaction. Never `Y.mergeUpdates` over a long log: merging 100,000
 * one-character updates that way took minutes where replaying them took under a second.
 */
export interface StoredUpdate {
  docId: string;
  update: Uint8Array;
  participantId: string | null;
  /**
   * Yjs client ids this update is the first the server accepted from (clock 0): each is
   * attributed to `participantId` (null: the assembly's decision) in the same statement.
   */
  newClients?: readonly number[];
}

export interface LoadedDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/** As loaded, with the sequence numbers of the log rows read (what a compaction folds). */
export interface StoredDocument extends LoadedDocument {
  seqs: number[];
  /** Who sent each log row (null: the assembly's decision), in the order of `updates`. */
  senders: (string | null)[];
}

/**
 * Stored state is read in pieces of at most this many bytes. A PostgreSQL server sends `bytea`
 * as hex text, parsed on the event loop in one go: a 16 MB row is 32 MB of text and about
 * 150 ms of blocked loop. In 1 MB pieces each query's share is a few milliseconds.
 */
export const READ_PIECE_BYTES = 1024 * 1024;

/** How often a snapshot rewritten while it was read in pieces is read again before giving up. */
const SNAPSHOT_READ_ATTEMPTS = 5;

/** Small values come whole; larger ones are `null` here and read piece by piece. */
const sized = (column: string) =>
  `octet_length(${column}) AS bytes, CASE WHEN octet_length(${column}) <= $2 THEN ${column} END AS whole`;

/** A value of `total` bytes from `piece(from, length)` (1-based, as SQL's `substring`); null if it vanished meanwhile. */
async function readInPieces(
  total: number,
  pieceBytes: number,
  piece: (from: number, length: number) => Promise<{ piece: Uint8Array }[]>,
): Promise<Uint8Array | null> {
  const out = new Uint8Array(total);
  for (let at = 0; at < total; at += pieceBytes) {
    const [row] = await piece(at + 1, Math.min(pieceBytes, total - at));
    if (!row) return null;
    out.set(row.piece, at);
  }
  return out;
}

/**
 * The log is read before the snapshot. Compaction folds rows into the snapshot and deletes them
 * in one transaction, and the snapshot only grows: whatever rows a compaction deletes after the
 * log was read are in the snapshot read after it. (Snapshot first, a compaction in between
 * would leave their edits in neither read.) Log rows never change, so one read in pieces is
 * whole or gone (folded: in the snapshot); a snapshot rewritten while it was read in pieces
 * (its `xmin` changed) is read again.
 */
export async function loadDocument(
  db: Queryable,
  docId: string,
  pieceBytes = READ_PIECE_BYTES,
): Promise<StoredDocument> {
  type Sized = { bytes: number; whole: Uint8Array | null };
  const rows = await db.query<Sized & { seq: number; sender: string | null }>(
    `SELECT seq, participant_id AS sender, ${sized('update')} FROM document_updates WHERE doc_id = $1 ORDER BY seq`,
    [docId, pieceBytes],
  );
  const updates: Uint8Array[] = [];
  const seqs: number[] = [];
  const senders: (string | null)[] = [];
  for (const row of rows) {
    const update = row.whole
      ? new Uint8Array(row.whole)
      : await readInPieces(row.bytes, pieceBytes, (from, length) =>
          db.query(
            'SELECT substring(update FROM $3 FOR $4) AS piece FROM document_updates WHERE doc_id = $1 AND seq = $2',
            [docId, row.seq, from, length],
          ),
        );
    if (update) {
      updates.push(update);
      seqs.push(row.seq);
      senders.push(row.sender);
    }
  }
  for (let attempt = 1; ; attempt++) {
    const [snapshot] = await db.query<Sized & { version: string }>(
      `SELECT xmin::text AS version, ${sized('state')} FROM document_snapshots WHERE doc_id = $1`,
      [docId, pieceBytes],
    );
    if (!snapshot) return { snapshot: null, updates, seqs, senders };
    const state = snapshot.whole
      ? new Uint8Array(snapshot.whole)
      : await readInPieces(snapshot.bytes, pieceBytes, (from, length) =>
          db.query(
            'SELECT substring(state FROM $3 FOR $4) AS piece FROM document_snapshots WHERE doc_id = $1 AND xmin::text = $2',
            [docId, snapshot.version, from, length],
          ),
        );
    if (state) return { snapshot: state, updates, seqs, senders };
    if (attempt === SNAPSHOT_READ_ATTEMPTS) throw new Error(`The snapshot of ${docId} kept changing while it was read`);
  }
}

/**
 * Appends a batch of updates in one statement; resolves once committed. A batch carrying a
 * client id's first update also records who it belongs to, in the same statement (a data-
 * modifying CTE): the log row and its attribution are committed together or not at all.
 */
export async function appendUpdates(db: Queryable, batch: readonly StoredUpdate[]): Promise<void> {
  if (batch.length === 0) return;
  const params: unknown[] = [];
  const values = batch.map((u, i) => {
    params.push(u.docId, u.update, u.participantId);
    return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
  });
  const insert = `INSERT INTO document_updates (doc_id, update, participant_id) VALUES ${values.join(', ')}`;
  const authors = batch.flatMap((u) => (u.newClients ?? []).map((client) => [u.docId, client, u.participantId]));
  if (authors.length === 0) {
    await db.query(insert, params);
    return;
  }
  const rows = authors.map(([docId, client, participantId]) => {
    params.push(docId, client, participantId);
    const at = params.length;
    return `($${at - 2}, $${at - 1}::bigint, $${at}::uuid)`;
  });
  await db.query(`WITH logged AS (${insert} RETURNING seq) ${authorsInsert(rows)}`, params);
}

export async function countLoggedUpdates(db: Queryable, docId: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM document_updates WHERE doc_id = $1',
    [docId],
  );
  return row?.count ?? 0;
}

/** Replays a snapshot and updates into a fresh document in one transaction and encodes once. */
export function replay(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * Folds the log into the snapshot, keeping who wrote each client id's text (`attributeLog`) and
 * a checkpoint of the folded state (a point in the document's history). Serialised per document by an advisory lock, so two nodes
 * never compact the same document at once; it deletes exactly the rows it replayed, so a row
 * committed meanwhile stays in the log. The snapshot therefore only ever grows.
 */
export async function compactDocument(db: Database, docId: string): Promise<{ folded: number; bytes: number }> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('document:' || $1))", [docId]);
    const stored = await loadDocument(tx, docId);
    if (stored.seqs.length === 0) return { folded: 0, bytes: stored.snapshot?.byteLength ?? 0 };
    const [current] = await tx.query<{ upto_seq: number }>(
      'SELECT upto_seq FROM document_snapshots WHERE doc_id = $1',
      [docId],
    );
    const doc = replay(stored.snapshot, stored.updates);
    try {
      const state = Y.encodeStateAsUpdate(doc);
      const uptoSeq = Math.max(current?.upto_seq ?? 0, stored.seqs.at(-1)!); // read in order
      await tx.query(
        `INSERT INTO document_snapshots (doc_id, state, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, updated_at = now()`,
        [docId, state, uptoSeq],
      );
      await attributeLog(tx, docId, stored.updates, stored.senders);
      await saveCheckpoint(tx, docId, state);
      await tx.query('DELETE FROM document_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [
        docId,
        stored.seqs,
      ]);
      return { folded: stored.seqs.length, bytes: state.byteLength };
    } finally {
      doc.destroy();
    }
  });
}

/** A full copy of a document as stored now (at lock, at adoption): the charter's version history. */
export async function saveMilestone(db: Queryable, docId: string, label: string): Promise<void> {
  const loaded = await loadDocument(db, docId);
  const doc = replay(loaded.snapshot, loaded.updates);
  try {
    await db.query(
      'INSERT INTO document_milestones (id, doc_id, label, state) VALUES (gen_random_uuid(), $1, $2, $3)',
      [docId, label, Y.encodeStateAsUpdate(doc)],
    );
  } finally {
    doc.destroy();
  }
}

export async function listMilestones(
  db: Queryable,
  docId: string,
): Promise<{ id: string; label: string; state: Uint8Array; createdAt: Date }[]> {
  const rows = await db.query<{ id: string; label: string; state: Uint8Array; created_at: Date }>(
    'SELECT id, label, state, created_at FROM document_milestones WHERE doc_id = $1 ORDER BY created_at',
    [docId],
  );
  return rows.map((r) => ({ id: r.id, label: r.label, state: new Uint8Array(r.state), createdAt: r.created_at }));
}
