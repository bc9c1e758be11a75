import {
  CONSENT_CHOICES,
  PAPER_METHODS,
  YES_NO_CHOICES,
  type BallotChoice,
  type PaperCountView,
  type VoteRules,
} from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';

/**
 * The in-room paper count of a vote. Members voting on paper are ticked against the check-in
 * list (`paper_voters`, public: it is seen in the room); two facilitators each enter the totals
 * per choice (`paper_totals`): the first entry waits, a matching second makes them count, a
 * different one discards both. Totals never leave the server before the vote closes. Nothing
 * here touches an online ballot: ticking only asks whether a sealed row exists under the
 * member's key, which the cast writes anyway.
 */

export interface PaperTotalsRow {
  firstBy: string | null;
  firstCounts: Record<string, number> | null;
  agreedCounts: Record<string, number> | null;
  secondBy: string | null;
  lastMismatchAt: Date | null;
}

export async function paperVoterIds(db: Queryable, voteId: string): Promise<string[]> {
  const rows = await db.query<{ participant_id: string }>(
    'SELECT participant_id FROM paper_voters WHERE vote_id = $1 ORDER BY participant_id',
    [voteId],
  );
  return rows.map((r) => r.participant_id);
}

export async function isPaperVoter(db: Queryable, voteId: string, participantId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM paper_voters WHERE vote_id = $1 AND participant_id = $2', [
    voteId,
    participantId,
  ]);
  return rows.length > 0;
}

/** Ticks a member as voting on paper; false if they were ticked already. */
export async function markPaperVoter(
  tx: Queryable,
  voteId: string,
  participantId: string,
  by: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO paper_voters (vote_id, participant_id, marked_by) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [voteId, participantId, by],
  );
  return rows.length > 0;
}

export async function paperTotals(db: Queryable, voteId: string): Promise<PaperTotalsRow | null> {
  const [row] = await db.query<PaperTotalsRow>(
    `SELECT first_by AS "firstBy", first_counts AS "firstCounts", agreed_counts AS "agreedCounts",
       second_by AS "secondBy", last_mismatch_at AS "lastMismatchAt" FROM paper_totals WHERE vote_id = $1`,
    [voteId],
  );
  return row ?? null;
}

export async function enterFirstTotals(
  tx: Queryable,
  voteId: string,
  by: string,
  counts: Record<string, number>,
): Promise<void> {
  await tx.query(
    `INSERT INTO paper_totals (vote_id, first_by, first_counts) VALUES ($1, $2, $3)
     ON CONFLICT (vote_id) DO UPDATE SET first_by = excluded.first_by, first_counts = excluded.first_counts`,
    [voteId, by, JSON.stringify(counts)],
  );
}

export async function agreeTotals(tx: Queryable, voteId: string, by: string, counts: Record<string, number>) {
  await tx.query('UPDATE paper_totals SET agreed_counts = $2, second_by = $3 WHERE vote_id = $1', [
    voteId,
    JSON.stringify(counts),
    by,
  ]);
}

/** Two counts differed: neither counts, and both facilitators are told (`lastMismatchAt`). */
export async function discardTotals(tx: Queryable, voteId: string): Promise<void> {
  await tx.query(
    'UPDATE paper_totals SET first_by = NULL, first_counts = NULL, last_mismatch_at = now() WHERE vote_id = $1',
    [voteId],
  );
}

/** The choices a paper count totals, for a method that can be counted on paper (null otherwise). */
export function paperChoices(rules: VoteRules): readonly string[] | null {
  if (!(PAPER_METHODS as readonly string[]).includes(rules.method)) return null;
  return rules.method === 'yes_no' ? YES_NO_CHOICES : CONSENT_CHOICES;
}

/** Every choice with its total (missing ones 0), or why the totals cannot be taken. */
export function normaliseTotals(
  rules: VoteRules,
  counts: Record<string, number>,
): { ok: true; counts: Record<string, number>; total: number } | { ok: false; why: string } {
  const choices = paperChoices(rules);
  if (!choices) return { ok: false, why: 'Only yes/no and consent votes can be counted on paper' };
  const unknown = Object.keys(counts).filter((c) => !choices.includes(c));
  if (unknown.length > 0) return { ok: false, why: `Not a choice in this vote: ${unknown.join(', ')}` };
  const full = Object.fromEntries(choices.map((c) => [c, counts[c] ?? 0]));
  return { ok: true, counts: full, total: Object.values(full).reduce((a, b) => a + b, 0) };
}

export const sameTotals = (a: Record<string, number>, b: Record<string, number>): boolean =>
  Object.keys({ ...a, ...b }).every((k) => (a[k] ?? 0) === (b[k] ?? 0));

/** Agreed paper totals as ballots, so the one tally counts them with the online ones. */
export function paperBallots(rules: VoteRules, counts: Record<string, number>): BallotChoice[] {
  const method = rules.method;
  if (method !== 'yes_no' && method !== 'consent') return [];
  return Object.entries(counts).flatMap(([choice, n]) =>
    Array.from({ length: n }, () => ({ method, choice }) as BallotChoice),
  );
}

/** Where each vote's paper count stands, for the votes that have one. */
export async function paperViews(db: Queryable, assemblyId: string): Promise<Map<string, PaperCountView>> {
  const rows = await db.query<{ voteId: string; voterIds: string[] } & PaperTotalsRow>(
    `SELECT v.id AS "voteId",
       coalesce((SELECT array_agg(p.participant_id ORDER BY p.participant_id) FROM paper_voters p WHERE p.vote_id = v.id), '{}') AS "voterIds",
       t.first_by AS "firstBy", t.agreed_counts AS "agreedCounts", t.last_mismatch_at AS "lastMismatchAt"
     FROM votes v LEFT JOIN paper_totals t ON t.vote_id = v.id
     WHERE v.assembly_id = $1 AND (t.vote_id IS NOT NULL OR EXISTS (SELECT 1 FROM paper_voters p WHERE p.vote_id = v.id))`,
    [assemblyId],
  );
  return new Map(
    rows.map((r) => [
      r.voteId,
      {
        voterIds: r.voterIds,
        status: r.agreedCounts ? 'agreed' : r.firstBy ? 'awaiting_second' : 'open',
        firstEnteredBy: r.agreedCounts ? null : r.firstBy,
        lastMismatchAt: r.lastMismatchAt?.getTime() ?? null,
      },
    ]),
  );
}
