import { describe, expect, it } from 'vitest';
import type { PassportBlock } from '@moot/protocol';
import { paragraphSummaries, sentenceText, wordsOf } from './passportWords.ts';

const blocks: PassportBlock[] = [
  {
    kind: 'paragraph',
    sentences: [
      {
        runs: [
          { text: 'Leaders answer', author: 0, amendment: null },
          { text: ' every', author: 1, amendment: null },
          { text: ' question. ', author: 0, amendment: null },
        ],
        authors: [0, 1],
        amendments: [],
      },
      { runs: [{ text: 'Daily.', author: 2, amendment: 1 }], authors: [2], amendments: [1] },
    ],
  },
];

describe('the passport in words', () => {
  it('reads a sentence whole, and its words by writer without the blanks between sentences', () => {
    expect(sentenceText(blocks[0]!.sentences[0]!)).toBe('Leaders answer every question. ');
    expect(wordsOf(blocks[0]!.sentences[0]!).map((r) => r.text)).toEqual(['Leaders answer', 'every', 'question.']);
  });

  it('sums a paragraph up by its writers and amendments, each once, in reading order', () => {
    expect(paragraphSummaries(blocks)).toEqual([{ authors: [0, 1, 2], amendments: [1] }]);
  });
});
