import { solve, type Model } from 'yalps';

/**
 * Fair panels by lot: the LEXIMIN lottery over panels (Flanigan, Gölz, Gupta, Hennig and
 * Procaccia, "Fair algorithms for selecting citizens' assemblies", Nature 596, 2021), computed by
 * column generation as the Sortition Foundation's selection software does:
 *
 * 1. Among all lotteries over panels meeting the quotas, maximise the lowest chance any member
 *    has; fix the members whose chance cannot rise above it; maximise the lowest chance among the
 *    others, keeping those fixed; and so on until every chance is fixed.
 * 2. Each stage solves the dual of "maximise z subject to every free member's chance ≥ z and
 *    every fixed one's ≥ its value" over the panels found so far: weights y (those of free members
 *    sum to 1) and a cap ŷ no known panel's weight exceeds. A panel weighing more than ŷ (found by
 *    an integer program maximising its weight among panels meeting the quotas) is added and the
 *    dual solved again; when none is left, the dual's value is the stage's best z, and the free
 *    members with positive weight are fixed at it.
 * 3. A last LP finds the panels' probabilities giving everyone their fixed chance.
 *
 * One reduction keeps it small: members whom no quota tells apart (the same value in every
 * category a quota names) form a type, and the LEXIMIN chances of a type's members are equal (the
 * optimum's chances are unique, and swapping two such members maps lotteries to lotteries). So
 * the lottery is over compositions — how many of each type sit — and a composition's seats in a
 * type go to that many of its members chosen uniformly at random (`panelLottery.ts`). A member of
 * type t then has chance Σ λ_c · c_t / n_t. The integer programs branch on a few dozen type
 * counts, never on swaps of interchangeable members.
 *
 * Everything runs in `yalps` (pure JavaScript simplex with branch and bound), with iteration
 * limits and no wall clock, so the same inputs give the same lottery on any machine. Measured in
 * `leximin.test.ts` up to 150 members and panels of 30 over three categories; a solver stopping
 * at its limit is reported (`PanelSolverLimit`), never guessed around.
 */

export interface PoolMember {
  /** The member's pseudonymous id in this draw (never their name or participant id). */
  id: string;
  /** category → value, as the organisers imported them; a category missing is counted by no quota. */
  categories: Record<string, string>;
}

/** How many of the panel must have this value of this category: min ≤ count ≤ max. */
export interface PanelQuota {
  category: string;
  value: string;
  min: number;
  max: number;
}

/** Members no quota tells apart, by pool index (ascending), and the quotas counting them. */
export interface MemberType {
  members: number[];
  rows: string[];
}

export interface Distribution {
  types: MemberType[];
  /** Compositions (seats per type, in `types` order) and the probability of each, summing to 1. */
  compositions: { counts: number[]; probability: number }[];
  /** Each pool member's chance of being selected under that lottery. */
  chances: number[];
}

/** Numbers closer than this are equal: the solvers' own precision is 1e-9. */
const EPS = 1e-7;
const SOLVER = { precision: 1e-9, maxIterations: 20_000, maxPivots: 50_000 } as const;

const PERTURB = 1e-11;

export class PanelSolverLimit extends Error {}

export function typesOf(pool: readonly PoolMember[], quotas: readonly PanelQuota[]): MemberType[] {
  const categories = [...new Set(quotas.map((q) => q.category))].sort();
  const byKey = new Map<string, number[]>();
  pool.forEach((m, i) => {
    const key = JSON.stringify(categories.map((c) => m.categories[c] ?? null));
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  // In order of first member, so the solvers see the same model for the same inputs.
  return [...byKey.values()].map((members) => ({
    members,
    rows: quotas.flatMap((q, k) => (pool[members[0]!]!.categories[q.category] === q.value ? [`q${k}`] : [])),
  }));
}

/**
 * A composition meeting the quotas that maximises Σ weights[t] · count[t], or null if none
 * meets them.
 */
export function bestComposition(
  types: readonly MemberType[],
  quotas: readonly PanelQuota[],
  size: number,
  weights: readonly number[],
): number[] | null {
  const constraints: [string, { min?: number; max?: number; equal?: number }][] = [['size', { equal: size }]];
  quotas.forEach((q, k) => constraints.push([`q${k}`, { min: q.min, max: q.max }]));
  types.forEach((t, k) => constraints.push([`n${k}`, { max: t.members.length }]));
  const model: Model = {
    direction: 'maximize',
    objective: 'weight',
    constraints,
    variables: types.map((t, k) => [
      `c${k}`,
      [['size', 1], ['weight', weights[k] ?? 0], [`n${k}`, 1], ...t.rows.map((r): [string, number] => [r, 1])],
    ]),
    integers: true,
  };
  const solution = solve(model, SOLVER);
  if (solution.status === 'infeasible') return null;
  if (solution.status !== 'optimal') throw new PanelSolverLimit(`the panel search stopped (${solution.status})`);
  const counts = new Array<number>(types.length).fill(0);
  for (const [key, value] of solution.variables) counts[Number(key.slice(1))] = Math.round(value);
  return counts;
}

/** The LP of a stage over the compositions known so far: the types' weights, the cap, the value. */
function solveDual(types: readonly MemberType[], known: readonly number[][], fixed: ReadonlyMap<number, number>) {
  const variables: [string, [string, number][]][] = types.map((t, k) => {
    const share = (c: number[]) => c[k]! / t.members.length;
    const coefficients: [string, number][] = known.flatMap((c, j): [string, number][] =>
      c[k]! > 0 ? [[`p${j}`, share(c)]] : [],
    );
    coefficients.push(fixed.has(k) ? ['value', -fixed.get(k)!] : ['free', 1]);
    return [`y${k}`, coefficients];
  });
  variables.push(['cap', [['value', 1], ...known.map((_, j): [string, number] => [`p${j}`, -1])]]);
  const model: Model = {
    direction: 'minimize',
    objective: 'value',
    // Each cap row is loosened by a distinct tiny amount: the LP is highly degenerate (many
    // compositions tie at the cap) and without it the simplex can cycle.
    constraints: [
      ['free', { equal: 1 }],
      ...known.map((_, j): [string, { max: number }] => [`p${j}`, { max: PERTURB * (j + 1) }]),
    ],
    variables,
  };
  const solution = solve(model, SOLVER);
  if (solution.status !== 'optimal') throw new PanelSolverLimit(`the fairness step stopped (${solution.status})`);
  const weights = new Array<number>(types.length).fill(0);
  let cap = 0;
  for (const [key, value] of solution.variables) {
    if (key === 'cap') cap = value;
    else weights[Number(key.slice(1))] = value;
  }
  return { weights, cap, value: solution.result };
}

/** Step 3: the compositions' probabilities giving each type (at least) its fixed chance. */
function solvePrimal(types: readonly MemberType[], known: readonly number[][], fixed: ReadonlyMap<number, number>) {
  const variables: [string, [string, number][]][] = known.map((c, j) => [
    `l${j}`,
    [
      ['total', 1],
      ...types.flatMap((t, k): [string, number][] => (c[k]! > 0 ? [[`a${k}`, c[k]! / t.members.length]] : [])),
    ],
  ]);
  // A shortfall per type, minimised: always feasible, zero at the optimum up to rounding.
  types.forEach((_, k) =>
    variables.push([
      `d${k}`,
      [
        [`a${k}`, 1],
        ['shortfall', 1],
      ],
    ]),
  );
  const model: Model = {
    direction: 'minimize',
    objective: 'shortfall',
    constraints: [
      ['total', { equal: 1 }],
      ...[...fixed].map(([k, chance]): [string, { min: number }] => [`a${k}`, { min: chance }]),
    ],
    variables,
  };
  const solution = solve(model, SOLVER);
  if (solution.status !== 'optimal') throw new PanelSolverLimit(`the final lottery stopped (${solution.status})`);
  const lambda = new Array<number>(known.length).fill(0);
  for (const [key, value] of solution.variables) if (key.startsWith('l')) lambda[Number(key.slice(1))] = value;
  return lambda;
}

/**
 * The LEXIMIN lottery of panels of `size` meeting `quotas`, or null when no panel meets them
 * (`quotaProblem` says why). Probabilities here are the solver's floating-point values;
 * `roundLottery` fixes them to whole millionths before anything is drawn.
 */
export function leximin(pool: readonly PoolMember[], quotas: readonly PanelQuota[], size: number): Distribution | null {
  const types = typesOf(pool, quotas);
  const m = types.length;
  const known: number[][] = [];
  const seen = new Set<string>();
  const add = (c: number[]) => {
    const key = c.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    known.push(c);
    return true;
  };
  const first = bestComposition(types, quotas, size, new Array<number>(m).fill(0));
  if (!first) return null;
  add(first);
  // Start with compositions covering every type that can sit: each search favours one type not yet
  // covered, then the others not yet covered. A type no panel can hold has chance 0.
  const fixed = new Map<number, number>();
  const covered = new Set(first.flatMap((c, k) => (c > 0 ? [k] : [])));
  for (let k = 0; k < m; k++) {
    if (covered.has(k)) continue;
    const composition = bestComposition(
      types,
      quotas,
      size,
      types.map((_, j) => (j === k ? size * m : covered.has(j) ? 0 : 1)),
    )!;
    if (composition[k] === 0) {
      fixed.set(k, 0);
      continue;
    }
    add(composition);
    composition.forEach((c, j) => c > 0 && covered.add(j));
  }
  while (fixed.size < m) {
    let dual = solveDual(types, known, fixed);
    for (;;) {
      const weights = dual.weights.map((y, k) => y / types[k]!.members.length);
      const composition = bestComposition(types, quotas, size, weights)!;
      const weight = composition.reduce((sum, c, k) => sum + c * weights[k]!, 0);
      if (weight <= dual.cap + EPS || !add(composition)) break;
      dual = solveDual(types, known, fixed);
    }
    // A hair below the optimum, so later stages stay feasible whatever the rounding (the dual of
    // an infeasible LP is unbounded).
    const level = Math.max(0, dual.value - EPS);
    types.forEach((_, k) => {
      if (!fixed.has(k) && dual.weights[k]! > EPS) fixed.set(k, level);
    });
  }
  const lambda = solvePrimal(types, known, fixed);
  const total = lambda.reduce((a, b) => a + b, 0);
  const compositions = known
    .map((counts, j) => ({ counts, probability: lambda[j]! / total }))
    .filter((c) => c.probability > 0);
  const chances = new Array<number>(pool.length).fill(0);
  for (const c of compositions) {
    types.forEach((t, k) => {
      for (const i of t.members) chances[i]! += (c.probability * c.counts[k]!) / t.members.length;
    });
  }
  return { types, compositions, chances };
}
