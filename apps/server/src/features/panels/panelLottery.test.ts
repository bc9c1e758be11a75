import { describe, expect, it } from 'vitest';
import { commitmentOf, finalSeedOf, SCALE, ticketOf } from './panelLottery.ts';
import {
  DRAW_FORMAT_V1,
  drawFileSchema,
  drawFrom,
  inputsHashOf,
  planDraw,
  verifyDraw,
  type DrawInputs,
} from './panelDraw.ts';

const SERVER_SEED = 'a'.repeat(64);
const inputs: DrawInputs = {
  format: DRAW_FORMAT_V1,
  caseNumber: 1,
  size: 2,
  quotas: [
    { category: 'Gender', value: 'M', min: 1, max: 1 },
    { category: 'Gender', value: 'W', min: 1, max: 1 },
  ],
  pool: [
    { id: '0000000a', categories: { Gender: 'W' } },
    { id: '0000000b', categories: { Gender: 'W' } },
    { id: '0000000c', categories: { Gender: 'W' } },
    { id: '0000000d', categories: { Gender: 'M' } },
  ],
};

describe('the draw from a lottery, reproducible from its inputs and seed (moot-panel-draw/1 files)', () => {
  it('rounds chances to whole millionths that add up exactly (⅓ each for three women, 1 for the man)', () => {
    const plan = planDraw(inputs);
    if (!plan.ok) throw new Error(plan.problem.message);
    expect(plan.lottery.compositions.reduce((sum, c) => sum + c.weight, 0)).toBe(SCALE);
    expect(plan.lottery.chances).toEqual({ '0000000a': 1 / 3, '0000000b': 1 / 3, '0000000c': 1 / 3, '0000000d': 1 });
  });

  it('gives the same panel for the same inputs and seed, whatever order the file lists them in', () => {
    const plan = planDraw(inputs);
    const shuffled = { ...inputs, pool: [...inputs.pool].reverse(), quotas: [...inputs.quotas].reverse() };
    const again = planDraw(shuffled);
    if (!plan.ok || !again.ok) throw new Error('infeasible');
    expect(inputsHashOf(shuffled)).toBe(inputsHashOf(inputs));
    const first = drawFrom(inputs, plan.lottery, SERVER_SEED, '4 2 6');
    expect(drawFrom(shuffled, again.lottery, SERVER_SEED, '4 2 6')).toEqual(first);
    // A known answer, so a change to the algorithm that would change published draws is seen.
    expect(first).toEqual({
      finalSeed: '6415bac6cc182c5b95f6481f485da2811c892404ad64f53d0e234d4b1621d5f2',
      ticket: 802155,
      panel: ['0000000b', '0000000d'],
      indices: null,
    });
  });

  it('verifies a draw file: the inputs hash, the commitment to the seed, and the panel', () => {
    const plan = planDraw(inputs);
    if (!plan.ok) throw new Error('infeasible');
    const drawn = drawFrom(inputs, plan.lottery, SERVER_SEED, 'dice 3 5');
    // A file exported before transcripts (no indices, no commitment) still reads and re-runs.
    const file = drawFileSchema.parse({ inputs, serverSeed: SERVER_SEED, contribution: 'dice 3 5' });
    const check = verifyDraw(file);
    expect(check.transcriptHash).toBeNull();
    expect(check).toMatchObject({ inputsHash: inputsHashOf(inputs), commitment: commitmentOf(SERVER_SEED), drawn });
    // Another room's numbers give another seed (and here, with ⅓ each, possibly another woman).
    expect(verifyDraw({ inputs, serverSeed: SERVER_SEED, contribution: 'dice 3 6' }).drawn!.finalSeed).not.toBe(
      drawn.finalSeed,
    );
  });

  it('selects each member about as often as their chance says, over 3,000 seeds (seeds 0…2999)', () => {
    const plan = planDraw(inputs);
    if (!plan.ok) throw new Error('infeasible');
    const counts: Record<string, number> = {};
    for (let seed = 0; seed < 3000; seed++) {
      for (const id of drawFrom(inputs, plan.lottery, SERVER_SEED, String(seed)).panel)
        counts[id] = (counts[id] ?? 0) + 1;
    }
    expect(counts['0000000d']).toBe(3000);
    // Each woman's count is binomial(3000, ⅓): mean 1000, standard deviation about 26.
    for (const id of ['0000000a', '0000000b', '0000000c']) expect(Math.abs(counts[id]! - 1000)).toBeLessThan(110);
  });

  it('reads tickets uniformly from the seed, never outside [0, SCALE)', () => {
    for (let i = 0; i < 200; i++) {
      const ticket = ticketOf(finalSeedOf(SERVER_SEED, String(i)));
      expect(ticket).toBeGreaterThanOrEqual(0);
      expect(ticket).toBeLessThan(SCALE);
      expect(Number.isInteger(ticket)).toBe(true);
    }
  });
});
