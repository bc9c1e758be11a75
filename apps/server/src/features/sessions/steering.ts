import { ErrorCode, refusal } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Participant } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { findGroup, runningGroupOf } from './groupStore.ts';

/**
 * Whether `me` may act for a member of this session: check them in or out, raise or lower a hand
 * for them, tick them as voting on paper. The moderator may for any member. A facilitator may
 * for any member while no groups run (at the door), and while groups run only for the members
 * of a group they host: a facilitator of group A never steers group B. Checked on the server,
 * whatever the client shows; the member must be a member of this assembly.
 */
export async function requireSteers(
  tx: Queryable,
  me: Participant,
  sessionId: string,
  memberId: string,
): Promise<void> {
  const [member] = await tx.query<{ role: string }>(
    'SELECT role FROM participants WHERE id = $1 AND assembly_id = $2 AND revoked_at IS NULL',
    [memberId, me.assemblyId],
  );
  if (member?.role !== 'member')
    throw new AppError(ErrorCode.notFound, 'No such member in this assembly', refusal('member', 'notFound'));
  if (me.role === 'moderator') return;
  const { running, group } = await runningGroupOf(tx, sessionId, memberId);
  if (!running) return;
  if (!group?.hostIds.includes(me.id)) {
    throw new AppError(
      ErrorCode.forbidden,
      'While groups run, a facilitator steers only the members of their own group',
      refusal('group', 'notYourGroupsMember'),
    );
  }
}

/**
 * The members `me` steers in this sitting, by the same rule as `requireSteers`: while groups run,
 * the members of the groups they host (none if they host none); at the door (no groups running),
 * every member of the assembly. `not_found` if the sitting is not this assembly's.
 */
export async function steeredMemberIds(db: Queryable, me: Participant, sessionId: string): Promise<string[]> {
  const [sitting] = await db.query('SELECT id FROM assembly_sessions WHERE id = $1 AND assembly_id = $2', [
    sessionId,
    me.assemblyId,
  ]);
  if (!sitting)
    throw new AppError(ErrorCode.notFound, 'No such sitting in this assembly', refusal('session', 'sittingNotFound'));
  const [running] = await db.query('SELECT id FROM groups WHERE session_id = $1 AND ended_at IS NULL LIMIT 1', [
    sessionId,
  ]);
  const rows = running
    ? await db.query<{ id: string }>(
        `SELECT DISTINCT m.participant_id AS id FROM group_members m
         JOIN groups g ON g.id = m.group_id AND g.session_id = $1 AND g.ended_at IS NULL
         JOIN group_hosts h ON h.group_id = g.id AND h.participant_id = $2`,
        [sessionId, me.id],
      )
    : await db.query<{ id: string }>(
        `SELECT id FROM participants WHERE assembly_id = $1 AND role = 'member' AND revoked_at IS NULL`,
        [me.assemblyId],
      );
  return rows.map((r) => r.id);
}

/**
 * Whether `me` may steer the queue of this group (call the next speaker, end a turn): the
 * moderator for any running group of the session, a facilitator only for a group they host.
 * The group must be running in this session of this assembly, or it is not found.
 */
export async function requireHostsGroup(
  tx: Queryable,
  me: Participant,
  sessionId: string,
  groupId: string,
): Promise<void> {
  const group = await findGroup(tx, groupId);
  if (!group || group.assemblyId !== me.assemblyId || group.sessionId !== sessionId || group.ended)
    throw new AppError(ErrorCode.notFound, 'No such running group in this session', refusal('group', 'groupNotFound'));
  if (me.role === 'moderator') return;
  if (!group.hostIds.includes(me.id))
    throw new AppError(
      ErrorCode.forbidden,
      "A facilitator steers only their own group's queue",
      refusal('group', 'notYourGroupsQueue'),
    );
}

/** The queue a member's hand goes in: their running group's, or the plenary's (null) when they are in none. */
export async function queueOf(tx: Queryable, sessionId: string, memberId: string): Promise<string | null> {
  return (await runningGroupOf(tx, sessionId, memberId)).group?.id ?? null;
}
