import type { VoteRules, VoteView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { largestFit, lastClosedVote, newestOpenVote, resultBars } from './view.ts';

const YES_NO: VoteRules = { method: 'yes_no', threshold: { kind: 'two_thirds' }, abstentionsCount: false };

function vote(id: string, change: Partial<VoteView> = {}): VoteView {
  return {
    id,
    subject: 'question',
    standardId: null,
    question: `Question ${id}?`,
    rules: YES_NO,
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

const closed = (id: string, closedAt: number, counts: Record<string, number>): VoteView =>
  vote(id, {
    status: 'closed',
    closedAt,
    result: {
      ballots: Object.values(counts).reduce((a, b) => a + b, 0),
      eligible: 5,
      quorumNeeded: 3,
      quorumMet: true,
      counts,
      passed: true,
      winner: null,
      rounds: null,
      explanation: 'Passed.',
    } as unknown as VoteView['result'],
  });

describe('the vote present mode shows', () => {
  it('is the one closed last, whatever order the votes come in; open votes never count', () => {
    const votes = [
      closed('a', 30, { yes: 1 }),
      vote('open', { openedAt: 50 }),
      closed('b', 40, { yes: 2 }),
      closed('c', 10, {}),
    ];
    expect(lastClosedVote(votes)?.id).toBe('b');
    expect(lastClosedVote([vote('x')])).toBeNull();
    expect(lastClosedVote(undefined)).toBeNull();
  });

  it('names the newest open vote for the turnout line', () => {
    expect(newestOpenVote([vote('a', { openedAt: 5 }), vote('b', { openedAt: 9 }), closed('c', 20, {})])?.id).toBe('b');
    expect(newestOpenVote([closed('c', 20, {})])).toBeNull();
  });
});

describe('the result chart', () => {
  it('scales bars to the largest count, so the winner fills the width', () => {
    const bars = resultBars(closed('a', 1, { yes: 3, no: 1, abstain: 0 }));
    expect(bars.map((b) => [b.key, b.count, b.length])).toEqual([
      ['yes', 3, 1],
      ['no', 1, 1 / 3],
      ['abstain', 0, 0],
    ]);
  });

  it('draws empty bars when nobody voted (no division by zero)', () => {
    expect(resultBars(closed('a', 1, {})).every((b) => b.length === 0)).toBe(true);
  });
});

describe('fitting the type to the screen', () => {
  it('finds the largest scale that fits, within a step', () => {
    const scale = largestFit((s) => s * 700 <= 800, 0.5, 3);
    expect(scale).toBeLessThanOrEqual(800 / 700);
    expect(scale).toBeGreaterThan(800 / 700 - 0.02);
  });

  it('takes the largest when everything fits, and the smallest when nothing does', () => {
    expect(largestFit(() => true, 0.5, 3)).toBe(3);
    expect(largestFit(() => false, 0.5, 3)).toBe(0.5);
  });
});
