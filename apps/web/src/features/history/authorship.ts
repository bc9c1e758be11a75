import type {
  HistoryAuthor,
  HistoryBlock,
  HistoryChange,
  HistoryMoment,
  HistoryPointView,
  HistoryRun,
} from '@moot/protocol';

/** What a block says in words: its authors, by what they did between the two points. */
export interface BlockSummary {
  number: number;
  written: number[];
  inserted: number[];
  deleted: number[];
  deletedBy: number[];
}

/**
 * The text equivalent of the colours, one entry per block: who wrote the text it now reads
 * (kept or inserted), who inserted, whose text was deleted and who deleted it (when known),
 * each author once, in reading order.
 */
export function summarise(blocks: readonly HistoryBlock[]): BlockSummary[] {
  return blocks.map((block, i) => {
    const of = (...changes: HistoryChange[]) => [
      ...new Set(block.runs.filter((r) => changes.includes(r.change) && r.text.trim() !== '').map((r) => r.author)),
    ];
    const deletedBy = [
      ...new Set(
        block.runs.flatMap((r) =>
          r.change === 'deleted' && r.deletedBy !== undefined && r.text.trim() !== '' ? [r.deletedBy] : [],
        ),
      ),
    ];
    return {
      number: i + 1,
      written: of('kept', 'inserted'),
      inserted: of('inserted'),
      deleted: of('deleted'),
      deletedBy,
    };
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

/**
 * Whose colour a run carries: who did the change it shows. Inserted and kept text is its
 * writer's; deleted text is its deleter's when known (the writer stays named in words).
 */
export const colourOf = (run: HistoryRun): number =>
  run.change === 'deleted' && run.deletedBy !== undefined ? run.deletedBy : run.author;

/**
 * The points a reader can pick, oldest first and `now` last: the kept points and the logged
 * edits' moments (each named by who sent it), one per time.
 */
export function pickablePoints(
  kept: readonly HistoryPointView[],
  moments: readonly HistoryMoment[],
  nameOf: (author: HistoryAuthor) => string,
): HistoryPointView[] {
  const now = kept.filter((p) => p.kind === 'now');
  const times = new Set(kept.map((p) => p.at));
  const edits = moments
    .filter((m) => !times.has(m.at))
    .map((m): HistoryPointView => ({ id: m.at, kind: 'moment', label: nameOf(m.author), at: m.at }));
  const dated = [...kept.filter((p) => p.kind !== 'now'), ...edits].sort((a, b) => a.at.localeCompare(b.at));
  return [...dated, ...now];
}
