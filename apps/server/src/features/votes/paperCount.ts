import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import * as paper from './paperStore.ts';
import { lockVote, type VoteRow } from './voteStore.ts';

/**
 * One facilitator's count of an open vote's paper ballots, under the two-counter rule: the first
 * count waits; a matching second from another facilitator makes both count (at close, with the
 * online ballots); a different one discards both, and its facilitator is told to count again.
 * `read` turns what was entered into the counts to store, given the vote, refusing what does not
 * fit it; it asks `ticked()` for how many members are ticked as voting on paper when it needs to
 * (that refuses a vote with none).
 */
export async function enterPaperCount(
  ctx: AppContext,
  assemblyId: string,
  me: { id: string },
  voteId: string,
  read: (vote: VoteRow, ticked: () => Promise<number>) => Promise<Record<string, number>>,
): Promise<{ status: 'awaiting_second' | 'agreed' }> {
  const outcome = await ctx.db.transaction(async (tx) => {
    const vote = await lockVote(tx, assemblyId, voteId, 'update');
    if (vote.status !== 'open')
      throw new AppError(ErrorCode.voteClosed, 'This vote has closed', refusal('vote', 'voteClosed'));
    const entered = await read(vote, async () => {
      const voters = (await paper.paperVoterIds(tx, voteId)).length;
      if (voters === 0)
        throw new AppError(
          ErrorCode.badRequest,
          'Nobody is ticked as voting on paper in this vote',
          refusal('paper', 'nobodyTicked'),
        );
      return voters;
    });
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
}
