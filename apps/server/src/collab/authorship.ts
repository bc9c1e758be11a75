import * as Y from 'yjs';
import { LIMITS } from '@moot/protocol';
import type { Queryable } from '../storage/database.ts';

/**
 * Who wrote what, kept for good. Every Yjs item carries the id (client, clock) of the client
 * that created it, and keeps it through every snapshot; so recording, once per client id, whom
 * the server accepted that id's first update from attributes every character ever written
 * under it. The author is an opaque id here (a participant: the features name them); null
 * means the assembly's decision (text the server wrote when an amendment was adopted).
 */
export type Attribution = Map<number, string | null>;

/** The first claim on a client id stands: later rows for it change nothing. */
export const authorsInsert = (rows: string[]): string =>
  `INSERT INTO document_authors (doc_id, client_id, participant_id) VALUES ${rows.join(', ')}
   ON CONFLICT (doc_id, client_id) DO NOTHING`;

/**
 * At a fold, the log rows about to be deleted attribute any client id not yet recorded (rows
 * written before authors were kept at accept time): each client id that starts (clock 0) in a
 * row belongs to the row's sender. What was recorded when the update was accepted stands.
 */
export async function attributeLog(
  tx: Queryable,
  docId: string,
  updates: readonly Uint8Array[],
  senders: readonly (string | null)[],
): Promise<void> {
  const found = new Map<number, string | null>();
  updates.forEach((update, i) => {
    let from: Map<number, number>;
    try {
      ({ from } = Y.parseUpdateMeta(update));
    } catch {
      return;
    }
    for (const [client, clock] of from) if (clock === 0 && !found.has(client)) found.set(client, senders[i] ?? null);
  });
  if (found.size === 0) return;
  const params: unknown[] = [docId];
  const rows = [...found].map(([client, participantId]) => {
    params.push(client, participantId);
    return `($1, $${params.length - 1}::bigint, $${params.length}::uuid)`;
  });
  await tx.query(authorsInsert(rows), params);
}

export async function loadAttribution(db: Queryable, docId: string): Promise<Attribution> {
  const rows = await db.query<{ client: string; participant: string | null }>(
    'SELECT client_id::text AS client, participant_id AS participant FROM document_authors WHERE doc_id = $1',
    [docId],
  );
  return new Map(rows.map((r) => [Number(r.client), r.participant]));
}

/**
 * A copy of the document as folded: a point in its history. Deleted text is gone from the live
 * document and its snapshot (Yjs garbage-collects it), so what history can show of a deletion
 * is what a checkpoint or milestone held before it. The oldest beyond the limit are dropped.
 */
export async function saveCheckpoint(tx: Queryable, docId: string, state: Uint8Array): Promise<void> {
  await tx.query('INSERT INTO document_checkpoints (id, doc_id, state) VALUES (gen_random_uuid(), $1, $2)', [
    docId,
    state,
  ]);
  await tx.query(
    `DELETE FROM document_checkpoints WHERE doc_id = $1 AND id NOT IN
       (SELECT id FROM document_checkpoints WHERE doc_id = $1 ORDER BY created_at DESC, id LIMIT $2)`,
    [docId, LIMITS.maxCheckpointsPerDocument],
  );
}

export async function listCheckpoints(db: Queryable, docId: string): Promise<{ id: string; createdAt: Date }[]> {
  const rows = await db.query<{ id: string; created_at: Date }>(
    'SELECT id, created_at FROM document_checkpoints WHERE doc_id = $1 ORDER BY created_at',
    [docId],
  );
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
}

/** A checkpoint's or milestone's state, only if it belongs to `docId`. */
export async function readKeptState(db: Queryable, docId: string, id: string): Promise<Uint8Array | null> {
  const [row] = await db.query<{ state: Uint8Array }>(
    `SELECT state FROM document_checkpoints WHERE id = $1 AND doc_id = $2
     UNION ALL SELECT state FROM document_milestones WHERE id = $1 AND doc_id = $2`,
    [id, docId],
  );
  return row ? new Uint8Array(row.state) : null;
}
