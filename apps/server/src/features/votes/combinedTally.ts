import type { BallotChoice, VoteResult, VoteRules } from '@moot/protocol';
import { supportTally } from './supportTally.ts';
import { ballotLines, paperBallots } from './paperStore.ts';
import { tally } from './tally.ts';
import { explanationOf, says } from './tallyWords.ts';

/**
 * One result from the online ballots and the agreed paper totals: the paper ballots are counted
 * as ballots of their choices under the same rules and quorum, and the result says how many of
 * each there were. Pure, like `tally`: anyone holding the published ballots and the published
 * paper totals recounts it.
 */
export function combinedTally(
  rules: VoteRules,
  online: readonly BallotChoice[],
  paperCounts: Record<string, number> | null,
  quorum: { eligible: number; quorumNeeded: number },
): VoteResult {
  if (rules.method === 'support') return supportTally(rules, online, paperCounts, quorum);
  const onPaper = paperCounts ? paperBallots(rules, paperCounts) : [];
  const result = tally(rules, [...online, ...onPaper], quorum);
  const split = { online: online.length, paper: onPaper.length };
  if (onPaper.length === 0) return { ...result, ...split };
  const counted = says(onPaper.length === 1 ? 'tally.countedSplitOne' : 'tally.countedSplit', {
    online: online.length,
    paper: onPaper.length,
  });
  const because = [...(result.because ?? []), counted];
  const published =
    rules.method === 'approval' || rules.method === 'ranked'
      ? { paperBallots: ballotLines(paperCounts!) }
      : { paperCounts: paperCounts! };
  return { ...result, ...split, ...published, explanation: explanationOf(because), because };
}
