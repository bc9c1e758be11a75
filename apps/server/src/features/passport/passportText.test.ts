import { describe, expect, it } from 'vitest';
import type { DiffBlock } from '../../collab/documentDiff.ts';
import { cutIntoSentences, passportText, type ClientOrigin } from './passportText.ts';

const person = (key: string, amendment: number | null = null): ClientOrigin => ({
  key,
  author: { kind: 'person', name: key, role: 'member' },
  amendment,
});

describe("the passport's text", () => {
  it('cuts runs at sentence ends, so a run across two sentences is two', () => {
    const sentences = cutIntoSentences([
      { text: 'Leaders answer. They', author: 0, amendment: null },
      { text: ' publish 📔 diaries, e.g. weekly! Do they?', author: 1, amendment: 2 },
    ]);
    expect(sentences.map((s) => s.runs.map((r) => `${r.author}:${r.text}`))).toEqual([
      ['0:Leaders answer. '],
      ['0:They', '1: publish 📔 diaries, e.g. weekly! '],
      ['1:Do they?'],
    ]);
    expect(sentences.map((s) => [s.authors, s.amendments])).toEqual([
      [[0], []],
      [[0, 1], [2]],
      [[1], [2]],
    ]);
  });

  it('merges neighbouring runs of one person and one decision, whatever client ids wrote them, and counts characters', () => {
    const origins = new Map([
      [1, person('ada')],
      [2, person('ada')], // Ada on a second device
      [3, person('ben', 1)], // Ben's adopted amendment
      [4, person('ben')],
    ]);
    const blocks: DiffBlock[] = [
      {
        kind: 'paragraph',
        runs: [
          { text: 'Lead', change: 'kept', client: 1 },
          { text: 'ers 📔', change: 'kept', client: 2 },
          { text: ' answer', change: 'kept', client: 3 },
          { text: '.', change: 'kept', client: 4 },
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'gone', change: 'deleted', client: 4 }] },
    ];
    const text = passportText(blocks, (client) => origins.get(client)!);
    expect(text.authors.map((a) => [a.name, a.characters])).toEqual([
      ['ada', 'Leaders 📔'.length - 1],
      ['ben', ' answer.'.length],
    ]);
    expect(text.blocks).toHaveLength(1);
    expect(text.blocks[0]!.sentences[0]!.runs).toEqual([
      { text: 'Leaders 📔', author: 0, amendment: null },
      { text: ' answer', author: 1, amendment: 1 },
      { text: '.', author: 1, amendment: null },
    ]);
  });
});
