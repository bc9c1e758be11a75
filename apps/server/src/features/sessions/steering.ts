import { ErrorCode } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Participant } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { runningGroupOf } from './groupStore.ts';

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
  if (member?.role !== 'member') throw new AppError(ErrorCode.notFound, 'No such member in this assembly');
  if (me.role === 'moderator') return;
  const { running, group } = await runningGroupOf(tx, sessionId, memberId);
  if (!running) return;
  if (!group?.hostIds.includes(me.id)) {
    throw new AppError(
      ErrorCode.forbidden,
      'While groups run, a facilitator steers only the members of their own group',
    );
  }
}
