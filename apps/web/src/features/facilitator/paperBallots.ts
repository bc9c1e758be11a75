import type { PaperBallotLine } from '@moot/protocol';

/** One different paper ballot as the facilitator fills it in: options picked (ticked, or in order of preference) and how many. */
export interface BallotLineDraft {
  picks: number[];
  count: string;
}

/** The lines to send: each with a count of at least one (an empty count is left out; the server checks the rest). */
export function ballotLinesOf(lines: readonly BallotLineDraft[]): PaperBallotLine[] {
  return lines
    .map((l) => ({ options: l.picks, count: Number(l.count) }))
    .filter((l) => Number.isInteger(l.count) && l.count > 0);
}
