import * as Y from 'yjs';
import type { Database, Queryable } from '../storage/database.ts';

/**
 * Durable Yjs documents: a snapshot plus an append-only log of updates. Loading replays the
 * log onto the snapshot; compaction folds the log into a new snapshot by replaying into one
 * Y.Doc inside one transaction (never `Y.mergeUpdates` over a long log — see DESIGN.md).
 */
export interface StoredUpdate {
  docId: string;
  update: Uint8Array;
  participantId: string | null;
}

export interface LoadedDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * The log is read before the snapshot. Compaction folds rows into the snapshot and deletes them
 * in one transaction, and the snapshot only grows: whatever rows a compaction deletes after the
 * log was read are in the snapshot read after it. (Snapshot first, a compaction in between
 * would leave their edits in neither read.)
 */
export async function loadDocument(db: Queryable, docId: string): Promise<LoadedDocument> {
  const rows = await db.query<{ update: Uint8Array }>(
    'SELECT update FROM document_updates WHERE doc_id = $1 ORDER BY seq',
    [docId],
  );
  const [snapshot] = await db.query<{ state: Uint8Array }>('SELECT state FROM document_snapshots WHERE doc_id = $1', [
    docId,
  ]);
  return {
    snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
    updates: rows.map((r) => new Uint8Array(r.update)),
  };
}

/** Appends a batch of updates in one statement; resolves once committed. */
export async function appendUpdates(db: Queryable, batch: readonly StoredUpdate[]): Promise<void> {
  if (batch.length === 0) return;
  const params: unknown[] = [];
  const values = batch.map((u, i) => {
    params.push(u.docId, u.update, u.participantId);
    return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
  });
  await db.query(`INSERT INTO document_updates (doc_id, update, participant_id) VALUES ${values.join(', ')}`, params);
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
 * Folds the log into the snapshot. Serialised per document by an advisory lock, so two nodes
 * never compact the same document at once; it deletes exactly the rows it replayed, so a row
 * committed meanwhile stays in the log. The snapshot therefore only ever grows.
 */
export async function compactDocument(db: Database, docId: string): Promise<{ folded: number; bytes: number }> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('document:' || $1))", [docId]);
    const [current] = await tx.query<{ state: Uint8Array; upto_seq: number }>(
      'SELECT state, upto_seq FROM document_snapshots WHERE doc_id = $1',
      [docId],
    );
    const rows = await tx.query<{ seq: number; update: Uint8Array }>(
      'SELECT seq, update FROM document_updates WHERE doc_id = $1 ORDER BY seq',
      [docId],
    );
    if (rows.length === 0) return { folded: 0, bytes: current?.state.byteLength ?? 0 };
    const doc = replay(
      current ? new Uint8Array(current.state) : null,
      rows.map((r) => new Uint8Array(r.update)),
    );
    try {
      const state = Y.encodeStateAsUpdate(doc);
      const uptoSeq = Math.max(current?.upto_seq ?? 0, rows.at(-1)!.seq);
      await tx.query(
        `INSERT INTO document_snapshots (doc_id, state, upto_seq) VALUES ($1, $2, $3)
         ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, updated_at = now()`,
        [docId, state, uptoSeq],
      );
      await tx.query('DELETE FROM document_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [
        docId,
        rows.map((r) => r.seq),
      ]);
      return { folded: rows.length, bytes: state.byteLength };
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
): Promise<{ label: string; state: Uint8Array; createdAt: Date }[]> {
  const rows = await db.query<{ label: string; state: Uint8Array; created_at: Date }>(
    'SELECT label, state, created_at FROM document_milestones WHERE doc_id = $1 ORDER BY created_at',
    [docId],
  );
  return rows.map((r) => ({ label: r.label, state: new Uint8Array(r.state), createdAt: r.created_at }));
}
