import type { EquitySummary, GiniPoint } from '@moot/protocol';

/**
 * How evenly the floor is shared, as the console draws it: the server keeps the sitting's Gini
 * line (`EquitySummary.giniSeries`, from its stored turns, so a reload or another device draws the
 * same line); the console adds only "now".
 */

/** A smaller move than this adds no point (as on the server). */
const SMALLEST_MOVE = 0.005;

/**
 * The Gini line to draw at `serverNow`: the server's points, then the value now (`gini`, which
 * counts the turn under way) where it has moved from the last point. Nothing before anyone spoke.
 */
export function giniLine(equity: EquitySummary, serverNow: number): GiniPoint[] {
  if (equity.rows.length === 0) return [];
  const points = equity.giniSeries;
  const last = points.at(-1);
  if (last && Math.abs(last.gini - equity.gini) < SMALLEST_MOVE) return points;
  if (!last && equity.gini === 0 && equity.shareWhoSpoke === 0) return [];
  return [...points, { at: Math.max(serverNow, last?.at ?? serverNow), gini: equity.gini }];
}
