import * as Y from 'yjs';
import { ErrorCode, LIMITS, refusal } from '@moot/protocol';
import type { DeleterOf } from '../../collab/documentDiff.ts';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';

/**
 * The edit log read as history: each logged edit carries its time (to the millisecond, as
 * moments are named) and its sender. Between folds, every moment the log spans can be rebuilt
 * (the last fold's checkpoint, which is the snapshot, plus the edits logged up to the moment),
 * and every deletion between two points named by the sender of the edit that made it.
 */
export interface LoggedEdit {
  seq: number;
  at: Date;
  sender: string | null;
}

/** When the log was last folded (the snapshot, and the checkpoint saved with it), if ever. */
export async function lastFold(db: Queryable, docId: string): Promise<{ at: Date; checkpoint: string | null } | null> {
  const [row] = await db.query<{ at: Date; checkpoint: string | null }>(
    `SELECT date_trunc('milliseconds', s.updated_at) AS at,
       (SELECT c.id FROM document_checkpoints c WHERE c.doc_id = s.doc_id ORDER BY c.created_at DESC LIMIT 1) AS checkpoint
     FROM document_snapshots s WHERE s.doc_id = $1`,
    [docId],
  );
  return row ?? null;
}

/**
 * The times and senders of the logged edits, newest first, one per millisecond (the latest
 * edit's sender for edits logged together), a page at a time: moments a reader can compare.
 */
export async function loggedMoments(
  db: Queryable,
  docId: string,
  before: Date | null,
): Promise<{ moments: { at: Date; sender: string | null }[]; more: boolean }> {
  const rows = await db.query<{ at: Date; sender: string | null }>(
    `SELECT date_trunc('milliseconds', created_at) AS at, (array_agg(participant_id ORDER BY seq DESC))[1] AS sender
     FROM document_updates
     WHERE doc_id = $1 AND ($2::timestamptz IS NULL OR date_trunc('milliseconds', created_at) < $2)
     GROUP BY 1 ORDER BY 1 DESC LIMIT $3`,
    [docId, before, LIMITS.historyMomentsPage + 1],
  );
  return { moments: rows.slice(0, LIMITS.historyMomentsPage), more: rows.length > LIMITS.historyMomentsPage };
}

/**
 * The logged edits in `(after, upto]` (oldest first), at most `LIMITS.maxHistoryUpdatesRead`:
 * a diff that would read more is refused rather than replaying and decoding an unbounded log.
 */
export async function loggedEdits(db: Queryable, docId: string, after: Date | null, upto: Date): Promise<LoggedEdit[]> {
  const rows = await db.query<{ seq: string | number; at: Date; sender: string | null }>(
    `SELECT seq, date_trunc('milliseconds', created_at) AS at, participant_id AS sender FROM document_updates
     WHERE doc_id = $1 AND date_trunc('milliseconds', created_at) <= $2
       AND ($3::timestamptz IS NULL OR date_trunc('milliseconds', created_at) > $3)
     ORDER BY seq LIMIT $4`,
    [docId, upto, after, LIMITS.maxHistoryUpdatesRead + 1],
  );
  if (rows.length > LIMITS.maxHistoryUpdatesRead)
    throw new AppError(
      ErrorCode.limitReached,
      `More than ${LIMITS.maxHistoryUpdatesRead} edits between these points`,
      refusal('history', 'tooManyUpdates', { max: LIMITS.maxHistoryUpdatesRead }),
    );
  return rows.map((r) => ({ seq: Number(r.seq), at: r.at, sender: r.sender }));
}

/** The stored bytes of these edits, in their order (an edit folded meanwhile is left out). */
export async function editBytes(db: Queryable, docId: string, edits: readonly LoggedEdit[]): Promise<Uint8Array[]> {
  if (edits.length === 0) return [];
  const rows = await db.query<{ seq: string | number; update: Uint8Array }>(
    'SELECT seq, update FROM document_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])',
    [docId, edits.map((e) => e.seq)],
  );
  const bySeq = new Map(rows.map((r) => [Number(r.seq), new Uint8Array(r.update)]));
  return edits.flatMap((e) => bySeq.get(e.seq) ?? []);
}

/**
 * Who deleted what, from the delete sets of the edits in a range: each deleted item's id is
 * credited to the sender of the first edit (in log order) that deleted it. A later edit that
 * repeats a deletion (a sync step 2 carries its sender's whole delete set) changes nothing.
 */
export function deletersOf(edits: readonly LoggedEdit[], updates: readonly Uint8Array[]): DeleterOf {
  const ranges = new Map<number, { clock: number; end: number; sender: string | null }[]>();
  updates.forEach((update, i) => {
    let ds: ReturnType<typeof Y.decodeUpdate>['ds'];
    try {
      ({ ds } = Y.decodeUpdate(update));
    } catch {
      return;
    }
    for (const [client, deletes] of ds.clients) {
      const own = ranges.get(client) ?? [];
      for (const d of deletes) own.push({ clock: d.clock, end: d.clock + d.len, sender: edits[i]!.sender });
      ranges.set(client, own);
    }
  });
  return (client, clock) => ranges.get(client)?.find((r) => r.clock <= clock && clock < r.end)?.sender;
}
