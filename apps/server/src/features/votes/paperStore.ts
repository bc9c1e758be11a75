import {
  CONSENT_CHOICES,
  PAPER_BALLOT_METHODS,
  PAPER_METHODS,
  type PaperBallotLine,
  YES_NO_CHOICES,
  refusal,
  type BallotChoice,
  type ErrorReason,
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

/** Whether a vote of these rules can be counted on paper at all (totals, or ballot by ballot). */
export const countsOnPaper = (rules: VoteRules): boolean =>
  paperChoices(rules) !== null || (PAPER_BALLOT_METHODS as readonly string[]).includes(rules.method);

type Normalised =
  { ok: true; counts: Record<string, number>; total: number } | { ok: false; why: string; reason: ErrorReason };

/**
 * The paper ballots of an approval or ranked vote as counts per distinct ballot, keyed by the
 * ballot's options as JSON (approval: sorted, since a ticked set has no order; ranked: in order
 * of preference), lines that read the same merged — so two facilitators' counts compare key by
 * key — or why they cannot be taken.
 */
export function normaliseBallots(rules: VoteRules, lines: readonly PaperBallotLine[]): Normalised {
  if (rules.method !== 'approval' && rules.method !== 'ranked')
    return {
      ok: false,
      why: 'Only approval and ranked votes are counted ballot by ballot: enter totals per choice',
      reason: refusal('paper', 'countedByTotals'),
    };
  const counts: Record<string, number> = {};
  for (const [i, line] of lines.entries()) {
    const where = `Paper ballot ${i + 1}`;
    const ballot = { ballot: i + 1 };
    if (line.options.some((o) => o >= rules.options.length))
      return {
        ok: false,
        why: `${where} names an option this vote does not have`,
        reason: refusal('paper', 'ballotUnknownOption', ballot),
      };
    if (new Set(line.options).size !== line.options.length)
      return {
        ok: false,
        why: `${where} names an option twice`,
        reason: refusal('paper', 'ballotOptionTwice', ballot),
      };
    if (rules.method === 'ranked' && line.options.length === 0)
      return {
        ok: false,
        why: `${where} ranks no option: a ranked ballot names at least its first preference`,
        reason: refusal('paper', 'ballotRanksNothing', ballot),
      };
    const options = rules.method === 'approval' ? [...line.options].sort((a, b) => a - b) : line.options;
    const key = JSON.stringify(options);
    counts[key] = (counts[key] ?? 0) + line.count;
  }
  return { ok: true, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** Agreed counts per distinct ballot (approval, ranked) as published lines, in a fixed order. */
export function ballotLines(counts: Record<string, number>): PaperBallotLine[] {
  return Object.keys(counts)
    .sort()
    .map((key) => ({ options: JSON.parse(key) as number[], count: counts[key]! }));
}

/** Every choice with its total (missing ones 0), or why the totals cannot be taken. */
export function normaliseTotals(rules: VoteRules, counts: Record<string, number>): Normalised {
  const choices = paperChoices(rules);
  if (!choices)
    return {
      ok: false,
      why: 'Approval and ranked votes are counted ballot by ballot, not as totals per choice',
      reason: refusal('paper', 'countedByBallot'),
    };
  const unknown = Object.keys(counts).filter((c) => !choices.includes(c));
  if (unknown.length > 0)
    return {
      ok: false,
      why: `Not a choice in this vote: ${unknown.join(', ')}`,
      reason: refusal('paper', 'notAChoice', { choices: unknown.join(', ') }),
    };
  const full = Object.fromEntries(choices.map((c) => [c, counts[c] ?? 0]));
  return { ok: true, counts: full, total: Object.values(full).reduce((a, b) => a + b, 0) };
}

export const sameTotals = (a: Record<string, number>, b: Record<string, number>): boolean =>
  Object.keys({ ...a, ...b }).every((k) => (a[k] ?? 0) === (b[k] ?? 0));

/** Agreed paper counts as ballots, so the one tally counts them with the online ones. */
export function paperBallots(rules: VoteRules, counts: Record<string, number>): BallotChoice[] {
  const method = rules.method;
  const ballot = (key: string): BallotChoice => {
    if (method === 'approval') return { method, approved: JSON.parse(key) as number[] };
    if (method === 'ranked') return { method, ranking: JSON.parse(key) as number[] };
    return { method, choice: key } as BallotChoice;
  };
  return Object.entries(counts).flatMap(([key, n]) => Array.from({ length: n }, () => ballot(key)));
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
        voters: r.voterIds.length,
        status: r.agreedCounts ? 'agreed' : r.firstBy ? 'awaiting_second' : 'open',
        firstEnteredBy: r.agreedCounts ? null : r.firstBy,
        lastMismatchAt: r.lastMismatchAt?.getTime() ?? null,
      },
    ]),
  );
}
