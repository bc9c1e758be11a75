import { z } from 'zod';

/**
 * The consensus map of a standard: members mark each paragraph agree, disagree or pass, and may
 * change or withdraw their mark as the text changes. A mark is kept against the wording it was
 * given to (a hash of the paragraph's text then); once the paragraph is edited it counts as "on
 * an earlier wording" and no longer in the paragraph's aggregate. Individual marks go only to the
 * member who gave them (`consensus:mine`); everyone, observers too, gets the aggregates: counts, opinion groups as
 * Polis computes them, each paragraph's bridging score and a reading for the heat strip.
 */
export const PARAGRAPH_MARKS = ['agree', 'disagree', 'pass'] as const;
export type ParagraphMark = (typeof PARAGRAPH_MARKS)[number];

/**
 * A paragraph (a top-level block of the standard's text) is named by the Yjs id of its element,
 * `<client>:<clock>`: it stays the same while the paragraph is edited, on every device.
 */
export const PARAGRAPH_KEY = /^\d{1,10}:\d{1,10}$/;

export const markParagraphSchema = z.strictObject({
  standardId: z.uuid(),
  paragraph: z.string().regex(PARAGRAPH_KEY, 'Not a paragraph of this standard'),
  /** null withdraws the mark. */
  mark: z.enum(PARAGRAPH_MARKS).nullable(),
});
export type MarkParagraph = z.infer<typeof markParagraphSchema>;

export interface MarkCounts {
  agree: number;
  disagree: number;
  pass: number;
}

/**
 * How the heat strip reads a paragraph: too few marks to say; broad agreement; division between
 * opinion groups; broad disagreement; or mixed.
 */
export type ParagraphReading = 'too_few' | 'agreement' | 'division' | 'disagreement' | 'mixed';

export interface ParagraphConsensus extends MarkCounts {
  paragraph: string;
  /** The paragraph's first words, so a table or the moderator's list can name it. */
  opening: string;
  /** Each opinion group's counts, in group order. */
  groups: MarkCounts[];
  /** The product over groups of (agree + 1) / (marks + 2): high only when every group agrees. */
  bridging: number;
  /** The widest gap between two groups' smoothed agreement (0 with one group). */
  division: number;
  reading: ParagraphReading;
  /** Marks given to an earlier wording of this paragraph (not counted above). */
  earlier: number;
  /** A hash of the paragraph's current text: a member's own mark with another was given to an earlier wording. */
  wording: string;
}

export interface StandardConsensus {
  standardId: string;
  /** Paragraphs in the order of the text. */
  paragraphs: ParagraphConsensus[];
  /** Members in each opinion group. */
  groupSizes: number[];
  /** Members who marked a paragraph of the current text. */
  members: number;
}

/**
 * A standard's consensus map as the record keeps it (the report, the charter's JSON and
 * Markdown): how many members marked, in how many opinion groups, and each paragraph's totals,
 * bridging score and reading. Aggregates only, never a paragraph key or a member.
 */
export interface ConsensusSummary {
  members: number;
  groups: number;
  paragraphs: {
    opening: string;
    agree: number;
    disagree: number;
    pass: number;
    bridging: number;
    reading: ParagraphReading;
  }[];
}

export interface ConsensusState {
  standards: StandardConsensus[];
}

/** A member's own mark, sent to that member alone (`consensus:mine`). */
export interface OwnMark {
  standardId: string;
  paragraph: string;
  mark: ParagraphMark;
  /** The hash of the paragraph's text when marked: unlike the paragraph's `wording`, it was an earlier wording. */
  wording: string;
}

/** Why a mark on the consensus map was refused (`consensus.*`). */
export const CONSENSUS_REASONS = ['decided', 'paragraphGone'] as const;
