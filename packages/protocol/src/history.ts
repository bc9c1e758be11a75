import { z } from 'zod';

const standardId = z.uuid();

/**
 * A standard's version history: the points in time its text was kept at (when it was locked,
 * adopted or changed by an adopted amendment; each time its edit log was folded into a
 * snapshot; and "now"), and the difference between any two of them with who wrote each run.
 */
export const HISTORY_POINT_KINDS = ['locked', 'adopted', 'amended', 'saved', 'now'] as const;
export type HistoryPointKind = (typeof HISTORY_POINT_KINDS)[number];

/** A point is named by its id (a kept copy of the text) or `now` (the text as stored at this moment). */
export const historyPoint = z.union([z.literal('now'), z.uuid('Not a point in this history')]);

/** member|moderator|facilitator|note_taker → server (assembly), observer (watch): `history:list`. */
export const historyListSchema = z.strictObject({ standardId });
/** `history:diff`: what changed between two points (either order: `from` is the earlier reading). */
export const historyDiffSchema = z.strictObject({ standardId, from: historyPoint, to: historyPoint });
export type HistoryList = z.infer<typeof historyListSchema>;
export type HistoryDiffRequest = z.infer<typeof historyDiffSchema>;

export interface HistoryPointView {
  id: string;
  kind: HistoryPointKind;
  /** For `amended`: the amendment's number and first words, as the record names it. */
  label: string | null;
  at: string;
}

/**
 * Whoever wrote a run: a person as this reader may see them (a pseudonym for the public unless
 * they are a public figure or chose to show their name), the assembly's decision (an adopted
 * amendment applied by the server), or someone the record no longer knows (text written before
 * authors were kept).
 */
export interface HistoryAuthor {
  kind: 'person' | 'decision' | 'unknown';
  name: string | null;
  role: string | null;
  /** The seat's caret colour, so authorship colours match the live editor; null for non-people. */
  color: string | null;
}

export type HistoryChange = 'kept' | 'inserted' | 'deleted';

/** A stretch of text with one change and one author (an index into `authors`). */
export interface HistoryRun {
  text: string;
  change: HistoryChange;
  author: number;
}

/** A block (paragraph, heading, list item…) as it reads across the two points. */
export interface HistoryBlock {
  kind: string;
  runs: HistoryRun[];
}

export interface HistoryDiff {
  from: HistoryPointView;
  to: HistoryPointView;
  authors: HistoryAuthor[];
  blocks: HistoryBlock[];
}

/** Why a history request was refused (`history.*`); an unknown standard is `charter.standardNotFound`. */
export const HISTORY_REASONS = ['pointNotFound'] as const;
