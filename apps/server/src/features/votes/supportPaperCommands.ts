import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import * as paper from './paperStore.ts';
import { paperRecord } from './supportTally.ts';
import { lockVote } from './voteStore.ts';

/**
 * The final ballot's paper count: the members ticked as voting on paper (`vote:markPaper`, as for
 * any vote) fill in a paper copy; two facilitators each count them per recommendation and answer
 * and enter the totals. Matching entries count at close with the online ballots; different ones
 * discard both, exactly as `vote:enterPaperTotals` does for one question.
 */
export function registerSupportPaperCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'vote:enterSupportPaperTotals', logger, async ({ voteId, counts }) => {
    const outcome = await db.transaction(async (tx) => {
      const vote = await lockVote(tx, assemblyId, voteId, 'update');
      if (vote.status !== 'open')
        throw new AppError(ErrorCode.voteClosed, 'This vote has closed', refusal('vote', 'voteClosed'));
      if (vote.rules.method !== 'support')
        throw new AppError(
          ErrorCode.badRequest,
          'These totals are for a final ballot; enter this vote’s totals per choice',
          refusal('paper', 'notAFinalBallot'),
        );
      const items = vote.rules.items.length;
      if (counts.length !== items)
        throw new AppError(
          ErrorCode.badRequest,
          `These totals cover ${counts.length} recommendations, but the final ballot lists ${items}`,
          refusal('paper', 'itemsMismatch', { counted: counts.length, items }),
        );
      const voters = (await paper.paperVoterIds(tx, voteId)).length;
      if (voters === 0)
        throw new AppError(
          ErrorCode.badRequest,
          'Nobody is ticked as voting on paper in this vote',
          refusal('paper', 'nobodyTicked'),
        );
      const over = counts.findIndex((row) => row.reduce((a, b) => a + b, 0) > voters);
      if (over >= 0)
        throw new AppError(
          ErrorCode.badRequest,
          `Recommendation ${over + 1} has more answers than the ${voters} paper ${voters === 1 ? 'ballot' : 'ballots'} ticked`,
          refusal('paper', 'tooManyAnswers', { item: over + 1, voters }),
        );
      const entered = paperRecord(counts, voters);
      const row = await paper.paperTotals(tx, voteId);
      if (row?.agreedCounts)
        throw new AppError(
          ErrorCode.badRequest,
          'The paper totals are already agreed',
          refusal('paper', 'alreadyAgreed'),
        );
      const audit = (action: string) => recordAudit(tx, { assemblyId, actorId: me.id, action, target: voteId });
      if (!row?.firstBy || !row.firstCounts) {
        await paper.enterFirstTotals(tx, voteId, me.id, entered);
        await audit('vote.paper_totals_entered');
        return 'awaiting_second' as const;
      }
      if (row.firstBy === me.id)
        throw new AppError(
          ErrorCode.badRequest,
          'You entered the first count: a second facilitator must count the paper ballots and enter them',
          refusal('paper', 'secondCounterNeeded'),
        );
      if (paper.sameTotals(row.firstCounts, entered)) {
        await paper.agreeTotals(tx, voteId, me.id, entered);
        await audit('vote.paper_totals_agreed');
        return 'agreed' as const;
      }
      await paper.discardTotals(tx, voteId);
      await audit('vote.paper_totals_mismatch');
      return 'mismatch' as const;
    });
    await ctx.votes.publish(assemblyId);
    if (outcome === 'mismatch')
      throw new AppError(
        ErrorCode.badRequest,
        'Your totals differ from the first count, so neither counts: count the paper ballots again, then two facilitators enter them afresh',
        refusal('paper', 'countsDisagree'),
      );
    return { status: outcome };
  });
}
