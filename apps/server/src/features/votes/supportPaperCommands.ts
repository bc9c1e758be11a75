import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { enterPaperCount } from './paperCount.ts';
import { paperRecord } from './supportTally.ts';

/**
 * The final ballot's paper count: the members ticked as voting on paper (`vote:markPaper`, as for
 * any vote) fill in a paper copy; two facilitators each count them per recommendation and answer
 * and enter the totals. Matching entries count at close with the online ballots; different ones
 * discard both, exactly as `vote:enterPaperTotals` does for one question.
 */
export function registerSupportPaperCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'vote:enterSupportPaperTotals', logger, ({ voteId, counts }) =>
    enterPaperCount(ctx, assemblyId, me, voteId, async (vote, ticked) => {
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
      const voters = await ticked();
      const over = counts.findIndex((row) => row.reduce((a, b) => a + b, 0) > voters);
      if (over >= 0)
        throw new AppError(
          ErrorCode.badRequest,
          `Recommendation ${over + 1} has more answers than the ${voters} paper ${voters === 1 ? 'ballot' : 'ballots'} ticked`,
          refusal('paper', 'tooManyAnswers', { item: over + 1, voters }),
        );
      return paperRecord(counts, voters);
    }),
  );
}
