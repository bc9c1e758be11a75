import { z } from 'zod';
import { leximin, type PanelQuota, type PoolMember } from './leximin.ts';
import { quotaProblem } from './quotaProblems.ts';
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
 * is public is their hash, the seed's commitment and, after the draw, the seed and the panel.
 */
export const DRAW_FORMAT = 'moot-panel-draw/1';
import { PANEL_LIMITS } from '@moot/protocol';
export { PANEL_LIMITS };

const text = z.string().min(1).max(200);
export const drawInputsSchema = z.strictObject({
  format: z.literal(DRAW_FORMAT),
  caseNumber: z.number().int().positive(),
  size: z.number().int().min(1).max(PANEL_LIMITS.maxSize),
  quotas: z
    .array(z.strictObject({ category: text, value: text, min: z.number().int().min(0), max: z.number().int().min(0) }))
    .max(200),
  pool: z
    .array(z.strictObject({ id: z.string().regex(/^[0-9a-f]{8}$/), categories: z.record(text, text) }))
    .max(PANEL_LIMITS.maxPool),
});
export type DrawInputs = z.infer<typeof drawInputsSchema>;

/** The file the organisers export and anyone re-runs: the inputs, and after the draw the seed and the room's part. */
export const drawFileSchema = z.strictObject({
  inputs: drawInputsSchema,
  serverSeed: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  contribution: z.string().max(PANEL_LIMITS.maxContribution).nullable(),
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

export interface Drawn {
  finalSeed: string;
  ticket: number;
  panel: string[];
}

export function drawFrom(lottery: RoundedLottery, serverSeed: string, contribution: string): Drawn {
  const finalSeed = finalSeedOf(serverSeed, contribution);
  const ticket = ticketOf(finalSeed);
  return { finalSeed, ticket, panel: panelAt(lottery, ticket, finalSeed) };
}

/** Everything a re-run establishes from a draw file: compare it with the published record. */
export interface Verification {
  inputsHash: string;
  commitment: string | null;
  chances: Record<string, number>;
  drawn: Drawn | null;
  problem: string | null;
}

export function verifyDraw(file: DrawFile): Verification {
  const plan = planDraw(file.inputs);
  const base = {
    inputsHash: inputsHashOf(file.inputs),
    commitment: file.serverSeed === null ? null : commitmentOf(file.serverSeed),
  };
  if (!plan.ok) return { ...base, chances: {}, drawn: null, problem: plan.problem.message };
  const drawn =
    file.serverSeed !== null && file.contribution !== null
      ? drawFrom(plan.lottery, file.serverSeed, file.contribution)
      : null;
  return { ...base, chances: plan.lottery.chances, drawn, problem: null };
}
