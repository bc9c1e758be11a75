/**
 * The final ballot: one secret vote over many recommendations (each standard's text and its
 * consequence ladder), every one answered on a five-point support scale. It is a vote of method
 * `support`, so it is sealed, counted, published and re-cast exactly like every other vote.
 */

/** The support scale, from strongest agreement to strongest disagreement; a ballot stores the index. */
export const SUPPORT_SCALE = ['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree'] as const;
export type SupportAnswer = (typeof SUPPORT_SCALE)[number];
/** The answers that count as support: strongly agree and agree. */
export const SUPPORTING_ANSWERS: readonly number[] = [0, 1];

/** What a recommendation on the ballot is: a standard's text, or its consequence ladder. */
export const RECOMMENDATION_PARTS = ['standard', 'ladder'] as const;
export type RecommendationPart = (typeof RECOMMENDATION_PARTS)[number];

/** Why the server refused to open a final ballot (`finalBallot.<key>`); registered in `reasons.ts`. */
export const FINAL_BALLOT_REASONS = [
  'supportOnly',
  'openWithItems',
  'tooManyItems',
  'listedTwice',
  'noLadder',
  'alreadyOpen',
] as const;

/**
 * When a recommendation is supported, fixed before voting and shown on the ballot:
 * strongly agree + agree ≥ `share` × base, where base is, per recommendation,
 * - `answering`: the ballots that gave it any of the five answers ("neither" included, blanks not);
 * - `ballots`: every ballot counted (online and paper), blanks included.
 * `share` is read as the exact decimal it is written as (0.6 is 6/10). Nobody answering → not
 * supported; no quorum → nothing is supported.
 */
export const SUPPORT_BASES = ['answering', 'ballots'] as const;
export type SupportBase = (typeof SUPPORT_BASES)[number];
export interface SupportThreshold {
  share: number;
  base: SupportBase;
}

/** One recommendation as the ballot lists it; the title is copied from the charter when it opens. */
export interface Recommendation {
  standardId: string;
  part: RecommendationPart;
  title: string;
}

/** One recommendation's result. */
export interface RecommendationResult {
  /** Ballots per answer, in SUPPORT_SCALE order, online and paper together. */
  counts: number[];
  /** Of them, from the paper count. */
  paperCounts: number[];
  /** Ballots that gave any answer; the threshold's base (answering or all ballots). */
  answered: number;
  base: number;
  /** Strongly agree + agree. */
  supporting: number;
  /** supporting / base in percent, one decimal, never rounded across the threshold. */
  percent: number;
  supported: boolean;
}
