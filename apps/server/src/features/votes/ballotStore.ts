import { randomBytes, randomInt } from 'node:crypto';
import type { BallotChoice, PublishedBallot, ReceiptMode } from '@moot/protocol';
import type { Database, Queryable } from '../../storage/database.ts';
import { ballotKey, openBallot, sealBallot, type Ballot } from './sealedBallot.ts';

/**
 * Where ballots live, and what the database can tell about them.
 *
 * - While a vote is open, `sealed_ballots` holds one row per member who voted: the ballot sealed
 *   (see sealedBallot.ts) under a key that is an HMAC of vote and member with the ballot secret.
 *   Casting writes that row and nothing else — no participation row, no audit entry — so its
 *   transaction id (`xmin`) is shared with nothing that names the member.
 * - Closing opens them all in one transaction and writes, each with a single statement, the
 *   published `ballots` (receipt or none, choice, reason; no key) in a crypto-random order, and
 *   who took part (`vote_participation`) sorted by participant id. Every row of both shares the
 *   close's transaction id and statement, so neither they nor the heap's order say whose ballot
 *   is whose, or who voted when.
 * - `unsealed_ballots` holds the plaintext ballots of votes that were open when this version was
 *   installed (see migration 9); they are counted and removed the same way at close.
 */

/** A short code a voter can look for in the published list: 10 characters from an unambiguous alphabet. */
export function newReceipt(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Stores a member's sealed ballot, replacing an earlier one; a retry of the same ballot changes nothing. */
export async function castBallot(
  tx: Queryable,
  secret: Uint8Array,
  cast: {
    voteId: string;
    participantId: string;
    ballotId: string;
    choice: BallotChoice;
    reason: string | null;
    receipts: ReceiptMode;
  },
): Promise<string | null> {
  const key = ballotKey(secret, cast.voteId, cast.participantId);
  const [previous] = await tx.query<{ sealed: Uint8Array }>(
    'SELECT sealed FROM sealed_ballots WHERE vote_id = $1 AND ballot_key = $2',
    [cast.voteId, key],
  );
  if (previous) {
    const earlier = openBallot(secret, cast.voteId, key, previous.sealed);
    if (earlier.clientBallotId === cast.ballotId) return earlier.receipt;
  }
  const [legacy] = await tx.query<{ client_ballot_id: string; receipt: string }>(
    'SELECT client_ballot_id, receipt FROM unsealed_ballots WHERE vote_id = $1 AND ballot_key = $2',
    [cast.voteId, key],
  );
  if (legacy?.client_ballot_id === cast.ballotId) return legacy.receipt;
  if (legacy) await tx.query('DELETE FROM unsealed_ballots WHERE vote_id = $1 AND ballot_key = $2', [cast.voteId, key]);
  const ballot: Ballot = {
    participantId: cast.participantId,
    clientBallotId: cast.ballotId,
    receipt: cast.receipts === 'verifiable' ? newReceipt() : null,
    choice: cast.choice,
    reason: cast.reason,
  };
  await tx.query(
    `INSERT INTO sealed_ballots (vote_id, ballot_key, sealed) VALUES ($1, $2, $3)
     ON CONFLICT (vote_id, ballot_key) DO UPDATE SET sealed = excluded.sealed`,
    [cast.voteId, key, sealBallot(secret, cast.voteId, key, ballot)],
  );
  return ballot.receipt;
}

/** Fisher–Yates with a cryptographic generator: no order of casting survives. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * In the transaction that closes the vote: opens every sealed ballot, publishes them shuffled,
 * records who took part in id order, and deletes the sealed rows. Returns the published ballots
 * and the participants (sorted), for the tally and the record.
 */
export async function unsealBallots(
  tx: Queryable,
  secret: Uint8Array,
  voteId: string,
  /** Members who voted on paper: recorded as taking part in the same statement as the online voters. */
  paperVoters: readonly string[] = [],
): Promise<{ ballots: PublishedBallot[]; participants: string[] }> {
  const sealed = await tx.query<{ ballot_key: Uint8Array; sealed: Uint8Array }>(
    'DELETE FROM sealed_ballots WHERE vote_id = $1 RETURNING ballot_key, sealed',
    [voteId],
  );
  const opened = sealed.map((row) => openBallot(secret, voteId, Buffer.from(row.ballot_key), row.sealed));
  const legacy = await tx.query<PublishedBallot>(
    'DELETE FROM unsealed_ballots WHERE vote_id = $1 RETURNING receipt, choice, reason',
    [voteId],
  );
  const ballots = shuffled([
    ...opened.map((b) => ({ receipt: b.receipt, choice: b.choice, reason: b.receipt === null ? null : b.reason })),
    ...legacy,
  ]);
  // One statement each: every row gets the same transaction id and command id (`cmin`).
  await tx.query(
    `INSERT INTO ballots (vote_id, receipt, choice, reason)
     SELECT $1, b->>'receipt', b->'choice', b->>'reason' FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(b, i)
     ORDER BY i`,
    [voteId, JSON.stringify(ballots)],
  );
  // Votes open before sealing already have their earlier voters' participation rows.
  const earlier = await tx.query<{ participant_id: string }>(
    'SELECT participant_id FROM vote_participation WHERE vote_id = $1',
    [voteId],
  );
  const participants = [
    ...new Set([...opened.map((b) => b.participantId), ...earlier.map((r) => r.participant_id), ...paperVoters]),
  ].sort();
  await tx.query(
    `INSERT INTO vote_participation (vote_id, participant_id)
     SELECT $1, p::uuid FROM jsonb_array_elements_text($2::jsonb) WITH ORDINALITY AS t(p, i) ORDER BY i
     ON CONFLICT DO NOTHING`,
    [voteId, JSON.stringify(participants)],
  );
  return { ballots, participants };
}

/**
 * After the close commits, outside any transaction: VACUUM frees the deleted sealed rows so
 * they are not kept as dead tuples (their bytes may still sit in free space in the data files,
 * sealed, until overwritten). Best effort: a transaction still reading them holds them back.
 */
export async function sweepSealedBallots(db: Database): Promise<void> {
  await db.exec('VACUUM sealed_ballots');
  await db.exec('VACUUM unsealed_ballots');
}

/** The published ballots of a closed vote, in an order that depends only on their content. */
export async function ballotsOf(db: Queryable, voteId: string): Promise<PublishedBallot[]> {
  const rows = await db.query<PublishedBallot>(
    `SELECT receipt, choice, reason FROM ballots WHERE vote_id = $1
     ORDER BY receipt, choice::text, reason NULLS FIRST`,
    [voteId],
  );
  return rows.map((r) => ({ receipt: r.receipt, choice: r.choice, reason: r.reason || null }));
}

/** Members who have voted so far: a row per member, sealed or not, and the paper voters ticked; after close, who took part. */
export const TURNOUT_SQL = `CASE WHEN votes.status = 'open'
  THEN (SELECT count(*)::int FROM sealed_ballots s WHERE s.vote_id = votes.id)
     + (SELECT count(*)::int FROM unsealed_ballots u WHERE u.vote_id = votes.id)
     + (SELECT count(*)::int FROM paper_voters p WHERE p.vote_id = votes.id)
  ELSE (SELECT count(*)::int FROM vote_participation p WHERE p.vote_id = votes.id) END`;

/**
 * Whether this member has a ballot in the open vote (sealed, or from before sealing): found by
 * the member's own ballot key, so nothing but that one row's existence is read — never its
 * content. Used to refuse ticking an online voter as voting on paper.
 */
export async function hasOnlineBallot(
  db: Queryable,
  secret: Uint8Array,
  voteId: string,
  participantId: string,
): Promise<boolean> {
  const key = ballotKey(secret, voteId, participantId);
  const rows = await db.query(
    `SELECT 1 FROM sealed_ballots WHERE vote_id = $1 AND ballot_key = $2
     UNION ALL SELECT 1 FROM unsealed_ballots WHERE vote_id = $1 AND ballot_key = $2`,
    [voteId, key],
  );
  return rows.length > 0;
}
