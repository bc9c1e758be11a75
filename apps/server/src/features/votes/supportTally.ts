import {
  percentOf,
  shareBar,
  SUPPORT_SCALE,
  SUPPORTING_ANSWERS,
  type BallotChoice,
  type RecommendationResult,
  type VoteResult,
  type VoteRules,
} from '@moot/protocol';
import { explanationOf, says } from './tallyWords.ts';

/**
 * Counting a final ballot. Pure, like `tally`: the rules, the published ballots and the agreed
 * paper totals give the same result every time. The rules, as the ballot shows them:
 *
 * - Each ballot answers every recommendation in ballot order with one of the five points of the
 *   support scale (an index into SUPPORT_SCALE) or leaves it blank (null).
 * - Paper totals are per recommendation and answer, with the number of paper ballots
 *   (`ballots`); a paper ballot may leave a recommendation blank, so a recommendation's paper
 *   answers add up to at most that number.
 * - Quorum: online + paper ballots ≥ quorumNeeded. Without it nothing is supported; the counts
 *   are still published.
 * - A recommendation is supported when strongly agree + agree ≥ share × base, base being the
 *   ballots that answered it (`answering`) or every ballot counted (`ballots`), in exact integer
 *   arithmetic (0.6 is 6/10). A base of 0 is not supported.
 */
export type SupportRules = Extract<VoteRules, { method: 'support' }>;

/** The key of one recommendation's answer in the stored paper totals. */
export const paperKey = (item: number, answer: number) => `${item}.${answer}`;
/** The key holding how many paper ballots the totals count. */
export const PAPER_BALLOTS_KEY = 'ballots';

/** Why these answers cannot be a ballot of this final ballot, or null if they can. */
export function validateSupportAnswers(items: number, answers: readonly (number | null)[]): string | null {
  if (answers.length !== items)
    return `This ballot answers ${answers.length} recommendations, but the final ballot lists ${items}.`;
  const bad = answers.find((a) => a !== null && !(Number.isInteger(a) && a >= 0 && a < SUPPORT_SCALE.length));
  if (bad !== undefined)
    return `Answer ${bad} is not on the support scale (0 strongly agree … ${SUPPORT_SCALE.length - 1} strongly disagree).`;
  return null;
}

/** Paper totals as entered (recommendation × answer) in their stored form, with the ballots they count. */
export function paperRecord(counts: readonly (readonly number[])[], ballots: number): Record<string, number> {
  const record: Record<string, number> = { [PAPER_BALLOTS_KEY]: ballots };
  counts.forEach((row, item) => row.forEach((n, answer) => (record[paperKey(item, answer)] = n)));
  return record;
}

const sharePercent = (share: number) => `${Number((share * 100).toPrecision(12))}%`;

export function supportTally(
  rules: SupportRules,
  online: readonly BallotChoice[],
  paperCounts: Record<string, number> | null,
  quorum: { eligible: number; quorumNeeded: number },
): VoteResult {
  const answers = online.map((ballot, i) => {
    const why =
      ballot.method === 'support'
        ? validateSupportAnswers(rules.items.length, ballot.answers)
        : `it is a ${ballot.method} ballot`;
    if (why !== null || ballot.method !== 'support') throw new RangeError(`Ballot ${i + 1} cannot be counted: ${why}`);
    return ballot.answers;
  });
  const onPaper = paperCounts?.[PAPER_BALLOTS_KEY] ?? 0;
  const ballots = answers.length + onPaper;
  const { eligible, quorumNeeded } = quorum;
  const quorumMet = ballots >= quorumNeeded;
  const reaches = shareBar(rules.threshold.share);
  const recommendations: RecommendationResult[] = rules.items.map((_, item) => {
    const paperRow = SUPPORT_SCALE.map((_, a) => paperCounts?.[paperKey(item, a)] ?? 0);
    const counts = [...paperRow];
    for (const ballot of answers) {
      const answer = ballot[item];
      if (answer !== null && answer !== undefined) counts[answer]! += 1;
    }
    const answered = counts.reduce((a, b) => a + b, 0);
    const base = rules.threshold.base === 'answering' ? answered : ballots;
    const supporting = SUPPORTING_ANSWERS.reduce((sum, a) => sum + counts[a]!, 0);
    const supported = quorumMet && base > 0 && reaches(supporting, base);
    return {
      counts,
      paperCounts: paperRow,
      answered,
      base,
      supporting,
      percent: percentOf(supporting, base, reaches),
      supported,
    };
  });
  const supportedCount = recommendations.filter((r) => r.supported).length;
  const among = says(rules.threshold.base === 'answering' ? 'tally.ofAnswering' : 'tally.ofAllBallots');
  const split = says(ballots === 1 ? 'tally.countedSplitOne' : 'tally.countedSplit', {
    online: answers.length,
    paper: onPaper,
  });
  const bar = sharePercent(rules.threshold.share);
  const because = [
    quorumMet
      ? says('tally.supportResult', { supported: supportedCount, items: rules.items.length, bar, among })
      : says('tally.supportNoQuorum', { cast: ballots, needed: quorumNeeded, eligible }),
    split,
  ];
  return {
    ballots,
    online: answers.length,
    paper: onPaper,
    ...(onPaper > 0 ? { paperCounts: paperCounts! } : {}),
    eligible,
    quorumNeeded,
    quorumMet,
    passed: quorumMet,
    winner: null,
    counts: { supported: supportedCount, not_supported: rules.items.length - supportedCount },
    explanation: explanationOf(because),
    because,
    recommendations,
  };
}
