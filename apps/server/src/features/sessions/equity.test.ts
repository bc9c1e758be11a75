import { describe, expect, it } from 'vitest';
import { gini, giniSeries, MAX_GINI_POINTS, type FinishedTurn } from './equity.ts';

const turn = (participantId: string, endedAt: number, spokenMs: number): FinishedTurn => ({
  participantId,
  endedAt,
  spokenMs,
});

describe('the Gini line over the sitting', () => {
  it('takes the Gini of the time spoken so far after each finished turn, in the order turns ended', () => {
    const turns = [turn('b', 2_000, 60_000), turn('a', 1_000, 60_000), turn('c', 3_000, 60_000)];
    expect(giniSeries(turns, ['a', 'b', 'c'])).toEqual([
      { at: 1_000, gini: gini([60_000, 0, 0]) },
      { at: 2_000, gini: gini([60_000, 60_000, 0]) },
      { at: 3_000, gini: 0 },
    ]);
  });

  it('counts only the members given (checked in now), the others’ turns left out, silent members in', () => {
    const turns = [turn('gone', 500, 90_000), turn('a', 1_000, 30_000)];
    expect(giniSeries(turns, ['a', 'b'])).toEqual([{ at: 1_000, gini: 0.5 }]);
    expect(giniSeries(turns, [])).toEqual([]);
  });

  it('adds a point only where the value moved (a second more among many changes nothing)', () => {
    const turns = [turn('a', 1_000, 60_000), turn('b', 2_000, 60_000), turn('a', 3_000, 1), turn('b', 4_000, 1)];
    const series = giniSeries(turns, ['a', 'b']);
    expect(series.map((p) => p.at)).toEqual([1_000, 2_000]);
    expect(series.at(-1)!.gini).toBe(0);
  });

  it('keeps the newest MAX_GINI_POINTS points of a very long sitting', () => {
    // a and b take turns, each as long as what the other has so far: 0.5, 0, 1/6, 0, 1/6, 0, …
    const turns = Array.from({ length: MAX_GINI_POINTS + 20 }, (_, i) =>
      turn(i % 2 ? 'b' : 'a', i, 2 ** Math.floor(i / 2)),
    );
    const series = giniSeries(turns, ['a', 'b']);
    expect(series).toHaveLength(MAX_GINI_POINTS);
    expect(series.at(-1)!.at).toBe(MAX_GINI_POINTS + 19);
  });
});
