import { randomUUID } from 'node:crypto';
import {
  APPEAL_LIMITS,
  ErrorCode,
  refusal,
  type AppealableAction,
  type AppealCase,
  type AppealDecision,
  type AppealPerson,
  type ModerationReason,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';

const DAY_MS = 86_400_000;
const windowStart = (now = Date.now()) => new Date(now - APPEAL_LIMITS.windowDays * DAY_MS);

/** Who reads appeals: the moderators (every appeal), or one member (the actions about them). */
export type AppealReader = { role: 'moderator' } | { role: 'member'; participantId: string };

interface CaseRow {
  actionId: string;
  action: AppealableAction;
  memberId: string;
  byId: string | null;
  reason: ModerationReason | null;
  note: string | null;
  at: Date;
  commentText: string | null;
  appealId: string | null;
  appealReason: string | null;
  appealedAt: Date | null;
  decision: 'upheld' | 'overturned' | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/**
 * The cases a reader sees: a member the mutes, removals and hides about them of the appeal window
 * (and any older one whose appeal is pending or was decided within it); moderators every appeal
 * pending, and those decided within the window. Pending first, then newest first.
 */
export async function listAppealCases(db: Queryable, assemblyId: string, reader: AppealReader): Promise<AppealCase[]> {
  const since = windowStart();
  const rows = await db.query<CaseRow>(
    `SELECT m.id AS "actionId", m.action, m.participant_id AS "memberId", m.by_id AS "byId", m.reason, m.note, m.at,
       c.text AS "commentText", a.id AS "appealId", a.reason AS "appealReason", a.appealed_at AS "appealedAt",
       a.decision, a.decision_reason AS "decisionReason", a.decided_by AS "decidedBy", a.decided_at AS "decidedAt"
     FROM moderation_actions m
       LEFT JOIN moderation_appeals a ON a.action_id = m.id
       LEFT JOIN comments c ON c.id = m.comment_id
     WHERE m.assembly_id = $1 AND m.action IN ('mute', 'remove', 'hide_comment')
       AND ($3::uuid IS NULL OR m.participant_id = $3)
       AND (($3::uuid IS NOT NULL AND m.at >= $2)
            OR (a.id IS NOT NULL AND (a.decided_at IS NULL OR a.decided_at >= $2)))
     ORDER BY (a.id IS NOT NULL AND a.decided_at IS NULL) DESC, m.at DESC, m.id
     LIMIT 200`,
    [assemblyId, since, reader.role === 'member' ? reader.participantId : null],
  );
  if (rows.length === 0) return [];
  const people = await db.query<{ id: string; name: string; role: string; revoked: boolean }>(
    `SELECT id, COALESCE(display_name, 'Member ' || seat) AS name, role, revoked_at IS NOT NULL AS revoked
     FROM participants WHERE assembly_id = $1`,
    [assemblyId],
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const person = (id: string | null): AppealPerson | null => {
    const p = id ? byId.get(id) : undefined;
    return p ? { participantId: p.id, name: p.name } : null;
  };
  const moderators = people.filter((p) => p.role === 'moderator' && !p.revoked).map((p) => p.id);
  return rows.map((r) => ({
    actionId: r.actionId,
    action: r.action,
    member: person(r.memberId) ?? { participantId: r.memberId, name: 'Unknown' },
    actedBy: person(r.byId),
    reason: r.reason,
    note: r.note,
    at: r.at.getTime(),
    commentText: r.commentText,
    appeal:
      r.appealId === null
        ? null
        : {
            id: r.appealId,
            reason: r.appealReason!,
            at: r.appealedAt!.getTime(),
            status: r.decision ?? 'pending',
            waitsForModerator: r.decision === null && !moderators.some((id) => id !== r.byId),
            decidedBy: person(r.decidedBy),
            decisionReason: r.decisionReason,
            decidedAt: r.decidedAt?.getTime() ?? null,
          },
  }));
}

/** Whether a moderator other than `actorId` holds a seat in the assembly (one who may decide). */
export async function anotherModerator(db: Queryable, assemblyId: string, actorId: string | null): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM participants WHERE assembly_id = $1 AND role = 'moderator' AND revoked_at IS NULL
       AND ($2::uuid IS NULL OR id <> $2) LIMIT 1`,
    [assemblyId, actorId],
  );
  return rows.length > 0;
}

export interface ActionRow {
  id: string;
  action: AppealableAction;
  participantId: string;
  byId: string | null;
  sessionId: string | null;
  commentId: string | null;
  until: Date | null;
  at: Date;
}

const ACTION_COLUMNS = `m.id, m.action, m.participant_id AS "participantId", m.by_id AS "byId",
  m.session_id AS "sessionId", m.comment_id AS "commentId", m.until, m.at`;

/**
 * Files the member's appeal against an action about them, once. The action's row is locked, so
 * two appeals sent at once (from two devices, or two nodes) make one and a clear refusal.
 */
export async function fileAppeal(
  tx: Queryable,
  a: { assemblyId: string; actionId: string; memberId: string; reason: string },
): Promise<{ appealId: string; action: ActionRow }> {
  const [action] = await tx.query<ActionRow>(
    `SELECT ${ACTION_COLUMNS} FROM moderation_actions m
     WHERE m.id = $1 AND m.assembly_id = $2 AND m.participant_id = $3 AND m.action IN ('mute', 'remove', 'hide_comment')
     FOR UPDATE`,
    [a.actionId, a.assemblyId, a.memberId],
  );
  // Another member's action, another assembly's, an unmute: all as if it did not exist.
  if (!action) {
    throw new AppError(ErrorCode.notFound, 'No moderation action about you to appeal', refusal('appeal', 'notFound'));
  }
  if (action.at < windowStart()) {
    throw new AppError(
      ErrorCode.badRequest,
      `An action may be appealed within ${APPEAL_LIMITS.windowDays} days`,
      refusal('appeal', 'tooLate', { days: APPEAL_LIMITS.windowDays }),
    );
  }
  const already = await tx.query('SELECT 1 FROM moderation_appeals WHERE action_id = $1', [action.id]);
  if (already.length > 0) {
    throw new AppError(ErrorCode.badRequest, 'You have already appealed this action', refusal('appeal', 'already'));
  }
  const appealId = randomUUID();
  await tx.query(
    `INSERT INTO moderation_appeals (id, assembly_id, action_id, participant_id, reason) VALUES ($1, $2, $3, $4, $5)`,
    [appealId, a.assemblyId, action.id, a.memberId, a.reason],
  );
  return { appealId, action };
}

/**
 * Decides a pending appeal, refusing the moderator who took the action (whatever the roles
 * table says, nobody judges their own decision). The appeal's row is locked: two moderators
 * deciding at once make one decision and one refusal.
 */
export async function decideAppeal(
  tx: Queryable,
  d: { assemblyId: string; appealId: string; by: string; decision: AppealDecision; reason: string },
): Promise<ActionRow> {
  const [row] = await tx.query<ActionRow & { decided: boolean }>(
    `SELECT ${ACTION_COLUMNS}, a.decision IS NOT NULL AS decided
     FROM moderation_appeals a JOIN moderation_actions m ON m.id = a.action_id
     WHERE a.id = $1 AND a.assembly_id = $2 FOR UPDATE OF a`,
    [d.appealId, d.assemblyId],
  );
  if (!row) throw new AppError(ErrorCode.notFound, 'No such appeal in this assembly', refusal('appeal', 'notFound'));
  const { decided, ...action } = row;
  if (action.byId === d.by) {
    throw new AppError(
      ErrorCode.forbidden,
      'You took this action: a moderator other than you decides its appeal',
      refusal('appeal', 'ownAction'),
    );
  }
  if (decided) throw new AppError(ErrorCode.badRequest, 'This appeal has been decided', refusal('appeal', 'decided'));
  await tx.query(
    `UPDATE moderation_appeals SET decision = $2, decision_reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`,
    [d.appealId, d.decision === 'overturn' ? 'overturned' : 'upheld', d.reason, d.by],
  );
  return action;
}

/** What overturning changed now (beyond the record): what to tell whom. */
export interface Undone {
  /** The mute appealed was still in force and is lifted. */
  unmuted: boolean;
  /** The member may check in again to the sitting they were removed from (it is still live). */
  readmitted: boolean;
  /** The hidden comment shows again. */
  restored: boolean;
}

/**
 * Undoes an overturned action where it still has effect: a mute only if it is the one in force
 * (a later, separate mute stands), a removal only while its sitting is live (the member is left
 * checked out, to check in again; an ended sitting's attendance is history), a hide always.
 */
export async function undo(tx: Queryable, action: ActionRow): Promise<Undone> {
  const undone: Undone = { unmuted: false, readmitted: false, restored: false };
  if (action.action === 'mute' && action.until) {
    const lifted = await tx.query(
      `UPDATE participants SET muted_until = NULL WHERE id = $1 AND muted_until = $2 AND muted_until > now() RETURNING 1`,
      [action.participantId, action.until],
    );
    undone.unmuted = lifted.length > 0;
  }
  if (action.action === 'remove' && action.sessionId) {
    const readmitted = await tx.query(
      `UPDATE attendance SET removed_at = NULL, checked_out_at = now()
       WHERE session_id = $1 AND participant_id = $2 AND removed_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM assembly_sessions s WHERE s.id = $1 AND s.status = 'live') RETURNING 1`,
      [action.sessionId, action.participantId],
    );
    undone.readmitted = readmitted.length > 0;
  }
  if (action.action === 'hide_comment' && action.commentId) {
    const restored = await tx.query(
      `UPDATE comments SET hidden_reason = NULL, hidden_note = NULL, hidden_by = NULL, hidden_at = NULL
       WHERE id = $1 AND hidden_at IS NOT NULL RETURNING 1`,
      [action.commentId],
    );
    undone.restored = restored.length > 0;
  }
  return undone;
}
