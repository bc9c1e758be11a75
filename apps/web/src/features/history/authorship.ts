import type { HistoryAuthor, HistoryBlock, HistoryChange } from '@moot/protocol';

/** What a block says in words: its authors, by what they did between the two points. */
export interface BlockSummary {
  number: number;
  written: number[];
  inserted: number[];
  deleted: number[];
}

/**
 * The text equivalent of the colours, one entry per block: who wrote the text it now reads
 * (kept or inserted), who inserted, whose text was deleted, each author once, in reading order.
 */
export function summarise(blocks: readonly HistoryBlock[]): BlockSummary[] {
  return blocks.map((block, i) => {
    const of = (...changes: HistoryChange[]) => [
      ...new Set(block.runs.filter((r) => changes.includes(r.change) && r.text.trim() !== '').map((r) => r.author)),
    ];
    return { number: i + 1, written: of('kept', 'inserted'), inserted: of('inserted'), deleted: of('deleted') };
  });
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[], and: string, comma: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(comma)}${and}${names.at(-1)}`;
}

/** Moderators and facilitators carry their role after their name; members their name or pseudonym alone. */
export const shownRole = (author: HistoryAuthor): 'moderator' | 'facilitator' | null =>
  author.role === 'moderator' || author.role === 'facilitator' ? author.role : null;
