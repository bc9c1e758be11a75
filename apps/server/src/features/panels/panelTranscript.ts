import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { PANEL_LIMITS, PANEL_TRANSCRIPT_FORMAT, type PanelTranscript } from '@moot/protocol';
import {
  canonicalJson,
  commitmentOf,
  compareCounts,
  finalSeedOf,
  indicesAt,
  SCALE,
  sha256,
  ticketOf,
  type RoundedLottery,
} from './panelLottery.ts';

/**
 * The public transcript of a case's lottery (`moot-panel-transcript/1`): what anyone in the
 * assembly can re-run without any category. The pool is a list of indices from a fresh random
 * permutation that only the server (and the organisers' draw file) maps to pool ids; the draw
 * ranks within a type by SHA-256(seed:index), so re-running the transcript gives the drawn
 * indices, and the server's panel is their image under its private map.
 */
export { PANEL_TRANSCRIPT_FORMAT };

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const transcriptSchema = z.strictObject({
  format: z.literal(PANEL_TRANSCRIPT_FORMAT),
  caseNumber: z.number().int().positive(),
  size: z.number().int().min(1).max(PANEL_LIMITS.maxSize),
  types: z
    .array(z.array(z.number().int().min(0).max(PANEL_LIMITS.maxPool)).max(PANEL_LIMITS.maxPool))
    .max(PANEL_LIMITS.maxPool),
  compositions: z
    .array(
      z.strictObject({
        counts: z.array(z.number().int().min(0).max(PANEL_LIMITS.maxSize)).max(PANEL_LIMITS.maxPool),
        weight: z.number().int().min(0).max(SCALE),
      }),
    )
    .max(10_000),
  seedCommitment: hex64,
  serverSeed: hex64.nullable(),
  contribution: z.string().max(PANEL_LIMITS.maxContribution).nullable(),
});

/** A random permutation of the pool: index i is held by `order[i]`, drawn with the system's secure random. */
export function shuffled<T>(items: readonly T[]): T[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * A rounded lottery over indices instead of pool ids, in one canonical order that depends on
 * nothing but the indices: each type's indices ascending, types by their lowest index,
 * compositions by their counts in that order. What the draw runs on.
 */
export function lotteryOnIndices(
  lottery: Pick<RoundedLottery, 'types' | 'compositions'>,
  indexOf: Readonly<Record<string, number>>,
): Pick<PanelTranscript, 'types' | 'compositions'> {
  const types = lottery.types
    .map((members, k) => ({ k, indices: members.map((id) => indexOf[id]!).sort((a, b) => a - b) }))
    .sort((a, b) => a.indices[0]! - b.indices[0]!);
  const compositions = lottery.compositions
    .map((c) => ({ counts: types.map((t) => c.counts[t.k]!), weight: c.weight }))
    .sort((a, b) => compareCounts(a.counts, b.counts));
  return { types: types.map((t) => t.indices), compositions };
}

/** The public transcript of a rounded lottery under a map from pool ids to indices, before the draw. */
export function transcriptOf(
  lottery: Pick<RoundedLottery, 'types' | 'compositions'>,
  indexOf: Readonly<Record<string, number>>,
  fixed: { caseNumber: number; size: number; seedCommitment: string },
): PanelTranscript {
  return {
    format: PANEL_TRANSCRIPT_FORMAT,
    caseNumber: fixed.caseNumber,
    size: fixed.size,
    ...lotteryOnIndices(lottery, indexOf),
    seedCommitment: fixed.seedCommitment,
    serverSeed: null,
    contribution: null,
  };
}

/** SHA-256 of the part fixed at preparation: everything but the seed and the room's numbers. */
export const transcriptHashOf = (t: PanelTranscript): string =>
  sha256(canonicalJson({ ...t, serverSeed: undefined, contribution: undefined }));

/** Why this transcript cannot be drawn from, or null: indices 0…n−1 each once, counts that fit, weights summing to the whole. */
export function transcriptProblem(t: PanelTranscript): string | null {
  const seen = t.types.flat();
  const n = seen.length;
  if (new Set(seen).size !== n || seen.some((i) => i >= n))
    return 'The types do not list the indices 0 to n−1 each once';
  if (t.compositions.reduce((sum, c) => sum + c.weight, 0) !== SCALE)
    return `The compositions’ weights do not add up to ${SCALE}`;
  for (const c of t.compositions) {
    if (c.counts.length !== t.types.length) return 'A composition does not give a count for every type';
    if (c.counts.some((count, k) => count > t.types[k]!.length)) return 'A composition seats more than a type holds';
    if (c.counts.reduce((a, b) => a + b, 0) !== t.size) return `A composition does not seat ${t.size}`;
  }
  return null;
}

/** Each index's chance: Σ weight · seats of its type / members of the type. */
export function transcriptChances(t: PanelTranscript): Record<string, number> {
  const chances: Record<string, number> = {};
  t.types.forEach((members, k) => {
    const seats = t.compositions.reduce((sum, c) => sum + c.weight * c.counts[k]!, 0);
    for (const index of members) chances[String(index)] = seats / members.length / SCALE;
  });
  return chances;
}

export interface DrawnIndices {
  finalSeed: string;
  ticket: number;
  indices: number[];
}

export function drawTranscript(
  t: Pick<PanelTranscript, 'types' | 'compositions'>,
  serverSeed: string,
  contribution: string,
): DrawnIndices {
  const finalSeed = finalSeedOf(serverSeed, contribution);
  const ticket = ticketOf(finalSeed);
  return { finalSeed, ticket, indices: indicesAt(t, ticket, finalSeed) };
}

export interface TranscriptVerification {
  transcriptHash: string;
  commitment: string | null;
  chances: Record<string, number>;
  drawn: DrawnIndices | null;
  problem: string | null;
}

/** Everything a re-run of a transcript establishes: compare it with the published record. */
export function verifyTranscript(t: PanelTranscript): TranscriptVerification {
  const base = {
    transcriptHash: transcriptHashOf(t),
    commitment: t.serverSeed === null ? null : commitmentOf(t.serverSeed),
  };
  const problem = transcriptProblem(t);
  if (problem) return { ...base, chances: {}, drawn: null, problem };
  const drawn =
    t.serverSeed !== null && t.contribution !== null ? drawTranscript(t, t.serverSeed, t.contribution) : null;
  return { ...base, chances: transcriptChances(t), drawn, problem: null };
}
