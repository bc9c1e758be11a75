import { createHash } from 'node:crypto';
import type { Distribution } from './leximin.ts';

/**
 * From the solver's lottery to one panel, the same on every machine: probabilities are fixed to
 * whole millionths (largest remainders, ties to the earlier panel in canonical order) before
 * anything is drawn, and the draw reads a number from SHA-256 of the seed — no floating point
 * between the seed and the panel.
 */
export const SCALE = 1_000_000;

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The lottery as drawn: compositions (seats per type) with weights in millionths summing to
 * SCALE, the types as pool ids, and each member's chance (Σ weight · seats / members of the type).
 */
export interface RoundedLottery {
  types: string[][];
  compositions: { counts: number[]; weight: number }[];
  chances: Record<string, number>;
}

export const compareCounts = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

export function roundLottery(ids: readonly string[], distribution: Distribution): RoundedLottery {
  const types = distribution.types.map((t) => t.members.map((i) => ids[i]!));
  const exact = distribution.compositions
    .map((c) => ({ counts: c.counts, exact: c.probability * SCALE }))
    .sort((a, b) => compareCounts(a.counts, b.counts));
  const weights = exact.map((c) => Math.floor(c.exact));
  let left = SCALE - weights.reduce((a, b) => a + b, 0);
  const order = exact
    .map((c, k) => ({ k, remainder: c.exact - weights[k]! }))
    .sort((a, b) => b.remainder - a.remainder || a.k - b.k);
  for (const { k } of order) {
    if (left <= 0) break;
    weights[k]!++;
    left--;
  }
  const compositions = exact.map((c, k) => ({ counts: c.counts, weight: weights[k]! })).filter((c) => c.weight > 0);
  const chances: Record<string, number> = {};
  types.forEach((members, k) => {
    const seats = compositions.reduce((sum, c) => sum + c.weight * c.counts[k]!, 0);
    for (const id of members) chances[id] = seats / members.length / SCALE;
  });
  return { types, compositions, chances };
}

/** What is published before the draw: SHA-256 of the server's secret seed (hex). */
export const commitmentOf = (serverSeed: string): string => sha256(serverSeed);

/**
 * The seed the draw uses: the server's seed, committed before, with what was said in the room
 * after (dice, numbers called out). The server cannot pick its seed knowing the room's part, and
 * the room's part cannot be chosen knowing the server's.
 */
export const finalSeedOf = (serverSeed: string, contribution: string): string =>
  sha256(`${serverSeed}:${contribution.trim()}`);

/** A whole number in [0, SCALE) from the seed: 48 bits of SHA-256(seed:counter), rejecting the uneven tail. */
export function ticketOf(finalSeed: string): number {
  const limit = Math.floor(2 ** 48 / SCALE) * SCALE;
  for (let counter = 0; ; counter++) {
    const value = Number.parseInt(sha256(`${finalSeed}:${counter}`).slice(0, 12), 16);
    if (value < limit) return value % SCALE;
  }
}

/** The composition the ticket lands in, walking the compositions in their order. */
function compositionAt<C extends { weight: number }>(compositions: readonly C[], ticket: number): C {
  let below = 0;
  const composition = compositions.find((c) => ticket < (below += c.weight));
  if (!composition) throw new Error('the lottery’s weights do not add up to the whole');
  return composition;
}

/**
 * In each type, the members (by label) whose SHA-256(seed:label) sorts first, as many as the
 * composition seats there — a uniformly random choice within the type that anyone can recompute.
 */
export function seatsAt(types: readonly (readonly string[])[], counts: readonly number[], finalSeed: string): string[] {
  return types.flatMap((members, k) =>
    members
      .map((label) => ({ label, rank: sha256(`${finalSeed}:${label}`) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
      .slice(0, counts[k])
      .map((m) => m.label),
  );
}

/**
 * The panel the ticket falls on (`moot-panel-draw/1`): the composition it lands in, then in
 * each type that many members ranked by SHA-256(seed:pool id).
 */
export function panelAt(lottery: RoundedLottery, ticket: number, finalSeed: string): string[] {
  return seatsAt(lottery.types, compositionAt(lottery.compositions, ticket).counts, finalSeed).sort();
}

/**
 * The drawn indices on a public transcript (`moot-panel-transcript/1`): the same walk, members
 * ranked within their type by SHA-256(seed:index), the index written in decimal.
 */
export function indicesAt(
  lottery: { types: readonly (readonly number[])[]; compositions: readonly { counts: number[]; weight: number }[] },
  ticket: number,
  finalSeed: string,
): number[] {
  const types = lottery.types.map((members) => members.map(String));
  return seatsAt(types, compositionAt(lottery.compositions, ticket).counts, finalSeed)
    .map(Number)
    .sort((a, b) => a - b);
}

/** JSON with object keys sorted at every level, so one set of inputs has one text and one hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
