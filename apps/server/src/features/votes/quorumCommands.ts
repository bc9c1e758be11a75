import { ErrorCode, quorumReason, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import * as quorum from './quorumStore.ts';

/**
 * `vote:continue`: the moderator continues a vote paused for lost quorum with the members present.
 * A notable act, so it is public in the record with the count at that moment; ballots are taken
 * again and the vote no longer pauses. The quorum of ballots needed at close does not change:
 * the members who voted before they left still count, and a vote short of ballots decides nothing.
 */
export function registerQuorumCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'vote:continue', logger, async ({ voteId }) => {
    const online = await ctx.sessions.onlineParticipants(assemblyId);
    const present = await db.transaction(async (tx) => {
      const v = await quorum.lockQuorum(tx, voteId);
      if (v?.assemblyId !== assemblyId)
        throw new AppError(ErrorCode.notFound, 'No such vote in this assembly', refusal('vote', 'notFound'));
      if (v.status !== 'open')
        throw new AppError(ErrorCode.voteClosed, 'This vote has closed', refusal('vote', 'voteClosed'));
      if (!v.paused || !v.sessionId)
        throw new AppError(ErrorCode.badRequest, 'This vote is not paused', quorumReason('notPaused'));
      const count = await quorum.presentForVote(tx, v.sessionId, voteId, online);
      await quorum.markContinued(tx, voteId, count);
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'vote.quorum_continued',
        target: voteId,
        detail: { present: count, needed: v.quorumNeeded },
      });
      return count;
    });
    await ctx.votes.publish(assemblyId);
    return { present };
  });
}
