import type { VoteResult, VoteRules, VoteView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import {
  chosenLabels,
  receiptPublished,
  resultRows,
  roundsTable,
  sharePercent,
  voteChanges,
  verdictOf,
  votesInOrder,
} from './view.ts';

const yesNo: VoteRules = { method: 'yes_no', threshold: { kind: 'two_thirds' }, abstentionsCount: false };
const ranked: VoteRules = { method: 'ranked', options: ['Advice', 'Apology', 'Warning'] };
const approvalRules: VoteRules = { method: 'approval', options: ['Advice', 'Apology'] };

function vote(id: string, rules: VoteRules, change: Partial<VoteView> = {}): VoteView {
  return {
    id,
    subject: 'question',
    standardId: null,
    question: `Question ${id}?`,
    rules,
    status: 'open',
    openedAt: 1,
    closedAt: null,
    turnout: 0,
    eligible: 5,
    quorumNeeded: 3,
    result: null,
    ballots: null,
    paper: null,
    ...change,
  };
}

const closed = (v: VoteView, result: Partial<VoteResult>, closedAt = 10): VoteView => ({
  ...v,
  status: 'closed',
  closedAt,
  result: {
    ballots: 3,
    eligible: 5,
    quorumNeeded: 3,
    quorumMet: true,
    passed: true,
    winner: null,
    counts: {},
    explanation: 'Passed',
    ...result,
  },
  ballots: [],
});

describe('sharePercent', () => {
  it('shows a configured share as the percentage typed, without float noise', () => {
    expect(sharePercent(0.57)).toBe(57);
    expect(sharePercent(0.667)).toBe(66.7);
    expect(sharePercent(1)).toBe(100);
  });
});

describe('resultRows', () => {
  it('lists every yes/no choice with counts and shares of the ballots', () => {
    const v = closed(vote('a', yesNo), { ballots: 3, counts: { yes: 2, no: 0, abstain: 1 } });
    expect(resultRows(v).map((r) => [r.key, r.count, r.percent])).toEqual([
      ['yes', 2, 66.7],
      ['no', 0, 0],
      ['abstain', 1, 33.3],
    ]);
    expect(resultRows(vote('open', yesNo))).toEqual([]);
  });

  it('names options and marks the winner (ranked: first preferences)', () => {
    const v = closed(vote('r', ranked), { ballots: 4, winner: 2, counts: { '0': 1, '1': 1, '2': 2 } });
    const rows = resultRows(v);
    expect(rows.map((r) => r.label)).toEqual([
      { kind: 'option', index: 0, text: 'Advice' },
      { kind: 'option', index: 1, text: 'Apology' },
      { kind: 'option', index: 2, text: 'Warning' },
    ]);
    // First preferences are not where a ranked vote is won: the rounds table marks it.
    expect(rows.filter((r) => r.winner)).toEqual([]);
    const approval = closed(vote('a', approvalRules), { ballots: 4, winner: 1, counts: { '0': 1, '1': 3 } });
    expect(
      resultRows(approval)
        .filter((r) => r.winner)
        .map((r) => r.key),
    ).toEqual(['1']);
  });

  it('shows the share the sentence shows: 2 of 3 is 66.7 in both, and never across the bar', () => {
    const twoOfThree = closed(vote('y', yesNo), { ballots: 3, counts: { yes: 2, no: 1, abstain: 0 } });
    expect(resultRows(twoOfThree).find((r) => r.key === 'yes')?.percent).toBe(66.7);
    const short = {
      ...closed(vote('t', yesNo), { ballots: 10000, counts: { yes: 6666, no: 3334, abstain: 0 } }),
      rules: { ...yesNo, threshold: { kind: 'two_thirds' as const } },
    };
    expect(resultRows(short).find((r) => r.key === 'yes')?.percent).toBe(66.6);
  });

  it('badges no winner in an all-tied first-preferences round', () => {
    const tied = closed(vote('r', ranked), {
      ballots: 3,
      winner: 0,
      counts: { '0': 1, '1': 1, '2': 1 },
      rounds: [
        { counts: { '0': 1, '1': 1, '2': 1 }, eliminated: 2 },
        { counts: { '0': 2, '1': 1 }, eliminated: null },
      ],
    });
    expect(resultRows(tied).some((r) => r.winner)).toBe(false);
    expect(roundsTable(tied)?.rows.map((r) => r.winner)).toEqual([true, false, false]);
  });
});

describe('roundsTable', () => {
  it('shows each option per round, out after its elimination', () => {
    const v = closed(vote('r', ranked), {
      ballots: 5,
      winner: 0,
      counts: { '0': 2, '1': 2, '2': 1 },
      rounds: [
        { counts: { '0': 2, '1': 2, '2': 1 }, eliminated: 2 },
        { counts: { '0': 3, '1': 2 }, eliminated: null },
      ],
    });
    expect(roundsTable(v)).toEqual({
      rounds: 2,
      rows: [
        { label: { kind: 'option', index: 0, text: 'Advice' }, counts: [2, 3], eliminatedInRound: null, winner: true },
        {
          label: { kind: 'option', index: 1, text: 'Apology' },
          counts: [2, 2],
          eliminatedInRound: null,
          winner: false,
        },
        {
          label: { kind: 'option', index: 2, text: 'Warning' },
          counts: [1, null],
          eliminatedInRound: 1,
          winner: false,
        },
      ],
    });
    expect(roundsTable(closed(vote('y', yesNo), {}))).toBeNull();
    expect(roundsTable(closed(vote('r2', ranked), { rounds: [] }))).toBeNull();
  });
});

describe('receiptPublished', () => {
  it('finds a receipt in the published ballots, and says nothing while open', () => {
    const v = {
      ...closed(vote('a', yesNo), {}),
      ballots: [{ receipt: 'K7-QX', choice: { method: 'yes_no' as const, choice: 'yes' as const }, reason: null }],
    };
    expect(receiptPublished(v, ' K7-QX ')).toBe(true);
    expect(receiptPublished(v, 'nope')).toBe(false);
    expect(receiptPublished(vote('b', yesNo), 'K7-QX')).toBeNull();
  });
});

describe('chosenLabels', () => {
  it('reads a ballot back in its own order', () => {
    expect(
      chosenLabels(ranked, { method: 'ranked', ranking: [2, 0] }).map((l) => l.kind === 'option' && l.text),
    ).toEqual(['Warning', 'Advice']);
    expect(chosenLabels(yesNo, { method: 'yes_no', choice: 'abstain' })).toEqual([
      { kind: 'yes_no', choice: 'abstain' },
    ]);
  });
});

describe('votesInOrder', () => {
  it('puts open votes first, newest first, then the most recently closed', () => {
    const list = [
      closed(vote('old', yesNo), {}, 5),
      vote('open1', yesNo, { openedAt: 1 }),
      closed(vote('recent', yesNo), {}, 9),
      vote('open2', yesNo, { openedAt: 2 }),
    ];
    expect(votesInOrder(list).map((v) => v.id)).toEqual(['open2', 'open1', 'recent', 'old']);
  });
});

describe('voteChanges', () => {
  it('announces nothing on the first list, then openings and closings once each', () => {
    const a = vote('a', yesNo);
    expect(voteChanges(undefined, [a])).toEqual([]);
    const b = vote('b', ranked);
    expect(voteChanges([a], [a, b])).toEqual([{ type: 'opened', question: 'Question b?' }]);
    const aClosed = closed(a, { explanation: 'Passed: 2 of 3' });
    expect(voteChanges([a, b], [aClosed, b])).toEqual([
      { type: 'closed', question: 'Question a?', explanation: 'Passed: 2 of 3' },
    ]);
    expect(voteChanges([aClosed, b], [aClosed, { ...b, turnout: 2 }])).toEqual([]);
  });
});

describe('verdictOf', () => {
  it('says what the vote decided in its own terms, never "passed" for a question or an option vote', () => {
    expect(verdictOf(closed(vote('q', yesNo), { passed: true }))).toEqual({ kind: 'carried' });
    expect(verdictOf(closed(vote('q', yesNo), { passed: false }))).toEqual({ kind: 'not_carried' });
    expect(verdictOf(closed(vote('a', yesNo, { subject: 'adopt_standard' }), { passed: true }))).toEqual({
      kind: 'adopted',
    });
    expect(verdictOf(closed(vote('c', ranked, { subject: 'consequence' }), { passed: true, winner: 1 }))).toEqual({
      kind: 'chosen',
      label: { kind: 'option', index: 1, text: 'Apology' },
    });
    expect(verdictOf(closed(vote('t', approvalRules), { passed: false, winner: null }))).toEqual({
      kind: 'no_winner',
    });
    expect(verdictOf(closed(vote('n', yesNo), { quorumMet: false, passed: false }))).toEqual({ kind: 'no_quorum' });
    expect(verdictOf(vote('open', yesNo))).toBeNull();
  });
});
