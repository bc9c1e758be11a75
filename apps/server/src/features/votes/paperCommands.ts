import { ErrorCode, refusal, type VoteRules } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { presentNow } from '../sessions/floorStore.ts';
import { requireSteers } from '../sessions/steering.ts';
import { hasOnlineBallot } from './ballotStore.ts';
import * as paper from './paperStore.ts';
import { enterPaperCount } from './paperCount.ts';
import { lockVote } from './voteStore.ts';
import { refuseOffPanel } from '../panels/panelVote.ts';

/**
 * The in-room paper count of a secret vote: a facilitator (or the moderator) ticks each paper
 * voter against the check-in list; two facilitators enter the totals independently; matching
 * totals count at close with the online ballots, different ones discard both.
 */
export function registerPaperCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'vote:markPaper', logger, async ({ voteId, participantId }) => {
    await db.transaction(async (tx) => {
      // FOR UPDATE: waits for casts under way (they hold FOR SHARE), and none start until this commits,
      // so a member is never both ticked for paper and holding an online ballot.
      const vote = await lockVote(tx, assemblyId, voteId, 'update');
      if (vote.status !== 'open')
        throw new AppError(ErrorCode.voteClosed, 'This vote has closed', refusal('vote', 'voteClosed'));
      if (!paper.countsOnPaper(vote.rules) && vote.rules.method !== 'support')
        throw new AppError(
          ErrorCode.badRequest,
          'This kind of vote cannot be counted on paper',
          refusal('paper', 'notCountedOnPaper'),
        );
      if (!vote.sessionId)
        throw new AppError(ErrorCode.badRequest, 'This vote belongs to no session', refusal('vote', 'noSession'));
      await requireSteers(tx, me, vote.sessionId, participantId);
      const totals = await paper.paperTotals(tx, voteId);
      if (totals?.firstBy || totals?.agreedCounts)
        throw new AppError(
          ErrorCode.badRequest,
          'The paper ballots are being counted: nobody more can be ticked',
          refusal('paper', 'countStarted'),
        );
      // A case's consequence vote with a drawn panel: only the panel votes, on paper too.
      await refuseOffPanel(tx, vote, participantId);
      if (!(await presentNow(tx, vote.sessionId, participantId)))
        throw new AppError(
          ErrorCode.badRequest,
          'Only a member checked in now can vote on paper: check them in first',
          refusal('paper', 'notCheckedIn'),
        );
      if (await hasOnlineBallot(tx, ctx.ballotSecret, voteId, participantId))
        throw new AppError(
          ErrorCode.badRequest,
          'This member has already voted online in this vote',
          refusal('paper', 'votedOnline'),
        );
      if (!(await paper.markPaperVoter(tx, voteId, participantId, me.id)))
        throw new AppError(
          ErrorCode.badRequest,
          'This member is already ticked as voting on paper',
          refusal('paper', 'alreadyTicked'),
        );
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'vote.paper_marked',
        target: voteId,
        detail: { participantId },
      });
    });
    await ctx.votes.publish(assemblyId);
    // A member ticked for paper is present for the vote's quorum, device or not.
    ctx.quorum.changed(assemblyId);
    return null;
  });

  /** One facilitator's count, as counts per choice (yes/no, consent) or per distinct ballot (approval, ranked). */
  const enterCount = (voteId: string, normalise: (rules: VoteRules) => ReturnType<typeof paper.normaliseTotals>) =>
    enterPaperCount(ctx, assemblyId, me, voteId, async (vote, ticked) => {
      const entered = normalise(vote.rules);
      if (!entered.ok) throw new AppError(ErrorCode.badRequest, entered.why, entered.reason);
      const voters = await ticked();
      if (entered.total !== voters) {
        throw new AppError(
          ErrorCode.badRequest,
          `These totals add up to ${entered.total} paper ballots, but ${voters} ${voters === 1 ? 'member is' : 'members are'} ticked as voting on paper`,
          refusal('paper', 'totalsMismatch', { total: entered.total, voters }),
        );
      }
      return entered.counts;
    });

  on('assembly', socket, 'vote:enterPaperTotals', logger, ({ voteId, counts }) =>
    enterCount(voteId, (rules) => paper.normaliseTotals(rules, counts)),
  );

  on('assembly', socket, 'vote:enterPaperBallots', logger, ({ voteId, ballots }) =>
    enterCount(voteId, (rules) => paper.normaliseBallots(rules, ballots)),
  );
}
