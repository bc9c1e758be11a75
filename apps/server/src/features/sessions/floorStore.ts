import { randomUUID } from 'node:crypto';
import { ErrorCode, type HandKind, refusal } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import type { FinishedTurn } from './equity.ts';

/** Attendance and the speaking queue ("the floor") of one session. */

export interface AttendanceRow {
  participantId: string;
  removed: boolean;
  /** Checked out since they last checked in: not in the room. */
  checkedOut: boolean;
  /** Who checked them in at the door or table (they may have no device); null if they checked in themselves. */
  checkedInBy: string | null;
}

/** Present now: checked in, not checked out since, not removed. Quorum and groups count these. */
export const isPresent = (a: AttendanceRow): boolean => !a.removed && !a.checkedOut;

export async function listAttendance(db: Queryable, sessionId: string): Promise<AttendanceRow[]> {
  return db.query<AttendanceRow>(
    `SELECT participant_id AS "participantId", removed_at IS NOT NULL AS removed,
       checked_out_at IS NOT NULL AS "checkedOut", checked_in_by AS "checkedInBy" FROM attendance WHERE session_id = $1`,
    [sessionId],
  );
}

/** Checks someone in (again, after a check-out); `by` is whoever checked them in at the door, if not themselves. */
export async function checkIn(
  tx: Queryable,
  sessionId: string,
  participantId: string,
  by: string | null = null,
): Promise<void> {
  const [row] = await tx.query<{ removed: boolean }>(
    `INSERT INTO attendance (session_id, participant_id, checked_in_by) VALUES ($1, $2, $3)
     ON CONFLICT (session_id, participant_id) DO UPDATE SET checked_out_at = NULL,
       checked_in_by = CASE WHEN attendance.checked_out_at IS NULL THEN attendance.checked_in_by ELSE excluded.checked_in_by END
     RETURNING removed_at IS NOT NULL AS removed`,
    [sessionId, participantId, by],
  );
  if (row?.removed) {
    throw new AppError(
      ErrorCode.forbidden,
      by ? 'A moderator removed this member from this session' : 'A moderator removed you from this session',
      by ? refusal('moderation', 'memberRemoved') : refusal('moderation', 'removed'),
    );
  }
}

/** Checks someone out: they left the room. Their waiting hand is withdrawn and their turn ends. */
export async function checkOut(tx: Queryable, sessionId: string, participantId: string): Promise<void> {
  const out = await tx.query(
    `UPDATE attendance SET checked_out_at = now()
     WHERE session_id = $1 AND participant_id = $2 AND checked_out_at IS NULL AND removed_at IS NULL RETURNING 1`,
    [sessionId, participantId],
  );
  if (out.length === 0)
    throw new AppError(ErrorCode.badRequest, 'Not checked in to this session', refusal('floor', 'notCheckedIn'));
  await lowerHand(tx, sessionId, participantId);
  await endTurn(tx, sessionId, participantId);
}

/** Whether someone is in the room now (checked in, not out, not removed). */
export async function presentNow(db: Queryable, sessionId: string, participantId: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM attendance WHERE session_id = $1 AND participant_id = $2
       AND checked_out_at IS NULL AND removed_at IS NULL`,
    [sessionId, participantId],
  );
  return rows.length > 0;
}

export async function markRemoved(tx: Queryable, sessionId: string, participantId: string): Promise<void> {
  await tx.query(
    `INSERT INTO attendance (session_id, participant_id, removed_at) VALUES ($1, $2, now())
     ON CONFLICT (session_id, participant_id) DO UPDATE SET removed_at = now()`,
    [sessionId, participantId],
  );
  await tx.query(
    `UPDATE hands SET status = 'withdrawn' WHERE session_id = $1 AND participant_id = $2 AND status = 'waiting'`,
    [sessionId, participantId],
  );
  await endTurn(tx, sessionId, participantId);
}

export interface HandRow {
  id: string;
  participantId: string;
  /** Who raised it for the member (a facilitator or the moderator); null when the member did. */
  raisedBy: string | null;
  /** The small group whose queue it is in; null for the plenary queue. */
  groupId: string | null;
  kind: HandKind;
  status: 'waiting' | 'speaking';
  raisedAt: Date;
  calledAt: Date | null;
}

export async function openHands(db: Queryable, sessionId: string): Promise<HandRow[]> {
  return db.query<HandRow>(
    `SELECT id, participant_id AS "participantId", raised_by AS "raisedBy", group_id AS "groupId", kind, status, raised_at AS "raisedAt", called_at AS "calledAt"
     FROM hands WHERE session_id = $1 AND status IN ('waiting', 'speaking') ORDER BY raised_at`,
    [sessionId],
  );
}

/**
 * Raises a hand, or changes its kind if it is already up (it keeps its place). One statement,
 * on the one-open-hand index, so two raises of the same member at once (two tabs) cannot both
 * insert, and a room raising at once holds the database for one round trip each. `by`: the
 * facilitator or moderator who raised it for the member, kept with the hand. `groupId`: the
 * queue it goes in — the member's running group, or null for the plenary; a waiting hand left in
 * another queue moves to this one, at its end.
 */
export async function raiseHand(
  tx: Queryable,
  sessionId: string,
  participantId: string,
  kind: HandKind,
  by: string | null = null,
  groupId: string | null = null,
): Promise<void> {
  const [hand] = await tx.query<{ status: string }>(
    `INSERT INTO hands (id, session_id, participant_id, kind, raised_by, group_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (session_id, participant_id) WHERE status IN ('waiting', 'speaking')
     DO UPDATE SET kind = CASE WHEN hands.status = 'waiting' THEN excluded.kind ELSE hands.kind END,
       raised_at = CASE WHEN hands.status = 'waiting' AND hands.group_id IS DISTINCT FROM excluded.group_id
         THEN now() ELSE hands.raised_at END,
       group_id = CASE WHEN hands.status = 'waiting' THEN excluded.group_id ELSE hands.group_id END
     RETURNING status`,
    [randomUUID(), sessionId, participantId, kind, by, groupId],
  );
  if (hand?.status === 'speaking')
    throw new AppError(
      ErrorCode.badRequest,
      by ? 'This member has the floor already' : 'You have the floor already',
      by ? refusal('floor', 'memberAlreadySpeaking') : refusal('floor', 'alreadySpeaking'),
    );
}

export async function lowerHand(tx: Queryable, sessionId: string, participantId: string): Promise<void> {
  await tx.query(
    `UPDATE hands SET status = 'withdrawn' WHERE session_id = $1 AND participant_id = $2 AND status = 'waiting'`,
    [sessionId, participantId],
  );
}

/** Gives the floor (the plenary's, or a group's) to a waiting hand, ending whoever spoke before on that floor. */
export async function giveFloor(
  tx: Queryable,
  sessionId: string,
  handId: string,
  groupId: string | null,
): Promise<void> {
  await endTurn(tx, sessionId, undefined, groupId);
  await tx.query(`UPDATE hands SET status = 'speaking', called_at = now() WHERE id = $1 AND status = 'waiting'`, [
    handId,
  ]);
}

/**
 * Ends the current turn (only `participantId`'s, if given; only on one floor, if `groupId` is
 * given: a group's id, or null for the plenary); its length is measured on the server clock.
 */
export async function endTurn(
  tx: Queryable,
  sessionId: string,
  participantId?: string,
  groupId?: string | null,
): Promise<boolean> {
  const ended = await tx.query(
    `UPDATE hands SET status = 'done', ended_at = now(),
       spoken_ms = (extract(epoch FROM now() - called_at) * 1000)::integer
     WHERE session_id = $1 AND status = 'speaking' AND ($2::uuid IS NULL OR participant_id = $2)
       AND ($3::boolean OR group_id IS NOT DISTINCT FROM $4::uuid) RETURNING id`,
    [sessionId, participantId ?? null, groupId === undefined, groupId ?? null],
  );
  return ended.length > 0;
}

/**
 * Closes the queues of groups that stopped (ended, or a member moved out): waiting hands in them
 * are withdrawn and turns on their floors end. `participantId`: only that member's hand.
 */
export async function closeGroupFloors(
  tx: Queryable,
  groupIds: readonly string[],
  participantId: string | null = null,
): Promise<void> {
  if (groupIds.length === 0) return;
  const mine = '($2::uuid IS NULL OR participant_id = $2)';
  await tx.query(
    `UPDATE hands SET status = 'withdrawn' WHERE group_id = ANY($1::uuid[]) AND status = 'waiting' AND ${mine}`,
    [groupIds, participantId],
  );
  await tx.query(
    `UPDATE hands SET status = 'done', ended_at = now(),
       spoken_ms = (extract(epoch FROM now() - called_at) * 1000)::integer
     WHERE group_id = ANY($1::uuid[]) AND status = 'speaking' AND ${mine}`,
    [groupIds, participantId],
  );
}

export interface SpokenRow {
  participantId: string;
  turnsThisSession: number;
  spokenMsThisSession: number;
  turnsOverall: number;
  spokenMsOverall: number;
}

/** Turns and speaking time per participant, this session and across the assembly's sessions (finished turns). */
export async function speakingTotals(db: Queryable, assemblyId: string, sessionId: string): Promise<SpokenRow[]> {
  return db.query<SpokenRow>(
    `SELECT h.participant_id AS "participantId",
       count(*) FILTER (WHERE h.session_id = $2)::int AS "turnsThisSession",
       coalesce(sum(h.spoken_ms) FILTER (WHERE h.session_id = $2), 0)::int AS "spokenMsThisSession",
       count(*)::int AS "turnsOverall",
       coalesce(sum(h.spoken_ms), 0)::int AS "spokenMsOverall"
     FROM hands h JOIN assembly_sessions s ON s.id = h.session_id
     WHERE s.assembly_id = $1 AND h.status = 'done'
     GROUP BY h.participant_id`,
    [assemblyId, sessionId],
  );
}

/** The session's finished turns, on every floor, in the order they ended (for the Gini line). */
export async function finishedTurns(db: Queryable, sessionId: string): Promise<FinishedTurn[]> {
  const rows = await db.query<{ participantId: string; endedAt: Date; spokenMs: number }>(
    `SELECT participant_id AS "participantId", ended_at AS "endedAt", spoken_ms AS "spokenMs"
     FROM hands WHERE session_id = $1 AND status = 'done' AND ended_at IS NOT NULL AND spoken_ms IS NOT NULL
     ORDER BY ended_at, id`,
    [sessionId],
  );
  return rows.map((r) => ({ participantId: r.participantId, endedAt: r.endedAt.getTime(), spokenMs: r.spokenMs }));
}
