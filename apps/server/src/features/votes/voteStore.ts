import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  refusal,
  type PaperCountView,
  type Role,
  type VoteResult,
  type VoteRules,
  type VoteSubject,
  type VoteView,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { ballotsOf, TURNOUT_SQL } from './ballotStore.ts';
import { paperViews } from './paperStore.ts';
import { questionPhrase } from './voteQuestions.ts';

export interface VoteRow {
  id: string;
  sessionId: string | null;
  subject: VoteSubject;
  subjectId: string | null;
  question: string;
  rules: VoteRules;
  eligible: number;
  quorumNeeded: number;
  status: 'open' | 'closed';
  openedAt: Date;
  closedAt: Date | null;
  result: VoteResult | null;
  /** Quorum while open and the deadline (`quorumStore.ts`). */
  closesAt: Date | null;
  pastDeadline: boolean;
  pausedAt: Date | null;
  pausedPresent: number | null;
  continuedAt: Date | null;
  continuedPresent: number | null;
}
const COLUMNS = `id, session_id AS "sessionId", subject, subject_id AS "subjectId", question, rules, eligible, quorum_needed AS "quorumNeeded",
  status, opened_at AS "openedAt", closed_at AS "closedAt", result, closes_at AS "closesAt",
  coalesce(closes_at <= now(), false) AS "pastDeadline", paused_at AS "pausedAt", paused_present AS "pausedPresent",
  continued_at AS "continuedAt", continued_present AS "continuedPresent"`;

export async function openVote(
  tx: Queryable,
  vote: {
    assemblyId: string;
    sessionId: string;
    subject: VoteSubject;
    subjectId: string | null;
    question: string;
    rules: VoteRules;
    eligible: number;
    quorumNeeded: number;
    /** Closes itself this long after opening (the database's clock, so every node agrees). */
    closesInSeconds?: number | undefined;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO votes (id, assembly_id, session_id, subject, subject_id, question, rules, eligible, quorum_needed, closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10::int))`,
    [
      id,
      vote.assemblyId,
      vote.sessionId,
      vote.subject,
      vote.subjectId,
      vote.question,
      JSON.stringify(vote.rules),
      vote.eligible,
      vote.quorumNeeded,
      vote.closesInSeconds ?? null,
    ],
  );
  return id;
}

/**
 * Reads a vote of this assembly and locks it: `share` for casting (many casts at once, none
 * while it closes), `update` for closing (waits for casts under way, then none after).
 */
export async function lockVote(
  tx: Queryable,
  assemblyId: string,
  voteId: string,
  mode: 'share' | 'update',
): Promise<VoteRow> {
  const [row] = await tx.query<VoteRow>(
    `SELECT ${COLUMNS} FROM votes WHERE id = $1 AND assembly_id = $2 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [voteId, assemblyId],
  );
  if (!row) throw new AppError(ErrorCode.notFound, 'No such vote in this assembly', refusal('vote', 'notFound'));
  return row;
}

export async function closeVote(tx: Queryable, voteId: string, result: VoteResult): Promise<void> {
  await tx.query(`UPDATE votes SET status = 'closed', closed_at = now(), result = $2 WHERE id = $1`, [
    voteId,
    JSON.stringify(result),
  ]);
}

/**
 * Every vote of the assembly as everyone may see it: turnout while open; result and ballots once
 * closed. Who took part is in the record (`vote.participants`), not here.
 */
export async function listVotes(
  db: Queryable,
  assemblyId: string,
  /** Who votes on paper: only for moderators and facilitators (they tick them); while a vote is open it says who has voted. */
  { paperVoters = false }: { paperVoters?: boolean } = {},
): Promise<VoteView[]> {
  const rows = await db.query<VoteRow & { turnout: number }>(
    `SELECT ${COLUMNS}, ${TURNOUT_SQL} AS turnout
     FROM votes WHERE assembly_id = $1 ORDER BY opened_at`,
    [assemblyId],
  );
  const paper = await paperViews(db, assemblyId);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      subject: r.subject,
      standardId: r.subject === 'adopt_standard' ? r.subjectId : null,
      question: r.question,
      questionPhrase: questionPhrase(r.subject, r.question),
      rules: r.rules,
      status: r.status,
      openedAt: r.openedAt.getTime(),
      closedAt: r.closedAt?.getTime() ?? null,
      turnout: r.turnout,
      eligible: r.eligible,
      quorumNeeded: r.quorumNeeded,
      result: r.status === 'closed' ? r.result : null,
      ballots: r.status === 'closed' ? await ballotsOf(db, r.id) : null,
      paper: withPaperVoters(paper.get(r.id) ?? null, paperVoters),
      closesAt: r.closesAt?.getTime() ?? null,
      quorumPause:
        r.status === 'open' && r.pausedAt
          ? { since: r.pausedAt.getTime(), present: r.pausedPresent ?? 0, needed: r.quorumNeeded }
          : null,
      quorumContinued: r.continuedAt
        ? { at: r.continuedAt.getTime(), present: r.continuedPresent ?? 0, needed: r.quorumNeeded }
        : null,
    })),
  );
}

const withPaperVoters = (view: PaperCountView | null, shown: boolean): PaperCountView | null =>
  view && !shown ? { ...view, voterIds: [] } : view;

/** The roles shown who votes on paper. */
export const PAPER_COUNTERS = ['moderator', 'facilitator'] as const satisfies readonly Role[];
export const countsPaper = (role: Role): boolean => (PAPER_COUNTERS as readonly Role[]).includes(role);
