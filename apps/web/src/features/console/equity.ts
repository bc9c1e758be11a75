/**
 * How evenly the floor is shared, computed in the console from the speaking times the server
 * sends (`EquitySummary.rows`).
 */

/**
 * The Gini coefficient of a list of non-negative amounts (speaking time per member): 0 when
 * everyone has the same, (n−1)/n when one person has it all, 0 for an empty or all-zero list.
 * The mean absolute difference over twice the mean, computed on the sorted list in O(n log n).
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0);
  if (n === 0 || total === 0) return 0;
  const sorted = values.map((v) => Math.max(0, v)).sort((a, b) => a - b);
  const weighted = sorted.reduce((sum, v, i) => sum + (i + 1) * v, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export interface GiniSample {
  /** Server time (ms) of the state the value was computed from. */
  at: number;
  gini: number;
}

/** Samples kept for the sitting's Gini line: enough for a long day at one change a minute. */
export const MAX_GINI_SAMPLES = 600;

/**
 * The sitting's Gini over time: a new sample when the value moved (by at least 0.005, so a
 * speaking turn that only grows by a second does not add a point), the oldest dropped past the cap.
 */
export function addGiniSample(series: readonly GiniSample[], sample: GiniSample): GiniSample[] {
  const last = series.at(-1);
  if (last && Math.abs(last.gini - sample.gini) < 0.005) return series as GiniSample[];
  const next = [...series, sample];
  return next.length > MAX_GINI_SAMPLES ? next.slice(next.length - MAX_GINI_SAMPLES) : next;
}
