import { z } from 'zod';
import { leximin, type PanelQuota, type PoolMember } from './leximin.ts';
import { quotaProblem } from './quotaProblems.ts';
import { drawTranscript, lotteryOnIndices, transcriptHashOf, transcriptOf } from './panelTranscript.ts';
import {
  canonicalJson,
  commitmentOf,
  finalSeedOf,
  panelAt,
  roundLottery,
  sha256,
  ticketOf,
  type RoundedLottery,
} from './panelLottery.ts';

/**
 * One draw from its inputs, as the server runs it, `npm run moot -- verify-panel` re-runs it and
 * the check page asks the server to: the same code, so a re-run from the same file gives the same
 * panel. The inputs hold categories, so only the organisers export them (see SECURITY.md); what
 * is public is their hash, the public transcript (panelTranscript.ts) and its hash, the seed's
 * commitment and, after the draw, the seed and the panel.
 *
 * `moot-panel-draw/1` (before transcripts) ranks within a type by SHA-256(seed:pool id);
 * `moot-panel-draw/2` gives each pool member their index in the transcript, and the draw is the
 * transcript's (SHA-256(seed:index)) mapped back to pool ids.
 */
export const DRAW_FORMAT_V1 = 'moot-panel-draw/1';
export const DRAW_FORMAT = 'moot-panel-draw/2';
import { PANEL_LIMITS } from '@moot/protocol';
export { PANEL_LIMITS };

const text = z.string().min(1).max(200);
export const drawInputsSchema = z
  .strictObject({
    format: z.enum([DRAW_FORMAT_V1, DRAW_FORMAT]),
    caseNumber: z.number().int().positive(),
    size: z.number().int().min(1).max(PANEL_LIMITS.maxSize),
    quotas: z
      .array(
        z.strictObject({ category: text, value: text, min: z.number().int().min(0), max: z.number().int().min(0) }),
      )
      .max(200),
    pool: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[0-9a-f]{8}$/),
          index: z.number().int().min(0).max(PANEL_LIMITS.maxPool).optional(),
          categories: z.record(text, text),
        }),
      )
      .max(PANEL_LIMITS.maxPool),
  })
  .refine(
    (inputs) => {
      const indices = inputs.pool.map((m) => m.index);
      if (inputs.format === DRAW_FORMAT_V1) return indices.every((i) => i === undefined);
      return new Set(indices).size === indices.length && indices.every((i) => i !== undefined && i < indices.length);
    },
    { message: 'Each pool member needs their index 0…n−1 in moot-panel-draw/2, and none in /1' },
  );
export type DrawInputs = z.infer<typeof drawInputsSchema>;

/** The file the organisers export and anyone re-runs: the inputs, and after the draw the seed and the room's part. */
export const drawFileSchema = z.strictObject({
  inputs: drawInputsSchema,
  serverSeed: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  contribution: z.string().max(PANEL_LIMITS.maxContribution).nullable(),
  /** `moot-panel-draw/2`: the published commitment, so a re-run before the draw gives the transcript's hash. */
  seedCommitment: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type DrawFile = z.infer<typeof drawFileSchema>;

/** Inputs in their one canonical order: pool by id, quotas by category then value. */
export function canonicalInputs(inputs: DrawInputs): DrawInputs {
  return {
    ...inputs,
    quotas: [...inputs.quotas].sort((a, b) =>
      a.category === b.category ? (a.value < b.value ? -1 : 1) : a.category < b.category ? -1 : 1,
    ),
    pool: [...inputs.pool].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

export const inputsHashOf = (inputs: DrawInputs): string => sha256(canonicalJson(canonicalInputs(inputs)));

export type Plan = { ok: true; lottery: RoundedLottery } | { ok: false; problem: ReturnType<typeof quotaProblem> };

/** The LEXIMIN lottery of these inputs, rounded, or why the quotas cannot be met. */
export function planDraw(raw: DrawInputs): Plan {
  const inputs = canonicalInputs(raw);
  const pool: PoolMember[] = inputs.pool;
  const quotas: PanelQuota[] = inputs.quotas;
  if (pool.length < inputs.size) return { ok: false, problem: quotaProblem(pool, quotas, inputs.size) };
  const distribution = leximin(pool, quotas, inputs.size);
  if (!distribution) return { ok: false, problem: quotaProblem(pool, quotas, inputs.size) };
  return {
    ok: true,
    lottery: roundLottery(
      pool.map((m) => m.id),
      distribution,
    ),
  };
}

/** Pool id → index in the transcript (`moot-panel-draw/2`). */
export const indexOfPool = (inputs: DrawInputs): Record<string, number> =>
  Object.fromEntries(inputs.pool.map((m) => [m.id, m.index!]));

/** The transcript of these inputs' lottery (`moot-panel-draw/2` only). */
export const transcriptOfInputs = (inputs: DrawInputs, lottery: RoundedLottery, seedCommitment: string) =>
  transcriptOf(lottery, indexOfPool(inputs), { caseNumber: inputs.caseNumber, size: inputs.size, seedCommitment });

export interface Drawn {
  finalSeed: string;
  ticket: number;
  /** By pool id, sorted. */
  panel: string[];
  /** The transcript's drawn indices (`moot-panel-draw/2`), ascending; null for `/1`. */
  indices: number[] | null;
}

/** The draw of these inputs' lottery: on the transcript's indices (`/2`), else on pool ids (`/1`). */
export function drawFrom(inputs: DrawInputs, lottery: RoundedLottery, serverSeed: string, contribution: string): Drawn {
  if (inputs.format === DRAW_FORMAT_V1) {
    const finalSeed = finalSeedOf(serverSeed, contribution);
    const ticket = ticketOf(finalSeed);
    return { finalSeed, ticket, panel: panelAt(lottery, ticket, finalSeed), indices: null };
  }
  const drawn = drawTranscript(lotteryOnIndices(lottery, indexOfPool(inputs)), serverSeed, contribution);
  const poolIdAt = new Map(inputs.pool.map((m) => [m.index!, m.id]));
  return { ...drawn, panel: drawn.indices.map((i) => poolIdAt.get(i)!).sort() };
}

/** Everything a re-run establishes from a draw file: compare it with the published record. */
export interface Verification {
  inputsHash: string;
  transcriptHash: string | null;
  commitment: string | null;
  chances: Record<string, number>;
  drawn: Drawn | null;
  problem: string | null;
}

export function verifyDraw(file: DrawFile): Verification {
  const plan = planDraw(file.inputs);
  const commitment = file.serverSeed === null ? null : commitmentOf(file.serverSeed);
  const base = { inputsHash: inputsHashOf(file.inputs), commitment };
  if (!plan.ok) return { ...base, transcriptHash: null, chances: {}, drawn: null, problem: plan.problem.message };
  const seedCommitment = file.seedCommitment ?? commitment;
  const transcriptHash =
    file.inputs.format === DRAW_FORMAT && seedCommitment
      ? transcriptHashOf(transcriptOfInputs(file.inputs, plan.lottery, seedCommitment))
      : null;
  const drawn =
    file.serverSeed !== null && file.contribution !== null
      ? drawFrom(file.inputs, plan.lottery, file.serverSeed, file.contribution)
      : null;
  return { ...base, transcriptHash, chances: plan.lottery.chances, drawn, problem: null };
}
