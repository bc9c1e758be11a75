import { describe, expect, it } from 'vitest';
import { addGiniSample, gini, MAX_GINI_SAMPLES } from './equity.ts';

describe('gini', () => {
  it('is 0 when everyone spoke as long, and for nobody or nothing spoken', () => {
    expect(gini([60_000, 60_000, 60_000])).toBe(0);
    expect(gini([])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('is (n−1)/n when one member spoke alone', () => {
    expect(gini([0, 0, 0, 120_000])).toBeCloseTo(0.75, 12);
    expect(gini([5, 0])).toBeCloseTo(0.5, 12);
  });

  it('matches the mean absolute difference over twice the mean, in any order', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    let diff = 0;
    for (const a of values) for (const b of values) diff += Math.abs(a - b);
    expect(gini(values)).toBeCloseTo(diff / (2 * n * n * mean), 12);
    expect(gini([...values].reverse())).toBeCloseTo(gini(values), 12);
  });

  it('does not change when every time is scaled (seconds or milliseconds)', () => {
    expect(gini([1, 2, 3])).toBeCloseTo(gini([1000, 2000, 3000]), 12);
  });
});

describe('the Gini line over the sitting', () => {
  it('adds a point only when the value moved', () => {
    let series = addGiniSample([], { at: 0, gini: 0 });
    series = addGiniSample(series, { at: 1000, gini: 0.001 });
    expect(series).toHaveLength(1);
    series = addGiniSample(series, { at: 2000, gini: 0.4 });
    expect(series.map((s) => s.gini)).toEqual([0, 0.4]);
  });

  it('keeps at most the last MAX_GINI_SAMPLES points', () => {
    let series = addGiniSample([], { at: 0, gini: 0 });
    for (let i = 1; i <= MAX_GINI_SAMPLES + 10; i += 1) series = addGiniSample(series, { at: i, gini: i % 2 });
    expect(series).toHaveLength(MAX_GINI_SAMPLES);
    expect(series.at(-1)!.at).toBe(MAX_GINI_SAMPLES + 10);
  });
});
