/**
 * Small groups balanced by categories and rotated between sittings: a pure function of its input
 * (and a seed), so it is tested on its own and gives the same groups for the same input.
 *
 * 1. Balance: for each category (say "age band") and each of its values, the members with that
 *    value are spread over the groups in proportion to the groups' sizes (as evenly as possible:
 *    counts within one of each other whenever the other categories allow it).
 * 2. Rotation: among balanced splits, as few pairs as possible meet again who already shared a
 *    group in an earlier split (`history`, any sitting).
 *
 * A greedy placement, then swaps of two members of different groups while a swap improves the
 * split (balance first, then repeat pairs), from several seeded starts; the best split wins.
 */
export interface PlannerMember {
  id: string;
  /** Category → value, e.g. { ageBand: '25-39', area: 'rural' }. A missing category counts as its own value. */
  categories: Readonly<Record<string, string>>;
}

export interface PlanInput {
  members: readonly PlannerMember[];
  groupCount: number;
  /** Earlier splits, each a list of groups (member ids); members not present now are ignored. */
  history: readonly (readonly (readonly string[])[])[];
  /** Same seed, same input → same groups. */
  seed: number;
  /** Seeded starts to try (more: better splits, slower). */
  starts?: number;
}

export interface RepeatPair {
  a: string;
  b: string;
  /** Earlier splits that already had them together. */
  times: number;
}

export interface GroupPlan {
  groups: string[][];
  /** Pairs who share a group now and did before, most repeated first. */
  repeatPairs: RepeatPair[];
  /** Sum of `times` over the repeat pairs (each earlier meeting counted). */
  repeatWeight: number;
  /** Sum of squared distances of each category value's count from its fair share, over groups. */
  imbalance: number;
}

/** A small, fast, seedable generator (mulberry32): the planner's only source of chance. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** How many earlier splits put each pair together. */
export function meetings(history: PlanInput['history']): Map<string, number> {
  const met = new Map<string, number>();
  for (const split of history) {
    for (const group of split) {
      const ids = [...new Set(group)];
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const key = pairKey(ids[i]!, ids[j]!);
          met.set(key, (met.get(key) ?? 0) + 1);
        }
    }
  }
  return met;
}

/** The pairs of `groups` who met before, most repeated first (then by id, so the list is stable). */
export function repeatPairs(groups: readonly (readonly string[])[], history: PlanInput['history']): RepeatPair[] {
  const met = meetings(history);
  const pairs: RepeatPair[] = [];
  for (const group of groups) {
    const ids = [...group].sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const times = met.get(pairKey(ids[i]!, ids[j]!)) ?? 0;
        if (times > 0) pairs.push({ a: ids[i]!, b: ids[j]!, times });
      }
  }
  return pairs.sort((p, q) => q.times - p.times || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}

/** Per category and value, how many of each group have it: the largest minus the smallest count. */
export function categorySpread(
  groups: readonly (readonly string[])[],
  members: readonly PlannerMember[],
): Record<string, Record<string, number>> {
  const byId = new Map(members.map((m) => [m.id, m]));
  const keys = [...new Set(members.flatMap((m) => Object.keys(m.categories)))];
  const spread: Record<string, Record<string, number>> = {};
  for (const key of keys) {
    const values = [...new Set(members.map((m) => m.categories[key] ?? ''))];
    spread[key] = {};
    for (const value of values) {
      const counts = groups.map((g) => g.filter((id) => (byId.get(id)?.categories[key] ?? '') === value).length);
      spread[key][value] = Math.max(...counts) - Math.min(...counts);
    }
  }
  return spread;
}

/** Group sizes for `n` members in `count` groups: the first `n mod count` one larger. */
export function groupSizes(n: number, count: number): number[] {
  return Array.from({ length: count }, (_, g) => Math.floor(n / count) + (g < n % count ? 1 : 0));
}

export function planGroups(input: PlanInput): GroupPlan {
  const { members, groupCount } = input;
  const n = members.length;
  if (!Number.isInteger(groupCount) || groupCount < 1) throw new RangeError('At least one group is needed');
  if (n < groupCount) throw new RangeError(`Only ${n} members for ${groupCount} groups`);
  const model = buildModel(input);
  const random = seededRandom(input.seed);
  let best: Split | null = null;
  for (let start = 0; start < (input.starts ?? (n <= 200 ? 8 : 2)); start++) {
    const split = improve(model, greedy(model, random));
    if (!best || better(split.imbalance, split.repeats, best.imbalance, best.repeats)) best = split;
  }
  const groups = best!.members.map((g) => g.map((i) => members[i]!.id));
  const pairs = repeatPairs(groups, input.history);
  return {
    groups,
    repeatPairs: pairs,
    repeatWeight: pairs.reduce((sum, p) => sum + p.times, 0),
    imbalance: best!.imbalance,
  };
}

// ---- The search, on member indexes ----

interface Model {
  n: number;
  sizes: number[];
  /** Per member, per category: the value's index. */
  values: number[][];
  /** Per category, per value: how many members have it. */
  totals: number[][];
  /** Earlier meetings between members i and j, at i * n + j. */
  met: Float64Array;
}

interface Split {
  members: number[][];
  groupOf: number[];
  /** Per group, per category, per value: count. */
  counts: number[][][];
  imbalance: number;
  repeats: number;
}

const EPSILON = 1e-9;
const better = (balance: number, repeats: number, thanBalance: number, thanRepeats: number) =>
  balance < thanBalance - EPSILON || (Math.abs(balance - thanBalance) <= EPSILON && repeats < thanRepeats);

function buildModel({ members, groupCount, history }: PlanInput): Model {
  const n = members.length;
  const keys = [...new Set(members.flatMap((m) => Object.keys(m.categories)))].sort();
  const valueIndex = keys.map(() => new Map<string, number>());
  const values = members.map((m) =>
    keys.map((key, k) => {
      const value = m.categories[key] ?? '';
      const index = valueIndex[k]!;
      if (!index.has(value)) index.set(value, index.size);
      return index.get(value)!;
    }),
  );
  const totals = keys.map((_, k) => Array.from({ length: valueIndex[k]!.size }, () => 0));
  for (const row of values) row.forEach((v, k) => totals[k]![v]!++);
  const position = new Map(members.map((m, i) => [m.id, i]));
  const met = new Float64Array(n * n);
  for (const [key, times] of meetings(history)) {
    const [a, b] = key.split('\u0000') as [string, string];
    const [i, j] = [position.get(a), position.get(b)];
    if (i === undefined || j === undefined) continue;
    met[i * n + j] = times;
    met[j * n + i] = times;
  }
  return { n, sizes: groupSizes(n, groupCount), values, totals, met };
}

/** A value's fair share in group `g`: its total in proportion to the group's size. */
const share = (m: Model, g: number, k: number, v: number) => (m.totals[k]![v]! * m.sizes[g]!) / m.n;

/** Places members one by one (in a seeded order) where they add least imbalance, then fewest repeats. */
function greedy(m: Model, random: () => number): Split {
  const order = Array.from({ length: m.n }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const groups = m.sizes.length;
  const split: Split = {
    members: Array.from({ length: groups }, () => []),
    groupOf: Array.from({ length: m.n }, () => -1),
    counts: Array.from({ length: groups }, () => m.totals.map((values) => values.map(() => 0))),
    imbalance: 0,
    repeats: 0,
  };
  for (const person of order) {
    let chosen = -1;
    let chosenBalance = Infinity;
    let chosenRepeats = Infinity;
    for (let g = 0; g < groups; g++) {
      if (split.members[g]!.length >= m.sizes[g]!) continue;
      let balance = 0;
      m.values[person]!.forEach((v, k) => (balance += 2 * (split.counts[g]![k]![v]! - share(m, g, k, v)) + 1));
      let repeats = 0;
      for (const other of split.members[g]!) repeats += m.met[person * m.n + other]!;
      if (chosen < 0 || better(balance, repeats, chosenBalance, chosenRepeats)) {
        [chosen, chosenBalance, chosenRepeats] = [g, balance, repeats];
      }
    }
    split.members[chosen]!.push(person);
    split.groupOf[person] = chosen;
    m.values[person]!.forEach((v, k) => split.counts[chosen]![k]![v]!++);
  }
  split.imbalance = imbalanceOf(m, split);
  split.repeats = repeatsOf(m, split);
  return split;
}

function imbalanceOf(m: Model, split: Split): number {
  let total = 0;
  split.counts.forEach((byKey, g) =>
    byKey.forEach((byValue, k) => byValue.forEach((c, v) => (total += (c - share(m, g, k, v)) ** 2))),
  );
  return total;
}

function repeatsOf(m: Model, split: Split): number {
  let total = 0;
  for (const group of split.members)
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) total += m.met[group[i]! * m.n + group[j]!]!;
  return total;
}

/** Swaps two members of different groups while some swap improves the split; a bounded number of passes. */
function improve(m: Model, split: Split): Split {
  const MAX_PASSES = 50;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let x = 0; x < m.n; x++) {
      for (let y = x + 1; y < m.n; y++) {
        const [a, b] = [split.groupOf[x]!, split.groupOf[y]!];
        if (a === b) continue;
        const dBalance = balanceDelta(m, split, x, a, y, b);
        if (dBalance > EPSILON) continue;
        const dRepeats = repeatsDelta(m, split, x, a, y, b);
        if (!better(dBalance, dRepeats, 0, 0)) continue;
        swap(m, split, x, a, y, b);
        split.imbalance += dBalance;
        split.repeats += dRepeats;
        improved = true;
      }
    }
    if (!improved) break;
  }
  split.imbalance = imbalanceOf(m, split); // no drift from summed deltas
  return split;
}

function balanceDelta(m: Model, split: Split, x: number, a: number, y: number, b: number): number {
  let delta = 0;
  const [vx, vy] = [m.values[x]!, m.values[y]!];
  for (let k = 0; k < vx.length; k++) {
    const [p, q] = [vx[k]!, vy[k]!];
    if (p === q) continue;
    // Group a loses a p and gains a q; group b the reverse. (c±1−s)² − (c−s)² = ±2(c−s) + 1.
    delta += -2 * (split.counts[a]![k]![p]! - share(m, a, k, p)) + 1;
    delta += 2 * (split.counts[a]![k]![q]! - share(m, a, k, q)) + 1;
    delta += 2 * (split.counts[b]![k]![p]! - share(m, b, k, p)) + 1;
    delta += -2 * (split.counts[b]![k]![q]! - share(m, b, k, q)) + 1;
  }
  return delta;
}

function repeatsDelta(m: Model, split: Split, x: number, a: number, y: number, b: number): number {
  let delta = 0;
  for (const u of split.members[a]!) if (u !== x) delta += m.met[y * m.n + u]! - m.met[x * m.n + u]!;
  for (const v of split.members[b]!) if (v !== y) delta += m.met[x * m.n + v]! - m.met[y * m.n + v]!;
  return delta;
}

function swap(m: Model, split: Split, x: number, a: number, y: number, b: number): void {
  const [ga, gb] = [split.members[a]!, split.members[b]!];
  ga[ga.indexOf(x)] = y;
  gb[gb.indexOf(y)] = x;
  split.groupOf[x] = b;
  split.groupOf[y] = a;
  m.values[x]!.forEach((v, k) => {
    split.counts[a]![k]![v]!--;
    split.counts[b]![k]![v]!++;
  });
  m.values[y]!.forEach((v, k) => {
    split.counts[b]![k]![v]!--;
    split.counts[a]![k]![v]!++;
  });
}
