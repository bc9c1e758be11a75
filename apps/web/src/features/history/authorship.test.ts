import { describe, expect, it } from 'vitest';
import type { HistoryAuthor, HistoryPointView } from '@moot/protocol';
import { colourOf, joinNames, pickablePoints, summarise } from './authorship.ts';

describe('the text equivalent of authorship colours', () => {
  it('names each paragraph’s authors once, by what they did', () => {
    const summary = summarise([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Leaders ', change: 'kept', author: 0 },
          { text: 'always ', change: 'inserted', author: 1 },
          { text: 'never ', change: 'deleted', author: 0, deletedBy: 2 },
          { text: 'answer.', change: 'kept', author: 0 },
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'Gone.', change: 'deleted', author: 2 }] },
    ]);
    expect(summary).toEqual([
      { number: 1, written: [0, 1], inserted: [1], deleted: [0], deletedBy: [2] },
      { number: 2, written: [], inserted: [], deleted: [2], deletedBy: [] },
    ]);
  });

  it('colours deleted text by who deleted it, when known, and other text by who wrote it', () => {
    expect(colourOf({ text: 'gone', change: 'deleted', author: 0, deletedBy: 3 })).toBe(3);
    expect(colourOf({ text: 'gone', change: 'deleted', author: 0 })).toBe(0);
    expect(colourOf({ text: 'new', change: 'inserted', author: 1 })).toBe(1);
    expect(colourOf({ text: 'kept', change: 'kept', author: 2, deletedBy: 3 })).toBe(2);
  });

  it('offers each logged edit as a point between the saved ones, named by its sender, now last', () => {
    const saved: HistoryPointView = { id: 'a', kind: 'saved', label: null, at: '2026-12-07T10:00:00.000Z' };
    const locked: HistoryPointView = { id: 'b', kind: 'locked', label: null, at: '2026-12-07T10:05:00.000Z' };
    const now: HistoryPointView = { id: 'now', kind: 'now', label: null, at: '2026-12-07T11:00:00.000Z' };
    const person = (name: string): HistoryAuthor => ({ kind: 'person', name, role: 'member', color: '#000' });
    const points = pickablePoints(
      [saved, locked, now],
      [
        { at: '2026-12-07T10:07:00.001Z', author: person('Cai') },
        { at: '2026-12-07T10:02:30.250Z', author: person('Ada') },
        { at: locked.at, author: person('Ben') },
      ],
      (a) => a.name ?? '?',
    );
    expect(points.map((p) => [p.kind, p.id, p.label])).toEqual([
      ['saved', 'a', null],
      ['moment', '2026-12-07T10:02:30.250Z', 'Ada'],
      ['locked', 'b', null],
      ['moment', '2026-12-07T10:07:00.001Z', 'Cai'],
      ['now', 'now', null],
    ]);
  });

  it('joins names as a sentence', () => {
    expect(joinNames(['Ada'], ' and ', ', ')).toBe('Ada');
    expect(joinNames(['Ada', 'Member 3'], ' and ', ', ')).toBe('Ada and Member 3');
    expect(joinNames(['Ada', 'Ben', 'Aled (moderator)'], ' and ', ', ')).toBe('Ada, Ben and Aled (moderator)');
  });
});
