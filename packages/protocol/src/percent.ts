import type { Threshold } from './votes.ts';

/** Whether `part` of `whole` reaches a bar (more than half, two thirds, a share). */
export type Bar = (part: number, whole: number) => boolean;

/** Strictly more than half (exactly half does not pass). */
export const majority: Bar = (part, whole) => part * 2 > whole;

/** At least `share`, read as the exact fraction of its shortest decimal form: 0.6 → 6/10. */
export function shareBar(share: number): Bar {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(share));
  if (!m || !(share > 0)) throw new RangeError(`Not a share: ${share}`);
  const scale = (m[2]?.length ?? 0) - Number(m[3] ?? 0);
  const digits = BigInt((m[1] ?? '') + (m[2] ?? ''));
  const [num, den] = scale >= 0 ? [digits, 10n ** BigInt(scale)] : [digits * 10n ** BigInt(-scale), 1n];
  return (part, whole) => BigInt(part) * den >= num * BigInt(whole);
}

/** The bar a yes/no vote's yes count must reach. */
export function thresholdBar(threshold: Threshold): Bar {
  if (threshold.kind === 'simple') return majority;
  if (threshold.kind === 'two_thirds') return (part, whole) => part * 3 >= whole * 2;
  return shareBar(threshold.share);
}

/**
 * `part` of `whole` in percent to one decimal — the one rounding every screen and sentence
 * uses, so a result never shows two numbers for one share. Rounded to the nearest tenth (2 of 3
 * is 66.7), but never across `bar` when one is given: a share that fails two thirds never shows
 * 66.7 (6666 of 10000 is 66.6), and one that passes "more than half" never shows 50.
 */
export function percentOf(part: number, whole: number, bar?: Bar): number {
  if (whole <= 0) return 0;
  const exact = (part * 1000) / whole;
  let tenths = Math.round(exact);
  if (bar) {
    const passed = bar(part, whole);
    if (bar(tenths, 1000) !== passed) tenths = passed ? Math.ceil(exact) : Math.floor(exact);
  }
  return tenths / 10;
}
