import type { VoteView } from '@moot/protocol';
import { resultRows, type ResultRow } from '../votes/view.ts';

/** The vote whose result the room sees: the one closed last (an open vote shows its turnout instead). */
export function lastClosedVote(votes: readonly VoteView[] | undefined): VoteView | null {
  let last: VoteView | null = null;
  for (const vote of votes ?? [])
    if (vote.status === 'closed' && vote.result && (last === null || (vote.closedAt ?? 0) > (last.closedAt ?? 0)))
      last = vote;
  return last;
}

/** The newest open vote, if any: the room sees that voting is under way (never a choice before close). */
export function newestOpenVote(votes: readonly VoteView[] | undefined): VoteView | null {
  let newest: VoteView | null = null;
  for (const vote of votes ?? [])
    if (vote.status === 'open' && (newest === null || vote.openedAt > newest.openedAt)) newest = vote;
  return newest;
}

export interface Bar extends ResultRow {
  /** The bar's length as a share of the longest bar (0–1): the chart fills its width. */
  length: number;
}

/** A closed vote's counts as bars, scaled to the largest count. */
export function resultBars(vote: VoteView): Bar[] {
  const rows = resultRows(vote);
  const most = Math.max(0, ...rows.map((row) => row.count));
  return rows.map((row) => ({ ...row, length: most === 0 ? 0 : row.count / most }));
}

/**
 * The largest type scale (between `min` and `max`, to `step`) at which `fits(scale)` holds, found by
 * bisection: present mode grows its text to fill the screen and shrinks it so nothing scrolls.
 * `fits` must be monotonic (a smaller scale never fits worse); at `min` it is taken to fit.
 */
export function largestFit(fits: (scale: number) => boolean, min: number, max: number, step = 0.02): number {
  if (fits(max)) return max;
  let low = min;
  let high = max;
  while (high - low > step) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}
