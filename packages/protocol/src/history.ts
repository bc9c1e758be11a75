import { z } from 'zod';

const standardId = z.uuid();

/**
 * A standard's version history: the points in time its text was kept at (when it was locked,
 * adopted or changed by an adopted amendment; each time its edit log was folded into a
 * snapshot; and "now"), and the difference between any two of them with who wrote each run.
 */
export const HISTORY_POINT_KINDS = ['locked', 'adopted', 'amended', 'saved', 'moment', 'now'] as const;
export type HistoryPointKind = (typeof HISTORY_POINT_KINDS)[number];

/**
 * A point is named by its id (a kept copy of the text), `now` (the text as stored at this
 * moment), or a moment (an ISO date-time, to the millisecond): the text as it stood then, with
 * every edit logged at or before it. Any moment since the edit log was last folded can be read
 * (`history:moments` lists the logged edits' times); earlier ones are refused as `momentFolded`.
 */
export const historyMoment = z.iso.datetime({ offset: true, precision: 3, error: 'Not a moment (an ISO date-time)' });
export const historyPoint = z.union([z.literal('now'), z.uuid('Not a point in this history'), historyMoment]);

/** member|moderator|facilitator|note_taker → server (assembly), observer (watch): `history:list`. */
export const historyListSchema = z.strictObject({ standardId });
/** `history:diff`: what changed between two points (either order: `from` is the earlier reading). */
export const historyDiffSchema = z.strictObject({ standardId, from: historyPoint, to: historyPoint });
/**
 * `history:moments`: the times of the logged edits since the last fold, newest first, a page
 * (`LIMITS.historyMomentsPage`) at a time; `before` (a moment) asks for the page before it.
 */
export const historyMomentsSchema = z.strictObject({ standardId, before: historyMoment.optional() });
export type HistoryMomentsRequest = z.infer<typeof historyMomentsSchema>;
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

/**
 * A stretch of text with one change and one author (an index into `authors`: who wrote it).
 * A deleted run also names who deleted it (`deletedBy`, an index into `authors`) when the
 * edit that deleted it is still in the log between the two points; absent otherwise.
 */
export interface HistoryRun {
  text: string;
  change: HistoryChange;
  author: number;
  deletedBy?: number;
}

/** One logged edit's time and sender: a moment a reader can compare. */
export interface HistoryMoment {
  at: string;
  author: HistoryAuthor;
}

export interface HistoryMoments {
  /** Newest first, at most `LIMITS.historyMomentsPage`. */
  moments: HistoryMoment[];
  /** Whether older moments remain (ask again with `before` the last one's `at`). */
  more: boolean;
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
export const HISTORY_REASONS = ['pointNotFound', 'momentFolded', 'tooManyUpdates'] as const;
