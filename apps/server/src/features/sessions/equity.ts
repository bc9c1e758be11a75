import type { GiniPoint } from '@moot/protocol';

/** Gini coefficient: 0 when everyone spoke equally long, approaching 1 when one person spoke alone. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((sum, v) => sum + v, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((sum, v, i) => sum + (i + 1) * v, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** One finished turn of the sitting: who spoke, when it ended (server clock, ms), how long. */
export interface FinishedTurn {
  participantId: string;
  endedAt: number;
  spokenMs: number;
}

/** Points kept for the sitting's Gini line: enough for a long day at one turn a minute. */
export const MAX_GINI_POINTS = 600;
/** A smaller move than this adds no point (a turn of a second among many changes nothing you could see). */
const SMALLEST_MOVE = 0.005;

/**
 * The Gini over the sitting, from its finished turns (in the order they ended): after each, the
 * Gini of the time spoken so far by each of `counted` (the members checked in now, as the
 * summary's own figure counts them; turns by others are left out). A point only where the value
 * moved, the oldest dropped past the cap. Derived from stored turns, it is the same on every node,
 * after a reload, and on any device.
 */
export function giniSeries(turns: readonly FinishedTurn[], counted: readonly string[]): GiniPoint[] {
  const spoken = new Map(counted.map((id) => [id, 0]));
  const points: GiniPoint[] = [];
  for (const turn of [...turns].sort((a, b) => a.endedAt - b.endedAt)) {
    const before = spoken.get(turn.participantId);
    if (before === undefined) continue;
    spoken.set(turn.participantId, before + turn.spokenMs);
    const value = gini([...spoken.values()]);
    const last = points.at(-1);
    if (last && Math.abs(last.gini - value) < SMALLEST_MOVE) continue;
    points.push({ at: turn.endedAt, gini: value });
  }
  return points.length > MAX_GINI_POINTS ? points.slice(points.length - MAX_GINI_POINTS) : points;
}
