import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { on } from '../../realtime/on.ts';
import { participantRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import { publishAppeals } from './appealPublisher.ts';
import { anotherModerator, decideAppeal, fileAppeal, undo } from './appealStore.ts';

/**
 * Appeals against moderation: the member concerned files one per action (also once removed from
 * a sitting: removal takes them out of the sitting, not off the socket, and appealing is not
 * speaking, so no mute or removal refuses it); a moderator who did not act decides it.
 */
export function registerAppealCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'appeal:file', logger, async ({ actionId, reason }) => {
    const filed = await db.transaction(async (tx) => {
      const { appealId, action } = await fileAppeal(tx, { assemblyId, actionId, memberId: me.id, reason });
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'appeal.filed',
        target: action.id,
        detail: { appealed: action.action, text: reason },
      });
      return { appealId, actorId: action.byId };
    });
    ctx.sessions.changed(assemblyId);
    await publishAppeals(ctx, assemblyId, me.id);
    return { appealId: filed.appealId, waitsForModerator: !(await anotherModerator(db, assemblyId, filed.actorId)) };
  });

  on('assembly', socket, 'appeal:decide', logger, async ({ appealId, decision, reason }) => {
    const { action, undone } = await db.transaction(async (tx) => {
      const action = await decideAppeal(tx, { assemblyId, appealId, by: me.id, decision, reason });
      const undone =
        decision === 'overturn' ? await undo(tx, action) : { unmuted: false, readmitted: false, restored: false };
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: decision === 'overturn' ? 'appeal.overturned' : 'appeal.upheld',
        target: action.participantId,
        detail: { appealed: action.action, text: reason },
      });
      return { action, undone };
    });
    const member = action.participantId;
    if (undone.unmuted || undone.readmitted) ctx.silence.forget(member);
    if (undone.unmuted) {
      ctx.io.to(participantRoom(member)).emit('moderation:notice', {
        action: 'unmute',
        reason: null,
        note: null,
        until: null,
      });
    }
    ctx.sessions.changed(assemblyId);
    await Promise.all([
      publishAppeals(ctx, assemblyId, member),
      undone.restored ? ctx.comments.publish(assemblyId) : Promise.resolve(),
    ]);
    return null;
  });
}
