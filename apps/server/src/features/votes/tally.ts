/**
 * Counting a closed vote. Pure: the same rules and ballots always give the same result, so anyone
 * holding the published ballots can recount. The stated rules:
 *
 * - Ballots must pass validateBallot; tally refuses (throws) rather than count one that could not
 *   have been cast. An empty list is fine.
 * - Quorum: met when ballots cast ≥ quorumNeeded. Without it nothing passes and nothing wins, but
 *   the counts (ranked: first preferences, no rounds) are still published; the explanation starts
 *   "No quorum: N of M needed".
 * - Yes/no: counts yes, no, abstain. The threshold is measured against yes + no (+ abstain when
 *   `abstentionsCount`). Simple: strictly more than half (exactly half fails). Two thirds:
 *   yes × 3 ≥ counted × 2 (exactly two thirds passes). Share s: yes ≥ s × counted, where s is read
 *   as the decimal it is written as (0.6 is exactly 6/10, not the binary float just under it) and
 *   compared in integer arithmetic. Nothing counted → fails. No winner.
 * - Consent: counts the six gradients. Passes iff there is no block at all and endorse + agree +
 *   agree with reservations is at least `agreeShare` of the ballots that did not stand aside
 *   (exact arithmetic as above). If every ballot stood aside (or none was cast) it fails.
 * - Approval: counts approvals per option ("0", "1", …). The option with the most approvals wins
 *   and the vote passes. A tie for most is not broken: no winner, the assembly votes again.
 *   No approvals at all → no winner.
 * - Ranked (instant runoff): each round every ballot counts for its highest-ranked option still
 *   standing; ballots with none left are exhausted and dropped. An option with more than half of
 *   the round's non-exhausted ballots wins. Otherwise the option with the fewest votes is
 *   eliminated (one per round; options nobody ranked first start at 0 and so go first). A tie for
 *   fewest is broken by the previous round's counts — fewer there is eliminated — going back round
 *   by round; if they were tied in every round, the option listed later is eliminated. With no
 *   ballots there is no winner. `counts` are first preferences; `rounds` holds each round.
 * - Every explanation is one plain sentence with the numbers; a percentage is shown to one decimal
 *   and never rounded across the bar (6666 of 10000 shows 66.6%, not 66.7%, against two thirds).
 */
import {
  CONSENT_CHOICES,
  majority,
  percentOf,
  shareBar,
  thresholdBar,
  type Bar,
  YES_NO_CHOICES,
  type BallotChoice,
  type ConsentChoice,
  type Phrase,
  type Threshold,
  type VoteResult,
  type VoteRules,
  type YesNoChoice,
} from '@moot/protocol';
import { supportTally, validateSupportAnswers } from './supportTally.ts';
import { explanationOf, says } from './tallyWords.ts';

type Outcome = Pick<VoteResult, 'passed' | 'winner' | 'counts' | 'rounds' | 'explanation' | 'because'>;
const outcome = (counts: Record<string, number>, passed: boolean, because: Phrase[], winner: number | null = null) =>
  ({ passed, winner, counts, explanation: explanationOf(because), because }) satisfies Outcome;
const verdictWord = (passed: boolean) => says(passed ? 'tally.passed' : 'tally.failed');

/** Why this ballot cannot be counted under these rules, or null if it can. */
export function validateBallot(rules: VoteRules, choice: BallotChoice): string | null {
  if (choice.method !== rules.method)
    return `This ballot is for another kind of vote (${choice.method}, not ${rules.method}).`;
  const options = 'options' in rules ? rules.options.length : 0;
  switch (choice.method) {
    case 'yes_no':
    case 'consent': {
      const known: readonly string[] = choice.method === 'yes_no' ? YES_NO_CHOICES : CONSENT_CHOICES;
      return known.includes(choice.choice) ? null : `Unknown choice "${choice.choice}".`;
    }
    case 'approval':
      return checkIndexes(choice.approved, options, 'approved');
    case 'ranked':
      return choice.ranking.length === 0
        ? 'A ranking must list at least one option.'
        : checkIndexes(choice.ranking, options, 'ranked');
    case 'support':
      return validateSupportAnswers('items' in rules ? rules.items.length : 0, choice.answers);
  }
}

function checkIndexes(indexes: readonly number[], options: number, verb: string): string | null {
  const seen = new Set<number>();
  for (const i of indexes) {
    if (!Number.isInteger(i) || i < 0 || i >= options) return `Option ${i} does not exist (there are ${options}).`;
    if (seen.has(i)) return `Option ${i} is ${verb} more than once.`;
    seen.add(i);
  }
  return null;
}

/** Counts the ballots of a closed vote. Throws if a ballot could not have been cast under these rules. */
export function tally(
  rules: VoteRules,
  ballots: readonly BallotChoice[],
  quorum: { eligible: number; quorumNeeded: number },
): VoteResult {
  if (rules.method === 'support') return supportTally(rules, ballots, null, quorum);
  ballots.forEach((ballot, i) => {
    const why = validateBallot(rules, ballot);
    if (why !== null) throw new RangeError(`Ballot ${i + 1} cannot be counted: ${why}`);
  });
  const { eligible, quorumNeeded } = quorum;
  const counted = count(rules, ballots);
  const quorumMet = ballots.length >= quorumNeeded;
  const base = { ballots: ballots.length, eligible, quorumNeeded, quorumMet };
  if (quorumMet) return { ...base, ...counted };
  const why = says('tally.noQuorum', { cast: ballots.length, needed: quorumNeeded, eligible });
  return { ...base, ...outcome(counted.counts, false, [why]) };
}

const only = <M extends BallotChoice['method']>(ballots: readonly BallotChoice[], method: M) =>
  ballots.filter((b): b is Extract<BallotChoice, { method: M }> => b.method === method);

function count(rules: VoteRules, ballots: readonly BallotChoice[]): Outcome {
  switch (rules.method) {
    case 'yes_no': {
      const choices = only(ballots, 'yes_no').map((b) => b.choice);
      return yesNo(rules.threshold, rules.abstentionsCount, choices);
    }
    case 'consent':
      return consent(
        rules.agreeShare,
        only(ballots, 'consent').map((b) => b.choice),
      );
    case 'approval':
      return approval(
        rules.options,
        only(ballots, 'approval').map((b) => b.approved),
      );
    case 'ranked':
      return ranked(
        rules.options,
        only(ballots, 'ranked').map((b) => b.ranking),
      );
    case 'support':
      throw new RangeError('A final ballot is counted by supportTally');
  }
}

function tallyChoices<C extends string>(all: readonly C[], choices: readonly C[]): Record<C, number> {
  const counts = Object.fromEntries(all.map((c) => [c, 0])) as Record<C, number>;
  for (const c of choices) counts[c] += 1;
  return counts;
}

const sharePercent = (share: number) => `${Number((share * 100).toPrecision(12))}%`;

/** part/whole as the percentage every screen shows (protocol's percentOf), never rounded across the bar. */
const percent = (part: number, whole: number, bar: Bar) => `${percentOf(part, whole, bar)}%`;

function yesNo(threshold: Threshold, abstentionsCount: boolean, choices: readonly YesNoChoice[]): Outcome {
  const counts = tallyChoices(YES_NO_CHOICES, choices);
  const { yes, no, abstain } = counts;
  const counted = yes + no + (abstentionsCount ? abstain : 0);
  const abstentions = says(abstentionsCount ? 'tally.counted' : 'tally.notCounted');
  const rest = says('tally.yesNoRest', { no, abstain, abstentions });
  if (counted === 0) return outcome(counts, false, [says('tally.yesNoEmpty', { rest })]);
  const bar = thresholdBar(threshold);
  const passed = bar(yes, counted);
  const verdict =
    threshold.kind === 'simple'
      ? says(passed ? 'tally.moreThanHalf' : 'tally.notMoreThanHalf')
      : says(passed ? 'tally.atLeast' : 'tally.lessThan', {
          bar: threshold.kind === 'share' ? sharePercent(threshold.share) : says('tally.twoThirds'),
        });
  const score = { yes, counted, percent: percent(yes, counted, bar) };
  return outcome(counts, passed, [
    says('tally.yesNoResult', { outcome: verdictWord(passed), ...score, verdict, rest }),
  ]);
}

function consent(agreeShare: number, choices: readonly ConsentChoice[]): Outcome {
  const counts = tallyChoices(CONSENT_CHOICES, choices);
  const agreeing = counts.endorse + counts.agree + counts.agree_with_reservations;
  const counted = choices.length - counts.stand_aside;
  const { block } = counts;
  const aside = counts.stand_aside;
  if (block > 0) {
    const key = block === 1 ? 'tally.consentBlockedOne' : 'tally.consentBlocked';
    return outcome(counts, false, [says(key, { blocks: block, agreeing, counted, aside })]);
  }
  if (choices.length === 0) return outcome(counts, false, [says('tally.consentNone')]);
  if (counted === 0) return outcome(counts, false, [says('tally.consentAllAside', { ballots: choices.length })]);
  const bar = shareBar(agreeShare);
  const passed = bar(agreeing, counted);
  const verdict = says(passed ? 'tally.atLeast' : 'tally.lessThan', { bar: sharePercent(agreeShare) });
  const score = { agreeing, counted, percent: percent(agreeing, counted, bar) };
  return outcome(counts, passed, [
    says('tally.consentResult', { outcome: verdictWord(passed), ...score, verdict, aside }),
  ]);
}

/** An option's own text (a parameter, never translated). */
const title = (options: readonly string[], i: number) => options[i] ?? String(i);
const titles = (options: readonly string[], indexes: readonly number[]) => indexes.map((i) => title(options, i));
const countsOf = (votes: readonly number[], which: Iterable<number>) =>
  Object.fromEntries([...which].map((i) => [String(i), votes[i] ?? 0]));

function approval(options: readonly string[], ballots: readonly (readonly number[])[]): Outcome {
  const votes = options.map(() => 0);
  for (const approved of ballots) for (const i of approved) votes[i] = (votes[i] ?? 0) + 1;
  const counts = countsOf(votes, options.keys());
  const most = Math.max(0, ...votes);
  const top = [...options.keys()].filter((i) => votes[i] === most);
  const from = says(ballots.length === 1 ? 'tally.fromBallotOne' : 'tally.fromBallots', { ballots: ballots.length });
  if (most === 0) return outcome(counts, false, [says('tally.approvalNone', { from })]);
  const [winner] = top;
  if (top.length > 1 || winner === undefined) {
    return outcome(counts, false, [says('tally.approvalTie', { options: titles(options, top), most, from })]);
  }
  const wins = says(most === 1 ? 'tally.approvalWinsOne' : 'tally.approvalWins', {
    option: title(options, winner),
    approvals: most,
    from,
  });
  return outcome(counts, true, [wins], winner);
}

/** How one round's elimination was decided when several options shared the fewest votes. */
interface TieBreak {
  round: number;
  tied: number[];
  out: number;
  /** The earlier round whose counts decided it; null when they were tied in every round so far. */
  byRound: number | null;
}

/** The option to eliminate: fewest votes now, then fewest in each earlier round, then listed last. */
function toEliminate(
  standing: ReadonlySet<number>,
  history: readonly (readonly number[])[],
): { out: number; tie: TieBreak | null } {
  const round = history.length;
  const now = history[round - 1] ?? [];
  const fewestNow = Math.min(...[...standing].map((i) => now[i] ?? 0));
  const tiedNow = [...standing].filter((i) => (now[i] ?? 0) === fewestNow);
  let tied = tiedNow;
  let byRound: number | null = null;
  for (let r = round - 2; r >= 0 && tied.length > 1; r--) {
    const votes = history[r] ?? [];
    const fewest = Math.min(...tied.map((i) => votes[i] ?? 0));
    const fewer = tied.filter((i) => (votes[i] ?? 0) === fewest);
    if (fewer.length < tied.length && fewer.length === 1) byRound = r + 1;
    tied = fewer;
  }
  const out = Math.max(...tied);
  if (tiedNow.length === 1) return { out, tie: null };
  return { out, tie: { round, tied: tiedNow, out, byRound: tied.length === 1 ? byRound : null } };
}

/** Says how a tie for fewest was broken, naming the rule, so nobody has to guess. */
function tieSentence(options: readonly string[], tie: TieBreak): Phrase {
  const which = { round: tie.round, tied: titles(options, tie.tied), out: title(options, tie.out) };
  if (tie.byRound !== null) return says('tally.tieByRound', { ...which, byRound: tie.byRound });
  return says(tie.round > 1 ? 'tally.tieLaterEvery' : 'tally.tieLater', which);
}

function ranked(options: readonly string[], ballots: readonly (readonly number[])[]): Outcome {
  const standing = new Set(options.keys());
  const history: number[][] = [];
  const rounds: NonNullable<VoteResult['rounds']> = [];
  const ties: TieBreak[] = [];
  for (;;) {
    const votes = options.map(() => 0);
    let live = 0;
    for (const ranking of ballots) {
      const top = ranking.find((i) => standing.has(i));
      if (top === undefined) continue; // exhausted
      votes[top] = (votes[top] ?? 0) + 1;
      live += 1;
    }
    history.push(votes);
    const counts = countsOf(votes, standing);
    const winner = [...standing].find((i) => (votes[i] ?? 0) * 2 > live);
    const elimination = winner === undefined && live > 0 && standing.size > 1 ? toEliminate(standing, history) : null;
    rounds.push({ counts, eliminated: elimination?.out ?? null });
    if (elimination) {
      if (elimination.tie) ties.push(elimination.tie);
      standing.delete(elimination.out);
      continue;
    }
    const first = countsOf(history[0] ?? [], options.keys());
    if (winner === undefined) return { ...outcome(first, false, [says('tally.rankedNone')]), rounds };
    const won = votes[winner] ?? 0;
    const score = { option: title(options, winner), round: rounds.length, votes: won, live };
    const scored = { ...score, percent: percent(won, live, majority) };
    const gone = rounds.flatMap((r) => (r.eliminated === null ? [] : [r.eliminated]));
    const why =
      gone.length === 0
        ? says('tally.rankedWins', scored)
        : gone.length > 3
          ? says('tally.rankedWinsAfterMany', { ...scored, count: gone.length })
          : says(gone.length === 1 ? 'tally.rankedWinsAfterOne' : 'tally.rankedWinsAfterSome', {
              ...scored,
              eliminated: titles(options, gone),
            });
    const broken = ties.map((tie) => tieSentence(options, tie));
    return { ...outcome(first, true, [why, ...broken], winner), rounds };
  }
}
