import { opinionGroups, type MarkValue } from './opinionGroups.ts';

/**
 * The consensus map of one standard: for every paragraph, how its marks split, how each opinion
 * group marked it, and its bridging score — the product over groups of each group's smoothed
 * agreement, (agrees + 1) / (marks + 2) — so a paragraph every group supports ranks above one a
 * single large group supports, however the overall counts compare (Polis's group-informed
 * consensus). Individual marks never leave this function; only counts do.
 */

export interface MarkCounts {
  agree: number;
  disagree: number;
  pass: number;
}

export type ParagraphReading = 'too_few' | 'agreement' | 'division' | 'disagreement' | 'mixed';

export interface ParagraphMap extends MarkCounts {
  /** Each opinion group's counts, in group order. */
  groups: MarkCounts[];
  /** Product over groups of (agree + 1) / (marks + 2); in (0, 1). */
  bridging: number;
  /** The widest gap between two groups' smoothed agreement (0 with one group); in [0, 1). */
  division: number;
  reading: ParagraphReading;
}

export interface ConsensusMap {
  paragraphs: ParagraphMap[];
  /** How many members are in each opinion group. */
  groupSizes: number[];
  /** Members who marked at least one paragraph. */
  members: number;
}

/** A paragraph needs this many marks before the map says anything about it. */
export const MIN_MARKS_TO_READ = 3;
/** Groups' smoothed agreement this far apart reads as division. */
export const DIVISION_GAP = 0.5;
/** Share of agrees (or disagrees) among a paragraph's marks that reads as agreement (disagreement). */
export const CLEAR_SHARE = 2 / 3;

export function consensusMap(matrix: readonly (readonly MarkValue[])[]): ConsensusMap {
  const width = matrix[0]?.length ?? 0;
  const { groupOf, k } = opinionGroups(matrix);
  const groupSizes = Array.from({ length: k }, (_, g) => groupOf.filter((x) => x === g).length);
  const paragraphs = Array.from({ length: width }, (_, column): ParagraphMap => {
    const all = counts(matrix.map((row) => row[column] ?? null));
    const groups = groupSizes.map((_, g) =>
      counts(matrix.filter((_, i) => groupOf[i] === g).map((row) => row[column] ?? null)),
    );
    const rates = groups.map((c) => (c.agree + 1) / (c.agree + c.disagree + c.pass + 2));
    const bridging = rates.reduce((product, rate) => product * rate, 1);
    const division = rates.length < 2 ? 0 : Math.max(...rates) - Math.min(...rates);
    return { ...all, groups, bridging, division, reading: reading(all, division) };
  });
  const members = matrix.filter((row) => row.some((v) => v !== null)).length;
  return { paragraphs, groupSizes, members };
}

function counts(values: readonly MarkValue[]): MarkCounts {
  const result = { agree: 0, disagree: 0, pass: 0 };
  for (const v of values) {
    if (v === 1) result.agree++;
    else if (v === -1) result.disagree++;
    else if (v === 0) result.pass++;
  }
  return result;
}

function reading(c: MarkCounts, division: number): ParagraphReading {
  const total = c.agree + c.disagree + c.pass;
  if (total < MIN_MARKS_TO_READ) return 'too_few';
  if (division >= DIVISION_GAP) return 'division';
  if (c.agree / total >= CLEAR_SHARE) return 'agreement';
  if (c.disagree / total >= CLEAR_SHARE) return 'disagreement';
  return 'mixed';
}

/** Paragraph indexes, most divisive first (for the moderator's "put it on the agenda" list). */
export const mostDivisive = (map: ConsensusMap): number[] =>
  map.paragraphs
    .map((p, index) => ({ index, p }))
    .filter(({ p }) => p.reading !== 'too_few')
    .sort((a, b) => b.p.division - a.p.division || a.p.bridging - b.p.bridging || a.index - b.index)
    .map(({ index }) => index);
