import type { AppContext } from '../../appContext.ts';
import { audienceRoom, participantRoom } from '../../realtime/socketData.ts';
import { listAppealCases } from './appealStore.ts';

/**
 * After a moderation action, an appeal or a decision: the moderators get every appeal, the
 * member concerned the actions about them (each of their devices). Only those two audiences:
 * the public learns of appeals from the session's moderation log and the record.
 */
export async function publishAppeals(ctx: AppContext, assemblyId: string, memberId: string): Promise<void> {
  const [moderators, member] = await Promise.all([
    listAppealCases(ctx.db, assemblyId, { role: 'moderator' }),
    listAppealCases(ctx.db, assemblyId, { role: 'member', participantId: memberId }),
  ]);
  ctx.io.to(audienceRoom(assemblyId, 'moderator')).emit('appeals:state', { cases: moderators });
  ctx.io.to(participantRoom(memberId)).emit('appeals:state', { cases: member });
}
