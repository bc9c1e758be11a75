import { describe, expect, it } from 'vitest';
import { joinNames, summarise } from './authorship.ts';

describe('the text equivalent of authorship colours', () => {
  it('names each paragraph’s authors once, by what they did', () => {
    const summary = summarise([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Leaders ', change: 'kept', author: 0 },
          { text: 'always ', change: 'inserted', author: 1 },
          { text: 'never ', change: 'deleted', author: 0 },
          { text: 'answer.', change: 'kept', author: 0 },
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'Gone.', change: 'deleted', author: 2 }] },
    ]);
    expect(summary).toEqual([
      { number: 1, written: [0, 1], inserted: [1], deleted: [0] },
      { number: 2, written: [], inserted: [], deleted: [2] },
    ]);
  });

  it('joins names as a sentence', () => {
    expect(joinNames(['Ada'], ' and ', ', ')).toBe('Ada');
    expect(joinNames(['Ada', 'Member 3'], ' and ', ', ')).toBe('Ada and Member 3');
    expect(joinNames(['Ada', 'Ben', 'Aled (moderator)'], ' and ', ', ')).toBe('Ada, Ben and Aled (moderator)');
  });
});
