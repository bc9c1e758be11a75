import { describe, expect, it } from 'vitest';
import { bestComposition, leximin, typesOf, type PanelQuota, type PoolMember } from './leximin.ts';
import { planDraw, DRAW_FORMAT } from './panelDraw.ts';
import { quotaProblem, quotasFromShares } from './quotaProblems.ts';

const member = (id: string, categories: Record<string, string> = {}): PoolMember => ({ id, categories });
const exactly = (category: string, value: string, count: number): PanelQuota => ({
  category,
  value,
  min: count,
  max: count,
});
const rounded = (chances: number[]) => chances.map((c) => Math.round(c * 1e4) / 1e4);

/** Every panel of the lottery has the size and meets every quota. */
function expectValid(pool: PoolMember[], quotas: PanelQuota[], size: number) {
  const result = leximin(pool, quotas, size)!;
  for (const { counts } of result.compositions) {
    expect(counts.reduce((a, b) => a + b, 0)).toBe(size);
    counts.forEach((c, k) => expect(c).toBeLessThanOrEqual(result.types[k]!.members.length));
    for (const q of quotas) {
      const count = result.types.reduce(
        (sum, t, k) => sum + (pool[t.members[0]!]!.categories[q.category] === q.value ? counts[k]! : 0),
        0,
      );
      expect(count).toBeGreaterThanOrEqual(q.min);
      expect(count).toBeLessThanOrEqual(q.max);
    }
  }
  expect(result.compositions.reduce((sum, c) => sum + c.probability, 0)).toBeCloseTo(1, 6);
  expect(result.chances.reduce((a, b) => a + b, 0)).toBeCloseTo(size, 6);
  return result;
}

describe('LEXIMIN over panels meeting the quotas (worked examples)', () => {
  it('without quotas, gives everyone the same chance: 2 of 4 is ½ each', () => {
    const pool = ['a', 'b', 'c', 'd'].map((id) => member(id));
    expect(rounded(expectValid(pool, [], 2).chances)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('one man and one woman from one man and three women: he is certain, each woman has ⅓', () => {
    const pool = [
      member('w1', { Gender: 'Woman' }),
      member('w2', { Gender: 'Woman' }),
      member('w3', { Gender: 'Woman' }),
      member('m1', { Gender: 'Man' }),
    ];
    const quotas = [exactly('Gender', 'Man', 1), exactly('Gender', 'Woman', 1)];
    expect(rounded(expectValid(pool, quotas, 2).chances)).toEqual([0.3333, 0.3333, 0.3333, 1]);
  });

  it('two categories at once: the member needed by two of three possible panels gets ⅔, everyone else the ⅓ that is the best minimum', () => {
    // Feasible panels: {W1,M2}, {W1,M3}, {W2,M1}. M2, M3 and W2 (with M1) share one unit of probability.
    const pool = [
      member('W1', { Gender: 'W', Region: 'North' }),
      member('W2', { Gender: 'W', Region: 'South' }),
      member('M1', { Gender: 'M', Region: 'North' }),
      member('M2', { Gender: 'M', Region: 'South' }),
      member('M3', { Gender: 'M', Region: 'South' }),
    ];
    const quotas = [
      exactly('Gender', 'W', 1),
      exactly('Gender', 'M', 1),
      exactly('Region', 'North', 1),
      exactly('Region', 'South', 1),
    ];
    expect(rounded(expectValid(pool, quotas, 2).chances)).toEqual([0.6667, 0.3333, 0.3333, 0.3333, 0.3333]);
  });

  it('lifts the others once the least likely are fixed (the "lexi" in leximin): the rare North member is certain, the rest share equally', () => {
    // A maximin lottery could leave S1 at ¼ and give S2…S4 anything from ¼ up; leximin spreads the rest evenly.
    const pool = [
      member('N1', { Region: 'North' }),
      member('S1', { Region: 'South' }),
      member('S2', { Region: 'South' }),
      member('S3', { Region: 'South' }),
      member('S4', { Region: 'South' }),
      member('X1'),
    ];
    const quotas = [exactly('Region', 'North', 1), { category: 'Region', value: 'South', min: 1, max: 2 }];
    // 3 seats: N1 always; two more from S1…S4 and X1 with at most 2 South; X1 has no region.
    const result = expectValid(pool, quotas, 3);
    expect(rounded(result.chances)).toEqual([1, 0.4, 0.4, 0.4, 0.4, 0.4]);
  });

  it('gives chance 0, not an error, to a member no panel can hold', () => {
    const pool = [member('a', { Age: 'Old' }), member('b', { Age: 'Young' }), member('c', { Age: 'Young' })];
    const result = expectValid(pool, [{ category: 'Age', value: 'Old', min: 0, max: 0 }], 1);
    expect(rounded(result.chances)).toEqual([0, 0.5, 0.5]);
  });

  it('explains quotas that cannot be met before anything is drawn: which category, and why', () => {
    const pool = [
      member('a', { Gender: 'Woman' }),
      member('b', { Gender: 'Woman' }),
      member('c', { Gender: 'Man' }),
      member('d', { Gender: 'Man' }),
    ];
    const quotas = [{ category: 'Gender', value: 'Woman', min: 3, max: 3 }];
    expect(leximin(pool, quotas, 3)).toBeNull();
    expect(quotaProblem(pool, quotas, 3)).toMatchObject({
      key: 'panel.quotaShort',
      params: { category: 'Gender', value: 'Woman', min: 3, available: 2 },
    });
    const inputs = { format: DRAW_FORMAT, caseNumber: 1, size: 3, quotas, pool: [] } as const;
    expect(planDraw({ ...inputs, pool: pool.map((m, i) => ({ ...m, id: `0000000${i}` })) })).toMatchObject({
      ok: false,
      problem: { key: 'panel.quotaShort' },
    });
    expect(quotaProblem(pool, [exactly('Gender', 'Woman', 2), exactly('Gender', 'Man', 2)], 3)).toMatchObject({
      key: 'panel.minimumsTooHigh',
      params: { category: 'Gender', total: 4, size: 3 },
    });
    expect(
      quotaProblem(
        pool,
        [
          { category: 'Gender', value: 'Woman', min: 0, max: 1 },
          { category: 'Gender', value: 'Man', min: 0, max: 1 },
        ],
        3,
      ),
    ).toMatchObject({
      key: 'panel.maximumsTooLow',
      params: { category: 'Gender', total: 2, size: 3 },
    });
    expect(quotaProblem(pool.slice(0, 2), [], 3)).toMatchObject({
      key: 'panel.poolTooSmall',
      params: { pool: 2, size: 3 },
    });
    // Each quota alone can be met, not both: one young woman is not enough for "1 woman, 1 young" in 1 seat… of 1.
    const clash = [member('a', { G: 'W', A: 'Old' }), member('b', { G: 'M', A: 'Young' })];
    const both = [exactly('G', 'W', 1), exactly('A', 'Young', 1)];
    expect(bestComposition(typesOf(clash, both), both, 1, [0, 0])).toBeNull();
    expect(quotaProblem(clash, both, 1)).toMatchObject({ key: 'panel.quotasClash' });
  });

  it('handles a realistic pool: 150 members, a panel of 30, three skewed categories (chances fair and consistent)', () => {
    // A fixed pseudo-random pool (linear congruential, seed 42), skewed so some values are rare.
    let state = 42;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = { Gender: ['W', 'M'], Age: ['16-29', '30-44', '45-64', '65+'], Region: ['N', 'S', 'E', 'W', 'I'] };
    const pick = (vs: string[]) => vs[Math.floor(next() ** 1.5 * vs.length)]!;
    const pool = Array.from({ length: 150 }, (_, i) =>
      member(String(i).padStart(8, '0'), {
        Gender: pick(values.Gender),
        Age: pick(values.Age),
        Region: pick(values.Region),
      }),
    );
    const shares = Object.entries(values).flatMap(([category, vs]) =>
      vs.map((value) => ({ category, value, share: 1 / vs.length })),
    );
    const quotas = quotasFromShares(shares, 30).map((q) => ({
      ...q,
      min: Math.min(q.min, pool.filter((m) => m.categories[q.category] === q.value).length),
    }));
    const { chances, types, compositions } = expectValid(pool, quotas, 30);
    // Members no quota tells apart have the same chance; a rare value's members have the higher ones.
    for (const t of types) for (const i of t.members) expect(chances[i]).toBeCloseTo(chances[t.members[0]!]!, 9);
    const lowest = Math.min(...chances);
    expect(lowest).toBeGreaterThan(0.1);
    expect(Math.max(...chances)).toBeLessThanOrEqual(1 + 1e-9);
    // Another lottery over the same panels (each equally likely) never gives its least likely
    // member more than the leximin lottery gives its own.
    const even = types.map(
      (t, k) => compositions.reduce((sum, c) => sum + c.counts[k]!, 0) / compositions.length / t.members.length,
    );
    expect(lowest).toBeGreaterThanOrEqual(Math.min(...even) - 1e-6);
  });

  it('turns target shares into seat ranges: ½ of 12 is exactly 6, ⅓ of 12 is 4, 0.3 of 12 is 3 to 4', () => {
    expect(
      quotasFromShares(
        [
          { category: 'Region', value: 'North', share: 0.5 },
          { category: 'Age', value: 'Young', share: 1 / 3 },
          { category: 'Age', value: 'Old', share: 0.3 },
        ],
        12,
      ),
    ).toEqual([
      { category: 'Age', value: 'Old', min: 3, max: 4 },
      { category: 'Age', value: 'Young', min: 4, max: 4 },
      { category: 'Region', value: 'North', min: 6, max: 6 },
    ]);
  });
});
