import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gini } from './equity.ts';
import { orderQueue } from './sessionView.ts';

const hand = (participantId: string, kind: 'point_of_process' | 'direct_response' | 'new_point', at: number) => ({
  participantId,
  kind,
  raisedAt: new Date(at),
});

describe('the speaking queue order', () => {
  const hands = [
    hand('a', 'new_point', 1),
    hand('b', 'new_point', 2),
    hand('c', 'direct_response', 3),
    hand('d', 'point_of_process', 4),
  ];
  const totals = [
    { participantId: 'a', spokenMsThisSession: 60_000, turnsThisSession: 2 },
    { participantId: 'b', spokenMsThisSession: 0, turnsThisSession: 0 },
  ];

  it('puts points of process first and direct responses before new points, first come first served', () => {
    expect(orderQueue(hands, 'fifo', totals).map((h) => h.participantId)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('in equity mode lets whoever has spoken least go first within each kind', () => {
    expect(orderQueue(hands, 'equity', totals).map((h) => h.participantId)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('gini', () => {
  it('is 0 for an even floor and (n-1)/n when one voice had it all', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75);
    expect(gini([])).toBe(0);
  });

  it('matches the mean-absolute-difference definition on random inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 40 }), (values) => {
        const n = values.length;
        const mean = values.reduce((s, v) => s + v, 0) / n;
        let sum = 0;
        for (const x of values) for (const y of values) sum += Math.abs(x - y);
        const expected = mean === 0 ? 0 : sum / (2 * n * n * mean);
        expect(gini(values)).toBeCloseTo(expected, 9);
      }),
    );
  });
});
