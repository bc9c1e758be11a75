import { describe, expect, it } from 'vitest';
import { ballotLinesOf } from './paperBallots.ts';

describe('ballotLinesOf', () => {
  it('sends each filled line with its picks in order, leaving out lines with no count', () => {
    expect(
      ballotLinesOf([
        { picks: [2, 0], count: '3' },
        { picks: [1], count: '' },
        { picks: [], count: '1' },
        { picks: [0], count: '0' },
      ]),
    ).toEqual([
      { options: [2, 0], count: 3 },
      { options: [], count: 1 },
    ]);
  });
});
