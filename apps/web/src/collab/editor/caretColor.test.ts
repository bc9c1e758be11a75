import { describe, expect, it } from 'vitest';
import { FALLBACK_CARET_COLOR, labelTextColor, luminance, safeColor, seatColor } from './caretColor.ts';

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('caret colours', () => {
  it('keeps only six-digit hex colours from the wire', () => {
    expect(safeColor('#A1b2C3')).toBe('#A1b2C3');
    expect(safeColor('red; background:url(x)')).toBe(FALLBACK_CARET_COLOR);
    expect(safeColor(undefined)).toBe(FALLBACK_CARET_COLOR);
  });

  it('picks the label text colour with the better contrast', () => {
    expect(labelTextColor('#ffff00')).toBe('#000000');
    expect(labelTextColor('#1f5fbf')).toBe('#ffffff');
    for (const color of ['#ffa500', '#00ff00', '#ff0000', '#0000ff', '#808080']) {
      expect(contrast(color, labelTextColor(color))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every seat a colour that passes AA with white text', () => {
    for (let seat = 0; seat < 16; seat += 1) {
      expect(contrast(seatColor(seat), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });
});
