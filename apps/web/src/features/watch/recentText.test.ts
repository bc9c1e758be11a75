import { describe, expect, it } from 'vitest';
import { baselineOf, insertedSince, keepSnapshots, type Segment } from './recentText.ts';

const recent = (segments: Segment[]) => segments.filter((s) => s.recent).map((s) => s.text);
const whole = (segments: Segment[]) => segments.map((s) => s.text).join('');

describe('words added since a snapshot', () => {
  it('marks nothing when nothing changed', () => {
    expect(insertedSince('Leaders tell the truth.', 'Leaders tell the truth.')).toEqual([
      { text: 'Leaders tell the truth.', recent: false },
    ]);
  });

  it('marks words typed at the end, in the middle and at the start, and keeps the text exact', () => {
    const before = 'Leaders tell the truth.';
    for (const [after, added] of [
      ['Leaders tell the truth. Always.', ['Always.']],
      ['Leaders always tell the truth.', ['always ']],
      ['Now Leaders tell the truth.', ['Now ']],
    ] as const) {
      const segments = insertedSince(before, after);
      expect(whole(segments)).toBe(after);
      expect(recent(segments).map((t) => t.trim())).toEqual(added.map((t) => t.trim()));
    }
  });

  it('shows no deleted words and marks a replaced word as new', () => {
    const segments = insertedSince('Leaders tell the truth.', 'Leaders tell the whole story.');
    expect(whole(segments)).toBe('Leaders tell the whole story.');
    expect(recent(segments).join('')).toMatch(/whole story\./);
    expect(recent(insertedSince('one two three', 'one three'))).toEqual([]);
  });

  it('marks everything in a first text, and keeps paragraph breaks', () => {
    expect(insertedSince('', 'First words')).toEqual([{ text: 'First words', recent: true }]);
    const segments = insertedSince('One.\nTwo.', 'One.\nTwo.\nThree.');
    expect(whole(segments)).toBe('One.\nTwo.\nThree.');
    expect(recent(segments).join('').trim()).toBe('Three.');
  });
});

describe('the snapshots behind the highlight', () => {
  it('compares with the text as it was a window ago, and forgets what is older', () => {
    let snaps = keepSnapshots([], 'a', 0, 30_000);
    snaps = keepSnapshots(snaps, 'a b', 10_000, 30_000);
    snaps = keepSnapshots(snaps, 'a b c', 20_000, 30_000);
    expect(baselineOf(snaps, 25_000, 30_000)).toBe('a'); // nothing is 30 s old yet: the first
    expect(baselineOf(snaps, 41_000, 30_000)).toBe('a b'); // at 41 s, the text of 10 s
    snaps = keepSnapshots(snaps, 'a b c', 55_000, 30_000);
    expect(snaps.map((s) => s.text)).toEqual(['a b c']); // the text of 25 s ago, and nothing older
    expect(baselineOf(snaps, 60_000, 30_000)).toBe('a b c'); // nothing changed in the last 30 s
  });

  it('adds no snapshot when the text did not change', () => {
    const snaps = keepSnapshots(keepSnapshots([], 'same', 0, 30_000), 'same', 1000, 30_000);
    expect(snaps).toHaveLength(1);
  });
});
