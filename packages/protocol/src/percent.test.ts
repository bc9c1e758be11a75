import { describe, expect, it } from 'vitest';
import { majority, percentOf, thresholdBar } from './percent.ts';

describe('percentOf: one rounding for the sentence and the table', () => {
  it('rounds to the nearest tenth', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(1, 2)).toBe(50);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('never rounds across the bar it is measured against', () => {
    const twoThirds = thresholdBar({ kind: 'two_thirds' });
    expect(percentOf(2, 3, twoThirds)).toBe(66.7);
    expect(percentOf(6666, 10000, twoThirds)).toBe(66.6);
    expect(percentOf(1001, 2001, majority)).toBe(50.1);
    expect(percentOf(1000, 2001, majority)).toBe(50);
  });
});
