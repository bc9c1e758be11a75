import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type BallotChoice,
  type PublishedBallot,
  type VoteResult,
  type VoteRules,
  type VoteSubject,
  type VoteView,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';

/**
 * Ballots are stored apart from who voted. `vote_participation` says a member voted (turnout);
 * `ballots` holds choices under a key that is an HMAC of vote and member with a server secret
 * that is not in the database — so the member can replace their own ballot, and a dump of the
 * database cannot join a ballot to a member. No ballot row has a time or a serial number.
 */
export function ballotKey(secret: Uint8Array, voteId: string, participantId: string): Buffer {
  return createHmac('sha256', secret).update(`${voteId}:${participantId}`).digest();
}

/** A short code a voter can look for in the published list: 10 characters from an unambiguous alphabet. */
export function newReceipt(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface VoteRow {
  id: string;
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
const COLUMNS = `id, subject, subject_id AS "subjectId", question, rules, eligible, quorum_needed AS "quorumNeeded",
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

/** Stores a member's ballot, replacing an earlier one; a retry of the same ballot changes nothing. */
export async function castBallot(
  tx: Queryable,
  ballot: {
    voteId: string;
    key: Buffer;
    participantId: string;
    ballotId: string;
    choice: BallotChoice;
    reason: string | null;
  },
): Promise<string> {
  const [previous] = await tx.query<{ client_ballot_id: string; receipt: string }>(
    'SELECT client_ballot_id, receipt FROM ballots WHERE vote_id = $1 AND ballot_key = $2',
    [ballot.voteId, ballot.key],
  );
  if (previous?.client_ballot_id === ballot.ballotId) return previous.receipt;
  const receipt = newReceipt();
  await tx.query(
    `INSERT INTO ballots (vote_id, ballot_key, client_ballot_id, receipt, choice, reason) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (vote_id, ballot_key) DO UPDATE SET client_ballot_id = excluded.client_ballot_id,
       receipt = excluded.receipt, choice = excluded.choice, reason = excluded.reason`,
    [ballot.voteId, ballot.key, ballot.ballotId, receipt, JSON.stringify(ballot.choice), ballot.reason],
  );
  await tx.query('INSERT INTO vote_participation (vote_id, participant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    ballot.voteId,
    ballot.participantId,
  ]);
  return receipt;
}

export async function ballotsOf(db: Queryable, voteId: string): Promise<PublishedBallot[]> {
  const rows = await db.query<{ receipt: string; choice: BallotChoice; reason: string | null }>(
    'SELECT receipt, choice, reason FROM ballots WHERE vote_id = $1 ORDER BY receipt',
    [voteId],
  );
  return rows.map((r) => ({ receipt: r.receipt, choice: r.choice, reason: r.reason || null }));
}

export async function closeVote(tx: Queryable, voteId: string, result: VoteResult): Promise<void> {
  await tx.query(`UPDATE votes SET status = 'closed', closed_at = now(), result = $2 WHERE id = $1`, [
    voteId,
    JSON.stringify(result),
  ]);
}

/** Every vote of the assembly as everyone may see it: turnout while open; result and ballots once closed. */
export async function listVotes(db: Queryable, assemblyId: string): Promise<VoteView[]> {
  const rows = await db.query<VoteRow & { turnout: number }>(
    `SELECT ${COLUMNS}, (SELECT count(*)::int FROM vote_participation p WHERE p.vote_id = votes.id) AS turnout
     FROM votes WHERE assembly_id = $1 ORDER BY opened_at`,
    [assemblyId],
  );
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
    })),
  );
}
