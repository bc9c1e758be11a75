import { randomUUID } from 'node:crypto';
import { ErrorCode, type VoteResult, type VoteRules, type VoteSubject, type VoteView } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { ballotsOf, TURNOUT_SQL } from './ballotStore.ts';
import { paperViews } from './paperStore.ts';

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
}
const COLUMNS = `id, session_id AS "sessionId", subject, subject_id AS "subjectId", question, rules, eligible, quorum_needed AS "quorumNeeded",
  status, opened_at AS "openedAt", closed_at AS "closedAt", result`;

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
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO votes (id, assembly_id, session_id, subject, subject_id, question, rules, eligible, quorum_needed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
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
  if (!row) throw new AppError(ErrorCode.notFound, 'No such vote in this assembly');
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
export async function listVotes(db: Queryable, assemblyId: string): Promise<VoteView[]> {
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
      rules: r.rules,
      status: r.status,
      openedAt: r.openedAt.getTime(),
      closedAt: r.closedAt?.getTime() ?? null,
      turnout: r.turnout,
      eligible: r.eligible,
      quorumNeeded: r.quorumNeeded,
      result: r.status === 'closed' ? r.result : null,
      ballots: r.status === 'closed' ? await ballotsOf(db, r.id) : null,
      paper: paper.get(r.id) ?? null,
    })),
  );
}
