import type { Queryable } from '../../storage/database.ts';

/**
 * Quorum while a vote is open: who counts as present, and the vote's pause state, all decided in
 * the database under the vote's row lock so that two nodes looking at once agree (`quorumWatch.ts`).
 */

/**
 * Members present for this vote: checked in (not out, not removed) and connected now, or checked
 * in by staff at the door or table (they may have no device; staff check them out), or ticked as
 * voting on paper in this vote. `online`: the members connected on any node.
 */
export async function presentForVote(
  db: Queryable,
  sessionId: string,
  voteId: string,
  online: ReadonlySet<string>,
): Promise<number> {
  const rows = await db.query<{ id: string; inRoom: boolean }>(
    `SELECT a.participant_id AS id,
       (a.checked_in_by IS NOT NULL
         OR EXISTS (SELECT 1 FROM paper_voters pv WHERE pv.vote_id = $2 AND pv.participant_id = a.participant_id)) AS "inRoom"
     FROM attendance a JOIN participants p ON p.id = a.participant_id
     WHERE a.session_id = $1 AND a.checked_out_at IS NULL AND a.removed_at IS NULL AND p.role = 'member'`,
    [sessionId, voteId],
  );
  return rows.filter((r) => r.inRoom || online.has(r.id)).length;
}

export interface QuorumRow {
  id: string;
  assemblyId: string;
  sessionId: string | null;
  quorumNeeded: number;
  status: 'open' | 'closed';
  /** Ms until the deadline on the database's clock (≤ 0: passed); null without one. */
  msToDeadline: number | null;
  /** Ms the shortfall has lasted (null: none under way). */
  shortForMs: number | null;
  paused: boolean;
  pausedPresent: number | null;
  continued: boolean;
}

/** The vote's quorum state, locked `FOR UPDATE`: one node decides at a time. */
export async function lockQuorum(tx: Queryable, voteId: string): Promise<QuorumRow | null> {
  const [row] = await tx.query<QuorumRow>(
    `SELECT id, assembly_id AS "assemblyId", session_id AS "sessionId", quorum_needed AS "quorumNeeded", status,
       (extract(epoch FROM closes_at - now()) * 1000)::float8 AS "msToDeadline",
       (extract(epoch FROM now() - quorum_short_since) * 1000)::float8 AS "shortForMs",
       paused_at IS NOT NULL AS paused, paused_present AS "pausedPresent", continued_at IS NOT NULL AS continued
     FROM votes WHERE id = $1 FOR UPDATE`,
    [voteId],
  );
  return row ?? null;
}

/** Open votes of an assembly that a quorum or a deadline may change. */
export async function watchedVotes(db: Queryable, assemblyId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM votes WHERE assembly_id = $1 AND status = 'open'
       AND (closes_at IS NOT NULL OR (quorum_needed > 0 AND continued_at IS NULL))`,
    [assemblyId],
  );
  return rows.map((r) => r.id);
}

/** Every assembly with such a vote (what a node's sweep looks at). */
export async function assembliesWatched(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ assemblyId: string }>(
    `SELECT DISTINCT assembly_id AS "assemblyId" FROM votes WHERE status = 'open'
       AND (closes_at IS NOT NULL OR (quorum_needed > 0 AND continued_at IS NULL))`,
  );
  return rows.map((r) => r.assemblyId);
}

export async function startShortfall(tx: Queryable, voteId: string): Promise<void> {
  await tx.query('UPDATE votes SET quorum_short_since = now() WHERE id = $1', [voteId]);
}

export async function pause(tx: Queryable, voteId: string, present: number): Promise<void> {
  await tx.query('UPDATE votes SET paused_at = now(), paused_present = $2 WHERE id = $1', [voteId, present]);
}

export async function setPausedPresent(tx: Queryable, voteId: string, present: number): Promise<void> {
  await tx.query('UPDATE votes SET paused_present = $2 WHERE id = $1', [voteId, present]);
}

/** Quorum is back (or the moderator continued): no shortfall, no pause. */
export async function clearShortfall(tx: Queryable, voteId: string): Promise<void> {
  await tx.query('UPDATE votes SET quorum_short_since = NULL, paused_at = NULL, paused_present = NULL WHERE id = $1', [
    voteId,
  ]);
}

export async function markContinued(tx: Queryable, voteId: string, present: number): Promise<void> {
  await tx.query(
    `UPDATE votes SET continued_at = now(), continued_present = $2,
       quorum_short_since = NULL, paused_at = NULL, paused_present = NULL WHERE id = $1`,
    [voteId, present],
  );
}
