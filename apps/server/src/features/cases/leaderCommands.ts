import { ErrorCode, LIMITS, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { inviteParticipant } from '../identity/participantStore.ts';
import { publishRoster } from '../identity/rosterCommands.ts';
import * as store from './caseStore.ts';
import * as leaders from './leaderStore.ts';

/** Until deliberation starts, the case is still being heard: the reply and evidence may change. */
const HEARD = new Set(['open', 'hearing']);

/**
 * The leader's right of reply. A moderator gives the leader a case a narrow seat (named after
 * them, bound to that case) with a deadline, and may move it; the leader replies for themselves
 * and adds evidence until the deadline, after which they are refused with `deadline_passed`.
 * Their reply is the case's reply (the public record shows it); their evidence joins the case's.
 */
export function registerLeaderCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  on('assembly', socket, 'leader:invite', logger, async ({ caseId, deadline }) => {
    const invited = await db.transaction(async (tx) => {
      const c = await store.lockCase(tx, caseId, assemblyId);
      if (!HEARD.has(c.status)) {
        throw new AppError(
          ErrorCode.badRequest,
          `The leader is invited while the case is heard; this one is ${c.status}`,
          refusal('case', 'leaderWhileHeard'),
        );
      }
      if ((await leaders.leaderSeatsOfCase(tx, caseId)).length >= LIMITS.maxLeadersPerCase) {
        throw new AppError(
          ErrorCode.limitReached,
          `A case has at most ${LIMITS.maxLeadersPerCase} leader seats`,
          refusal('case', 'leaderSeatsFull', { max: LIMITS.maxLeadersPerCase }),
        );
      }
      const name = c.respondentName ?? c.respondentRole;
      const seat = await inviteParticipant(tx, assemblyId, 'leader', name);
      await leaders.insertLeaderSeat(tx, seat.participant.id, caseId, new Date(deadline));
      // A new seat keeps the deadline every seat of the case shares.
      await leaders.setDeadline(tx, caseId, new Date(deadline));
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'leader.invited',
        target: caseId,
        detail: { participantId: seat.participant.id, deadline: new Date(deadline).toISOString() },
      });
      return seat;
    });
    await Promise.all([publishRoster(ctx, assemblyId), ctx.cases.publish(assemblyId)]);
    return { participantId: invited.participant.id, inviteSecret: invited.inviteSecret };
  });

  on('assembly', socket, 'leader:setDeadline', logger, async ({ caseId, deadline }) => {
    await db.transaction(async (tx) => {
      await store.lockCase(tx, caseId, assemblyId);
      if ((await leaders.leaderSeatsOfCase(tx, caseId)).length === 0) {
        throw new AppError(
          ErrorCode.badRequest,
          'Invite the leader to this case first',
          refusal('case', 'leaderNotInvited'),
        );
      }
      await leaders.setDeadline(tx, caseId, new Date(deadline));
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'leader.deadline_set',
        target: caseId,
        detail: { deadline: new Date(deadline).toISOString() },
      });
    });
    await ctx.cases.publish(assemblyId);
    return null;
  });

  on('assembly', socket, 'leader:reply', logger, async ({ caseId, reply, evidence }) => {
    await db.transaction(async (tx) => {
      // The seat reads one case: any other id, here or elsewhere, is a case that does not exist for it.
      const seat = await leaders.leaderSeat(tx, actorId);
      if (!seat || seat.caseId !== caseId)
        throw new AppError(ErrorCode.notFound, 'No such case in this assembly', refusal('case', 'notFound'));
      const c = await store.lockCase(tx, caseId, assemblyId);
      const now = new Date();
      const [locked] = await tx.query<{ deadline: Date }>(
        'SELECT deadline FROM case_leaders WHERE participant_id = $1 FOR UPDATE',
        [actorId],
      );
      if (locked!.deadline.getTime() <= now.getTime()) {
        throw new AppError(
          ErrorCode.deadlinePassed,
          `The deadline for your reply was ${locked!.deadline.toISOString()}`,
          refusal('case', 'replyTooLate', { deadline: locked!.deadline.toISOString() }),
        );
      }
      if (!HEARD.has(c.status)) {
        throw new AppError(
          ErrorCode.badRequest,
          `The reply is taken until deliberation starts; this case is ${c.status}`,
          refusal('case', 'replyClosed'),
        );
      }
      const known = new Set(c.evidence.map((e) => `${e.description}\n${e.link ?? ''}`));
      const added = evidence.filter((e) => !known.has(`${e.description}\n${e.link ?? ''}`));
      if (c.evidence.length + added.length > LIMITS.maxCaseEvidence) {
        throw new AppError(
          ErrorCode.limitReached,
          `A case holds at most ${LIMITS.maxCaseEvidence} pieces of evidence`,
          refusal('case', 'evidenceFull', { max: LIMITS.maxCaseEvidence }),
        );
      }
      await store.setReply(tx, caseId, reply);
      for (const e of added) await store.addEvidence(tx, caseId, e);
      await leaders.markReplied(tx, actorId);
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'leader.replied',
        target: caseId,
        detail: { replaced: c.reply !== null, evidence: added.length },
      });
    });
    await ctx.cases.publish(assemblyId);
    return null;
  });
}
