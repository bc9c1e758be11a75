import type { PassportAuthor, PassportBlock, PassportSentence, PassportVote } from '@moot/protocol';

/** A sentence chosen on the page, by its paragraph and its place in it. */
export interface Selected {
  block: number;
  sentence: number;
}

/** Border colours for authors, by their order in the passport (not seats: the passport names no seat). */
const PALETTE = ['#1f6feb', '#b35900', '#8250df', '#1a7f37', '#cf222e', '#0a7c86', '#9a6700', '#bf3989'];
export const authorColor = (index: number): string => PALETTE[index % PALETTE.length]!;

export const sentenceText = (sentence: PassportSentence): string => sentence.runs.map((r) => r.text).join('');

/** A sentence's runs of words, each with its writer and amendment; blank runs (a space between sentences) left out. */
export const wordsOf = (sentence: PassportSentence) =>
  sentence.runs.filter((r) => r.text.trim() !== '').map((r) => ({ ...r, text: r.text.trim() }));

/** One line per paragraph: who wrote it and which amendments changed it, each once, in reading order. */
export function paragraphSummaries(blocks: readonly PassportBlock[]): { authors: number[]; amendments: number[] }[] {
  return blocks.map((block) => ({
    authors: [...new Set(block.sentences.flatMap((s) => s.authors))],
    amendments: [...new Set(block.sentences.flatMap((s) => s.amendments))],
  }));
}

/** Where a person's name is shown with their role: moderators and facilitators (members are shown by name alone). */
export const shownRole = (author: PassportAuthor): 'moderator' | 'facilitator' | null =>
  author.role === 'moderator' || author.role === 'facilitator' ? author.role : null;

/** The adoption vote that passed, if any: the decision behind every sentence of an adopted standard. */
export const adoption = (votes: readonly PassportVote[]): PassportVote | null =>
  votes.findLast((v) => v.status === 'closed' && v.passed === true) ?? null;
