/**
 * A second, deliberately naive counter for the property tests: written from the stated rules in
 * tally.ts without sharing any of its code or its shape. Thresholds are compared as reduced BigInt
 * fractions; instant runoff recounts every round from scratch with explicit piles of ballots and
 * picks whom to eliminate by sorting on the whole history at once. Slow, obvious, test-only.
 */
import type { BallotChoice, VoteRules } from '@moot/protocol';

export interface NaiveResult {
  quorumMet: boolean;
  passed: boolean;
  winner: number | null;
  counts: Record<string, number>;
  rounds?: { counts: Record<string, number>; eliminated: number | null }[];
}

interface Fraction {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const fraction = (n: bigint, d: bigint): Fraction => {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
/** a ≥ b for fractions with positive denominators. */
const notBelow = (a: Fraction, b: Fraction) => a.n * b.d >= b.n * a.d;

/** The shortest decimal that reads back as the same double, found by trying ever more digits. */
export function decimalFraction(x: number): Fraction {
  for (let digits = 1; digits <= 17; digits++) {
    const text = x.toExponential(digits - 1);
    if (Number(text) !== x) continue;
    const [mantissa = '', exponent = '0'] = text.split('e');
    const [whole = '', frac = ''] = mantissa.split('.');
    const power = Number(exponent) - frac.length;
    const n = BigInt(whole + frac);
    return power >= 0 ? fraction(n * 10n ** BigInt(power), 1n) : fraction(n, 10n ** BigInt(-power));
  }
  throw new Error(`no decimal for ${x}`);
}

function countEach(keys: readonly string[], values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) out[key] = values.filter((v) => v === key).length;
  return out;
}

export function naiveTally(
  rules: VoteRules,
  ballots: readonly BallotChoice[],
  quorum: { eligible: number; quorumNeeded: number },
): NaiveResult {
  const quorumMet = !(ballots.length < quorum.quorumNeeded);
  const decided = naiveDecide(rules, ballots);
  if (!quorumMet) return { quorumMet, passed: false, winner: null, counts: decided.counts };
  return { quorumMet, ...decided };
}

function naiveDecide(rules: VoteRules, ballots: readonly BallotChoice[]): Omit<NaiveResult, 'quorumMet'> {
  if (rules.method === 'yes_no') {
    const votes = ballots.map((b) => (b.method === 'yes_no' ? b.choice : 'invalid'));
    const counts = countEach(['yes', 'no', 'abstain'], votes);
    const yes = BigInt(counts.yes ?? 0);
    const rest = BigInt((counts.no ?? 0) + (rules.abstentionsCount ? (counts.abstain ?? 0) : 0));
    const total = yes + rest;
    let passed: boolean;
    if (total === 0n) passed = false;
    else if (rules.threshold.kind === 'simple')
      passed = yes > rest; // more than half ⇔ more yes than everything else
    else if (rules.threshold.kind === 'two_thirds')
      passed = yes >= 2n * rest; // ⅔ ⇔ at least twice the rest
    else passed = notBelow(fraction(yes, total), decimalFraction(rules.threshold.share));
    return { passed, winner: null, counts };
  }
  if (rules.method === 'consent') {
    const votes = ballots.map((b) => (b.method === 'consent' ? b.choice : 'invalid'));
    const counts = countEach(
      ['endorse', 'agree', 'agree_with_reservations', 'stand_aside', 'disagree', 'block'],
      votes,
    );
    const agreeing = votes.filter((v) => v === 'endorse' || v === 'agree' || v === 'agree_with_reservations').length;
    const considered = votes.filter((v) => v !== 'stand_aside').length;
    const anyBlock = votes.some((v) => v === 'block');
    const passed =
      !anyBlock &&
      considered > 0 &&
      notBelow(fraction(BigInt(agreeing), BigInt(considered)), decimalFraction(rules.agreeShare));
    return { passed, winner: null, counts };
  }
  if (rules.method === 'approval') {
    const counts: Record<string, number> = {};
    rules.options.forEach((_, option) => {
      counts[String(option)] = ballots.filter((b) => b.method === 'approval' && b.approved.includes(option)).length;
    });
    const best = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    const [first, second] = best;
    const unique = first !== undefined && first[1] > 0 && (second === undefined || second[1] < first[1]);
    const winner = unique ? Number(first[0]) : null;
    return { passed: winner !== null, winner, counts };
  }
  if (rules.method === 'support') throw new RangeError('A final ballot is checked in supportTally.test.ts');
  const rankings = ballots.map((b) => (b.method === 'ranked' ? b.ranking : []));
  return naiveRunoff(rules.options.length, rankings);
}

function naiveRunoff(optionCount: number, rankings: readonly (readonly number[])[]): Omit<NaiveResult, 'quorumMet'> {
  const eliminated = new Set<number>();
  const history: Map<number, number>[] = [];
  const rounds: { counts: Record<string, number>; eliminated: number | null }[] = [];
  let winner: number | null = null;
  let done = false;
  while (!done) {
    const alive = Array.from({ length: optionCount }, (_, i) => i).filter((i) => !eliminated.has(i));
    // Piles of ballot numbers, one per option still alive.
    const piles = new Map<number, Set<number>>(alive.map((i) => [i, new Set<number>()]));
    rankings.forEach((ranking, ballot) => {
      for (const option of ranking) {
        const pile = piles.get(option);
        if (pile) {
          pile.add(ballot);
          break;
        }
      }
    });
    const tally = new Map<number, number>([...piles].map(([option, pile]) => [option, pile.size]));
    history.unshift(tally); // newest round first
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    const counts = Object.fromEntries([...tally].map(([option, n]) => [String(option), n]));
    const majority = alive.filter((i) => (tally.get(i) ?? 0) > total / 2);
    if (majority.length === 1 || total === 0) {
      winner = majority[0] ?? null;
      rounds.push({ counts, eliminated: null });
      done = true;
      continue;
    }
    // Sort by (votes now, votes the round before, …, votes in round 1, later-listed first); the first goes.
    const key = (option: number) => [...history.map((round) => round.get(option) ?? 0), optionCount - option];
    const order = [...alive].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] ?? 0) - (kb[i] ?? 0);
      return 0;
    });
    const out = order[0];
    if (out === undefined) throw new Error('nothing left to eliminate');
    eliminated.add(out);
    rounds.push({ counts, eliminated: out });
  }
  const first = history.at(-1) ?? new Map<number, number>();
  const counts = Object.fromEntries(Array.from({ length: optionCount }, (_, i) => [String(i), first.get(i) ?? 0]));
  return { passed: winner !== null, winner, counts, rounds };
}
