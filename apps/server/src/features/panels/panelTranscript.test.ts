import { describe, expect, it } from 'vitest';
import { commitmentOf, SCALE } from './panelLottery.ts';
import {
  DRAW_FORMAT,
  drawFrom,
  drawInputsSchema,
  planDraw,
  transcriptOfInputs,
  verifyDraw,
  type DrawInputs,
} from './panelDraw.ts';
import { transcriptHashOf, transcriptProblem, verifyTranscript } from './panelTranscript.ts';

const SERVER_SEED = 'b'.repeat(64);
const COMMITMENT = commitmentOf(SERVER_SEED);
/** Three women and a man, each with their index in the transcript (not in pool-id order). */
const inputs: DrawInputs = {
  format: DRAW_FORMAT,
  caseNumber: 3,
  size: 2,
  quotas: [
    { category: 'Gender', value: 'M', min: 1, max: 1 },
    { category: 'Gender', value: 'W', min: 1, max: 1 },
  ],
  pool: [
    { id: '0000000a', index: 2, categories: { Gender: 'W' } },
    { id: '0000000b', index: 0, categories: { Gender: 'W' } },
    { id: '0000000c', index: 3, categories: { Gender: 'W' } },
    { id: '0000000d', index: 1, categories: { Gender: 'M' } },
  ],
};

const lotteryOf = (i: DrawInputs) => {
  const plan = planDraw(i);
  if (!plan.ok) throw new Error(plan.problem.message);
  return plan.lottery;
};

describe('the public transcript of a lottery (moot-panel-transcript/1)', () => {
  it('lists types of indices and weighted compositions, in an order fixed by the indices alone', () => {
    const transcript = transcriptOfInputs(inputs, lotteryOf(inputs), COMMITMENT);
    expect(transcript).toEqual({
      format: 'moot-panel-transcript/1',
      caseNumber: 3,
      size: 2,
      types: [[0, 2, 3], [1]],
      compositions: [{ counts: [1, 1], weight: SCALE }],
      seedCommitment: COMMITMENT,
      serverSeed: null,
      contribution: null,
    });
    const text = JSON.stringify(transcript);
    for (const leak of ['Gender', '"W"', '"M"', '0000000']) expect(text).not.toContain(leak);
    // The same inputs listed otherwise give the same transcript and hash.
    const reversed = { ...inputs, pool: [...inputs.pool].reverse() };
    expect(transcriptHashOf(transcriptOfInputs(reversed, lotteryOf(reversed), COMMITMENT))).toBe(
      transcriptHashOf(transcript),
    );
  });

  it('re-runs to the drawn indices, whose image under the private map is the panel the inputs draw', () => {
    const lottery = lotteryOf(inputs);
    const transcript = {
      ...transcriptOfInputs(inputs, lottery, COMMITMENT),
      serverSeed: SERVER_SEED,
      contribution: '4 2 6',
    };
    const rerun = verifyTranscript(transcript);
    const drawn = drawFrom(inputs, lottery, SERVER_SEED, '4 2 6');
    expect(rerun.problem).toBeNull();
    expect(rerun.commitment).toBe(COMMITMENT);
    expect(rerun.drawn!.indices).toEqual(drawn.indices);
    const poolIdAt = new Map(inputs.pool.map((m) => [m.index, m.id]));
    expect(rerun.drawn!.indices.map((i) => poolIdAt.get(i)).sort()).toEqual(drawn.panel);
    expect(rerun.chances).toEqual({ '0': 1 / 3, '1': 1, '2': 1 / 3, '3': 1 / 3 });
    // The hash is of what was fixed at preparation: the seed and the room's numbers leave it alone.
    expect(rerun.transcriptHash).toBe(transcriptHashOf(transcriptOfInputs(inputs, lottery, COMMITMENT)));
    // The organisers' file of the same draw gives the same panel and the same transcript hash.
    const organisers = verifyDraw({ inputs, serverSeed: SERVER_SEED, contribution: '4 2 6' });
    expect(organisers).toMatchObject({ transcriptHash: rerun.transcriptHash, drawn });
    // A known answer, so a change to the algorithm that would change published draws is seen.
    // (Index 3 is the woman whose SHA-256(seed:index) sorts first among 0, 2 and 3; 1 is the man.)
    expect(rerun.drawn).toEqual({
      finalSeed: '02dce02e6ad3aa301861fa2f42b826572cc6c693c2aed78c6bc0ed7f0cffb2b2',
      ticket: 387406,
      indices: [1, 3],
    });
  });

  it('says why a transcript cannot be drawn from', () => {
    const t = transcriptOfInputs(inputs, lotteryOf(inputs), COMMITMENT);
    expect(transcriptProblem(t)).toBeNull();
    expect(transcriptProblem({ ...t, types: [[0, 2, 2], [1]] })).toMatch(/each once/);
    expect(transcriptProblem({ ...t, compositions: [{ counts: [1, 1], weight: 5 }] })).toMatch(/add up/);
    expect(transcriptProblem({ ...t, compositions: [{ counts: [2, 1], weight: SCALE }] })).toMatch(/seat 2/);
    expect(verifyTranscript({ ...t, types: [[0, 2, 2], [1]] })).toMatchObject({ drawn: null, chances: {} });
  });

  it('requires an index for each pool member in moot-panel-draw/2 and none in /1', () => {
    expect(drawInputsSchema.safeParse(inputs).success).toBe(true);
    const { index: _dropped, ...first } = inputs.pool[0]!;
    expect(drawInputsSchema.safeParse({ ...inputs, pool: [first, ...inputs.pool.slice(1)] }).success).toBe(false);
    expect(drawInputsSchema.safeParse({ ...inputs, format: 'moot-panel-draw/1' }).success).toBe(false);
  });
});
