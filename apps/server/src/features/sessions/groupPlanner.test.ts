import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorySpread, planGroups, repeatPairs, seededRandom, type PlannerMember } from './groupPlanner.ts';

const plain = (ids: string[]): PlannerMember[] => ids.map((id) => ({ id, categories: {} }));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(2, '0')}`);
const weight = (groups: string[][], history: string[][][]) =>
  repeatPairs(groups, history).reduce((sum, p) => sum + p.times, 0);

/** The naive split: members dealt in list order into consecutive groups. */
const inOrder = (people: string[], count: number): string[][] => {
  const size = Math.ceil(people.length / count);
  return Array.from({ length: count }, (_, g) => people.slice(g * size, (g + 1) * size));
};
/** A seeded random split, dealt round-robin after a shuffle (what `groups:form` does at random). */
const randomSplit = (people: string[], count: number, seed: number): string[][] => {
  const random = seededRandom(seed);
  const shuffled = [...people];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const groups: string[][] = Array.from({ length: count }, () => []);
  shuffled.forEach((p, i) => groups[i % count]!.push(p));
  return groups;
};

/**
 * Twenty-four members, each group of a perfect split holding one of every gender × age band and
 * two rural members: a split with every category value spread within one across 4 groups exists.
 */
function balancedCohort(): PlannerMember[] {
  const people: PlannerMember[] = [];
  for (let copy = 0; copy < 4; copy++)
    for (let combo = 0; combo < 6; combo++)
      people.push({
        id: `p${copy}-${combo}`,
        categories: {
          gender: combo % 2 === 0 ? 'woman' : 'man',
          age: ['16-29', '30-59', '60+'][Math.floor(combo / 2)]!,
          area: (combo + copy) % 3 === 0 ? 'rural' : 'urban',
        },
      });
  // Listed by category, so any split that ignores categories lumps them together.
  return people.sort((a, b) => JSON.stringify(a.categories).localeCompare(JSON.stringify(b.categories)));
}

describe('the group planner', () => {
  it('puts every member in exactly one group, the sizes within one of each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (n, k, seed) => {
        fc.pre(k <= n);
        const { groups } = planGroups({ members: plain(ids(n)), groupCount: k, history: [], seed });
        expect(groups).toHaveLength(k);
        expect(groups.flat().sort()).toEqual(ids(n));
        const sizes = groups.map((g) => g.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same input and seed give the same groups', () => {
    const input = { members: balancedCohort(), groupCount: 4, history: [inOrder(ids(24), 4)], seed: 42 };
    expect(planGroups(input)).toEqual(planGroups(structuredClone(input)));
  });

  it('spreads every value of every category within one across the groups, where that is possible', () => {
    const members = balancedCohort();
    // The list order lumps categories: dealt in order, the groups are far from balanced.
    const naive = categorySpread(
      inOrder(
        members.map((m) => m.id),
        4,
      ),
      members,
    );
    expect(Math.max(...Object.values(naive).flatMap((v) => Object.values(v)))).toBeGreaterThan(1);
    for (const seed of [1, 2, 3, 4, 5]) {
      const { groups, imbalance } = planGroups({ members, groupCount: 4, history: [], seed });
      const spread = categorySpread(groups, members);
      for (const [category, values] of Object.entries(spread))
        for (const [value, gap] of Object.entries(values))
          expect(gap, `seed ${seed}: ${category} = ${value} spread by ${gap}`).toBeLessThanOrEqual(1);
      expect(imbalance).toBeLessThan(1);
    }
  });

  it('balances as well as it can when perfect balance is impossible (7 of one value in 3 groups)', () => {
    const members = ids(12).map((id, i) => ({ id, categories: { area: i < 7 ? 'rural' : 'urban' } }));
    const { groups } = planGroups({ members, groupCount: 3, history: [], seed: 7 });
    expect(categorySpread(groups, members).area).toEqual({ rural: 1, urban: 1 });
  });

  it('rotates: after 3×3 groups by rows, it finds a split where nobody meets again (the naive one repeats all 9 pairs)', () => {
    const people = ids(9);
    const rows = inOrder(people, 3);
    const plan = planGroups({ members: plain(people), groupCount: 3, history: [rows], seed: 1 });
    expect(plan.repeatPairs).toEqual([]);
    expect(plan.repeatWeight).toBe(0);
    expect(repeatPairs(inOrder(people, 3), [rows])).toHaveLength(9);
  });

  it('after rows and columns, still finds a third split with no repeats (the diagonals)', () => {
    const people = ids(9);
    const rows = inOrder(people, 3);
    const columns = [0, 1, 2].map((c) => [0, 1, 2].map((r) => people[r * 3 + c]!));
    const plan = planGroups({ members: plain(people), groupCount: 3, history: [rows, columns], seed: 3 });
    expect(plan.repeatWeight).toBe(0);
  });

  it('over six sittings of 24 members in 4 groups, repeats strictly fewer pairs than random splits, balanced all along', () => {
    const members = balancedCohort();
    const people = members.map((m) => m.id);
    const planned: string[][][] = [];
    const random: string[][][] = [];
    let plannedRepeats = 0;
    let randomRepeats = 0;
    for (let sitting = 0; sitting < 6; sitting++) {
      const plan = planGroups({ members, groupCount: 4, history: planned, seed: 100 + sitting });
      plannedRepeats += plan.repeatWeight;
      planned.push(plan.groups);
      for (const values of Object.values(categorySpread(plan.groups, members)))
        for (const gap of Object.values(values)) expect(gap).toBeLessThanOrEqual(1);
      const dealt = randomSplit(people, 4, 900 + sitting);
      randomRepeats += weight(dealt, random);
      random.push(dealt);
    }
    expect(plannedRepeats).toBeLessThan(randomRepeats);
    // And against many random splits of the last sitting, given the planner's own history.
    const history = planned.slice(0, 5);
    const mine = planGroups({ members, groupCount: 4, history, seed: 5 }).repeatWeight;
    const others = Array.from({ length: 50 }, (_, s) => weight(randomSplit(people, 4, s), history));
    expect(mine).toBeLessThan(Math.min(...others));
  });

  it('reports each repeat pair with how often they met, most repeated first', () => {
    const history = [
      [['a', 'b', 'c'], ['d']],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ];
    expect(repeatPairs([['b', 'a', 'd'], ['c']], history)).toEqual([{ a: 'a', b: 'b', times: 2 }]);
    expect(repeatPairs([['c', 'd', 'a']], history)).toEqual([
      { a: 'a', b: 'c', times: 1 },
      { a: 'c', b: 'd', times: 1 },
    ]);
  });

  it('refuses more groups than members', () => {
    expect(() => planGroups({ members: plain(ids(2)), groupCount: 3, history: [], seed: 1 })).toThrow(RangeError);
  });
});
