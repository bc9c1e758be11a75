import { CONSENT_CHOICES, percentOf, thresholdBar, YES_NO_CHOICES } from '@moot/protocol';
import type { BallotChoice, ConsentChoice, Phrase, VoteRules, VoteView, YesNoChoice } from '@moot/protocol';

/** What one counted line of a vote is about: a fixed choice (yes, agree…) or one of its options. */
export type ChoiceLabel =
  | { kind: 'yes_no'; choice: YesNoChoice }
  | { kind: 'consent'; choice: ConsentChoice }
  | { kind: 'option'; index: number; text: string };

export interface ResultRow {
  /** The key of `counts` (a choice, or an option's index). */
  key: string;
  label: ChoiceLabel;
  count: number;
  /** Share of the ballots, in percent to one decimal, rounded as the server's sentence is (percentOf). */
  percent: number;
  /** Approval only: a ranked winner is marked in the rounds, never among first preferences. */
  winner: boolean;
}

/** Open votes first (newest first), then closed ones, most recently closed first. */
export function votesInOrder(votes: readonly VoteView[]): VoteView[] {
  return [...votes].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    return a.status === 'open' ? b.openedAt - a.openedAt : (b.closedAt ?? 0) - (a.closedAt ?? 0);
  });
}

/** The lines a vote is counted in, in the order a ballot offers them. */
export function choicesOf(rules: VoteRules): ChoiceLabel[] {
  switch (rules.method) {
    case 'yes_no':
      return YES_NO_CHOICES.map((choice) => ({ kind: 'yes_no', choice }));
    case 'consent':
      return CONSENT_CHOICES.map((choice) => ({ kind: 'consent', choice }));
    case 'approval':
    case 'ranked':
      return rules.options.map((text, index) => ({ kind: 'option', index, text }));
    case 'support':
      return []; // Counted per recommendation: finalBallot/view.ts.
  }
}

const keyOf = (label: ChoiceLabel): string => (label.kind === 'option' ? String(label.index) : label.choice);

/** A configured share (0.667) as the percentage it was typed as (66.7). */
export function sharePercent(share: number): number {
  return Math.round(share * 1000) / 10;
}

/** A closed vote's counts as rows (approval: approvals per option; ranked: first preferences). */
export function resultRows(vote: VoteView): ResultRow[] {
  const result = vote.result;
  if (!result) return [];
  const rules = vote.rules;
  // Yes against the vote's bar, as the sentence measures it, when both count the same ballots.
  const yesBar =
    rules.method === 'yes_no' && (rules.abstentionsCount || !result.counts.abstain)
      ? thresholdBar(rules.threshold)
      : undefined;
  return choicesOf(rules).map((label) => {
    const key = keyOf(label);
    const count = result.counts[key] ?? 0;
    return {
      key,
      label,
      count,
      percent: percentOf(count, result.ballots, key === 'yes' ? yesBar : undefined),
      // First preferences may all be tied: the instant-runoff winner is shown in its rounds.
      winner: rules.method === 'approval' && label.kind === 'option' && result.winner === label.index,
    };
  });
}

export interface RoundsTable {
  /** One row per option: its count in each round, null once it is out. */
  rows: { label: ChoiceLabel; counts: (number | null)[]; eliminatedInRound: number | null; winner: boolean }[];
  rounds: number;
}

/** A ranked vote's instant-runoff rounds, as a table of options × rounds. Null for other methods. */
export function roundsTable(vote: VoteView): RoundsTable | null {
  const rounds = vote.result?.rounds;
  if (vote.rules.method !== 'ranked' || !rounds || rounds.length === 0) return null;
  const rows = choicesOf(vote.rules).map((label) => {
    const key = keyOf(label);
    const eliminated = rounds.findIndex((round) => round.eliminated === Number(key));
    return {
      label,
      counts: rounds.map((round) => round.counts[key] ?? null),
      eliminatedInRound: eliminated < 0 ? null : eliminated + 1,
      winner: vote.result?.winner === Number(key),
    };
  });
  return { rows, rounds: rounds.length };
}

/** Whether a ballot with this receipt is in the published list (null while the vote is open). */
export function receiptPublished(vote: VoteView, receipt: string): boolean | null {
  if (!vote.ballots) return null;
  const wanted = receipt.trim();
  return vote.ballots.some((ballot) => ballot.receipt === wanted);
}

/** A ballot's content as the lines it chose, in its own order (ranked: most preferred first). */
export function chosenLabels(rules: VoteRules, choice: BallotChoice): ChoiceLabel[] {
  const all = choicesOf(rules);
  switch (choice.method) {
    case 'yes_no':
      return [{ kind: 'yes_no', choice: choice.choice }];
    case 'consent':
      return [{ kind: 'consent', choice: choice.choice }];
    case 'approval':
      return choice.approved.flatMap((i) => all[i] ?? []);
    case 'ranked':
      return choice.ranking.flatMap((i) => all[i] ?? []);
    case 'support':
      return [];
  }
}

/** The question and explanation carry their codes too (`questionPhrase`, `because`), for the reader's language. */
type Asked = { question: string; questionPhrase?: Phrase | null };
export type VoteChange =
  ({ type: 'opened' } & Asked) | ({ type: 'closed'; explanation: string; because?: Phrase[] | null } & Asked);

/**
 * What to announce between two lists of votes: a vote that appeared open, and a vote that closed.
 * Nothing for the first list (`previous` undefined), so connecting reads nothing out.
 */
export function voteChanges(previous: readonly VoteView[] | undefined, next: readonly VoteView[]): VoteChange[] {
  if (previous === undefined) return [];
  const before = new Map(previous.map((vote) => [vote.id, vote]));
  const changes: VoteChange[] = [];
  for (const vote of next) {
    const was = before.get(vote.id);
    const asked = { question: vote.question, questionPhrase: vote.questionPhrase };
    if (!was && vote.status === 'open') changes.push({ type: 'opened', ...asked });
    else if (vote.status === 'closed' && was?.status !== 'closed')
      changes.push({
        type: 'closed',
        ...asked,
        explanation: vote.result?.explanation ?? '',
        because: vote.result?.because,
      });
  }
  return changes;
}

/**
 * The result's one-word headline, in the vote's own terms: a standard or amendment is adopted
 * or not, a free question carried or not, an option vote (approval, ranked — the consequence
 * vote too) chooses an option or none. "Passed" fits none of the last.
 */
export type Verdict =
  | { kind: 'no_quorum' | 'adopted' | 'not_adopted' | 'carried' | 'not_carried' | 'no_winner' }
  | { kind: 'chosen'; label: ChoiceLabel };

export function verdictOf(vote: VoteView): Verdict | null {
  const result = vote.result;
  if (!result) return null;
  if (!result.quorumMet) return { kind: 'no_quorum' };
  if (vote.rules.method === 'approval' || vote.rules.method === 'ranked') {
    const label = result.winner === null ? undefined : choicesOf(vote.rules)[result.winner];
    return label ? { kind: 'chosen', label } : { kind: 'no_winner' };
  }
  if (vote.subject === 'adopt_standard' || vote.subject === 'amendment')
    return { kind: result.passed ? 'adopted' : 'not_adopted' };
  return { kind: result.passed ? 'carried' : 'not_carried' };
}
