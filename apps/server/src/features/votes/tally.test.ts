import {
  CONSENT_CHOICES,
  LIMITS,
  YES_NO_CHOICES,
  type BallotChoice,
  type ConsentChoice,
  type Threshold,
  type VoteRules,
} from '@moot/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalFraction, naiveTally } from './bruteForce.test-support.ts';
import { tally, validateBallot } from './tally.ts';

const seed = Number(process.env.TEST_SEED ?? Date.now());
console.log(`tally property tests: seed ${seed} (repeat with TEST_SEED=${seed})`);
const runs = { seed, numRuns: 300 };

const noQuorum = { eligible: 100, quorumNeeded: 0 };
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);
const yesNo = (yes: number, no: number, abstain = 0): BallotChoice[] => [
  ...times(yes, () => ({ method: 'yes_no', choice: 'yes' }) as const),
  ...times(no, () => ({ method: 'yes_no', choice: 'no' }) as const),
  ...times(abstain, () => ({ method: 'yes_no', choice: 'abstain' }) as const),
];
const consent = (spec: Partial<Record<ConsentChoice, number>>): BallotChoice[] =>
  CONSENT_CHOICES.flatMap((choice) => times(spec[choice] ?? 0, () => ({ method: 'consent', choice }) as const));
const yesNoRules = (threshold: Threshold, abstentionsCount = false): VoteRules => ({
  method: 'yes_no',
  threshold,
  abstentionsCount,
});
/** Ranked ballots from a preference schedule: [how many voters, their order by option name]. */
function schedule(options: readonly string[], rows: [number, string[]][]): BallotChoice[] {
  return rows.flatMap(([n, order]) =>
    times(n, () => ({
      method: 'ranked' as const,
      ranking: order.map((name) => {
        const i = options.indexOf(name);
        if (i < 0) throw new Error(`unknown option ${name}`);
        return i;
      }),
    })),
  );
}

describe('yes/no thresholds at their boundaries', () => {
  it('passes at exactly two thirds and fails one vote short', () => {
    const rules = yesNoRules({ kind: 'two_thirds' });
    const exact = tally(rules, yesNo(10, 5), noQuorum);
    expect(exact).toMatchObject({ passed: true, winner: null, counts: { yes: 10, no: 5, abstain: 0 } });
    expect(exact.explanation).toBe(
      'Passed: 10 yes of 15 counted (66.7%) is at least two thirds; 5 no, 0 abstaining (not counted).',
    );
    expect(tally(rules, yesNo(9, 5), noQuorum).passed).toBe(false); // 9/14 = 64.3%
    expect(tally(rules, yesNo(9, 6), noQuorum).passed).toBe(false); // one short of 10/15
  });

  it('fails a simple majority at exactly half and passes with one more yes', () => {
    const rules = yesNoRules({ kind: 'simple' });
    const half = tally(rules, yesNo(5, 5), noQuorum);
    expect(half.passed).toBe(false);
    expect(half.explanation).toBe(
      'Failed: 5 yes of 10 counted (50%) is not more than half; 5 no, 0 abstaining (not counted).',
    );
    expect(tally(rules, yesNo(6, 5), noQuorum).passed).toBe(true);
  });

  it('passes a 0.6 share at exactly 60% and fails just under it', () => {
    const rules = yesNoRules({ kind: 'share', share: 0.6 });
    const exact = tally(rules, yesNo(6, 4), noQuorum);
    expect(exact.passed).toBe(true);
    expect(exact.explanation).toBe(
      'Passed: 6 yes of 10 counted (60%) is at least 60%; 4 no, 0 abstaining (not counted).',
    );
    expect(tally(rules, yesNo(3, 2), noQuorum).passed).toBe(true);
    expect(tally(rules, yesNo(59, 41), noQuorum).passed).toBe(false);
    expect(tally(rules, yesNo(599, 401), noQuorum).passed).toBe(false);
  });

  it('reads a share as the decimal it is written as, where float multiplication would fail', () => {
    // In floating point 0.07 * 100 === 7.000000000000001 and 0.55 * 100 === 55.00000000000001.
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(tally(yesNoRules({ kind: 'share', share: 0.55 }), yesNo(55, 45), noQuorum).passed).toBe(true);
    expect(tally(yesNoRules({ kind: 'share', share: 0.07 }), yesNo(7, 93), noQuorum).passed).toBe(true);
    expect(tally(yesNoRules({ kind: 'share', share: 0.07 }), yesNo(6, 94), noQuorum).passed).toBe(false);
    expect(tally(yesNoRules({ kind: 'share', share: 1 }), yesNo(10, 0), noQuorum).passed).toBe(true);
    expect(tally(yesNoRules({ kind: 'share', share: 1 }), yesNo(10, 1), noQuorum).passed).toBe(false);
  });

  it('flips a result when abstentions are counted in the denominator', () => {
    const ballots = yesNo(6, 4, 2);
    const ignored = tally(yesNoRules({ kind: 'simple' }, false), ballots, noQuorum);
    const counted = tally(yesNoRules({ kind: 'simple' }, true), ballots, noQuorum);
    expect(ignored.passed).toBe(true); // 6 of 10
    expect(counted.passed).toBe(false); // 6 of 12 is exactly half
    expect(counted.explanation).toBe(
      'Failed: 6 yes of 12 counted (50%) is not more than half; 4 no, 2 abstaining (counted).',
    );
    expect(counted.counts).toEqual({ yes: 6, no: 4, abstain: 2 });
  });

  it('fails when there is nothing to count', () => {
    const allAbstain = tally(yesNoRules({ kind: 'simple' }), yesNo(0, 0, 3), noQuorum);
    expect(allAbstain).toMatchObject({ passed: false, winner: null, counts: { yes: 0, no: 0, abstain: 3 } });
    expect(allAbstain.explanation).toBe('Failed: no votes to count (0 no, 3 abstaining (not counted)).');
    expect(tally(yesNoRules({ kind: 'two_thirds' }, true), [], noQuorum)).toMatchObject({ passed: false, ballots: 0 });
  });

  it('never rounds the percentage across the bar', () => {
    // 1001/2001 = 50.02%, which would round to "50%" beside "more than half".
    expect(tally(yesNoRules({ kind: 'simple' }), yesNo(1001, 1000), noQuorum).explanation).toContain('(50.1%)');
    // 6666/10000 = 66.66%, which would round to "66.7%" beside "less than two thirds".
    const short = tally(yesNoRules({ kind: 'two_thirds' }), yesNo(6666, 3334), noQuorum);
    expect(short.passed).toBe(false);
    expect(short.explanation).toContain('(66.6%) is less than two thirds');
  });
});

describe('quorum', () => {
  it('decides when quorum is exactly met and reports "No quorum" one ballot short', () => {
    const rules = yesNoRules({ kind: 'simple' });
    const met = tally(rules, yesNo(7, 5), { eligible: 20, quorumNeeded: 12 });
    expect(met).toMatchObject({ ballots: 12, eligible: 20, quorumNeeded: 12, quorumMet: true, passed: true });
    const short = tally(rules, yesNo(7, 4), { eligible: 20, quorumNeeded: 12 });
    expect(short).toMatchObject({ ballots: 11, quorumMet: false, passed: false, winner: null });
    expect(short.counts).toEqual({ yes: 7, no: 4, abstain: 0 });
    expect(short.explanation).toBe(
      'No quorum: 11 of 12 needed ballots were cast (20 eligible), so nothing is decided.',
    );
    expect(short.explanation.startsWith('No quorum: 11 of 12 needed')).toBe(true);
  });

  it('names no winner without quorum even when one option has every vote', () => {
    const rules: VoteRules = { method: 'ranked', options: ['A', 'B'] };
    const result = tally(rules, schedule(['A', 'B'], [[3, ['A']]]), { eligible: 10, quorumNeeded: 4 });
    expect(result).toMatchObject({ quorumMet: false, passed: false, winner: null, counts: { '0': 3, '1': 0 } });
    expect(result.rounds).toBeUndefined();
  });

  it('does not crash on no ballots for any method', () => {
    const all: VoteRules[] = [
      yesNoRules({ kind: 'share', share: 0.5 }),
      { method: 'consent', agreeShare: 0.75 },
      { method: 'approval', options: ['A', 'B'] },
      { method: 'ranked', options: ['A', 'B', 'C'] },
    ];
    for (const rules of all) {
      for (const quorumNeeded of [0, 1]) {
        const result = tally(rules, [], { eligible: 0, quorumNeeded });
        expect(result).toMatchObject({ ballots: 0, passed: false, winner: null, quorumMet: quorumNeeded === 0 });
      }
    }
  });
});

describe('consent', () => {
  const rules: VoteRules = { method: 'consent', agreeShare: 0.75 };

  it('passes at exactly the agree share, with those standing aside left out', () => {
    const result = tally(
      rules,
      consent({ endorse: 2, agree: 3, agree_with_reservations: 1, disagree: 2, stand_aside: 4 }),
      noQuorum,
    );
    expect(result.passed).toBe(true); // 6 of 8
    expect(result.counts).toEqual({
      endorse: 2,
      agree: 3,
      agree_with_reservations: 1,
      stand_aside: 4,
      disagree: 2,
      block: 0,
    });
    expect(result.explanation).toBe('Passed: 6 of 8 agree (75%), at least 75%, with no block (4 stood aside).');
    expect(tally(rules, consent({ agree: 5, disagree: 2, stand_aside: 4 }), noQuorum).passed).toBe(false); // 5 of 7
  });

  it('fails on a single block however many agree', () => {
    const result = tally(rules, consent({ endorse: 30, block: 1 }), noQuorum);
    expect(result.passed).toBe(false);
    expect(result.explanation).toBe('Failed: 1 block, and consent allows none (30 of 31 agree, 0 stood aside).');
    expect(tally(rules, consent({ agree: 3, block: 2 }), noQuorum).explanation).toContain('2 blocks');
  });

  it('fails when everyone stands aside', () => {
    const result = tally(rules, consent({ stand_aside: 4 }), noQuorum);
    expect(result.passed).toBe(false);
    expect(result.explanation).toBe('Failed: all 4 ballots stood aside, so there is no agreement to count.');
  });
});

describe('approval', () => {
  const rules: VoteRules = { method: 'approval', options: ['Park', 'Pool', 'Library'] };
  const approve = (...sets: number[][]): BallotChoice[] => sets.map((approved) => ({ method: 'approval', approved }));

  it('elects the option with the most approvals', () => {
    const result = tally(rules, approve([0, 1], [0], [2, 0], [1]), noQuorum);
    expect(result).toMatchObject({ passed: true, winner: 0, counts: { '0': 3, '1': 2, '2': 1 } });
    expect(result.explanation).toBe('“Park” wins with 3 approvals from 4 ballots.');
  });

  it('does not break a tie for most approvals', () => {
    const result = tally(rules, approve([0, 1], [1, 2], [0]), noQuorum);
    expect(result).toMatchObject({ passed: false, winner: null, counts: { '0': 2, '1': 2, '2': 1 } });
    expect(result.explanation).toBe(
      'Tie between “Park” and “Pool” with 2 approvals each from 3 ballots; ties are not broken, so the assembly votes again.',
    );
  });

  it('has no winner when nothing was approved', () => {
    const result = tally(rules, approve([], []), noQuorum);
    expect(result).toMatchObject({ passed: false, winner: null, counts: { '0': 0, '1': 0, '2': 0 } });
    expect(result.explanation).toBe('No winner: no option was approved from 2 ballots.');
  });
});

describe('instant runoff, worked examples', () => {
  it('reproduces the Tennessee capital example: Knoxville wins though Memphis leads round 1', () => {
    // Wikipedia, "Instant-runoff voting" (and electowiki, "Tennessee example"): voters live in four
    // cities and rank by distance. 42% Memphis > Nashville > Chattanooga > Knoxville; 26% Nashville >
    // Chattanooga > Knoxville > Memphis; 15% Chattanooga > Knoxville > Nashville > Memphis; 17%
    // Knoxville > Chattanooga > Nashville > Memphis. Round 1: M 42, N 26, C 15, K 17 — Chattanooga out,
    // its 15 go to Knoxville (32). Round 2: Nashville (26) out, its votes pass Chattanooga to
    // Knoxville. Round 3: Knoxville 58, Memphis 42. Memphis, the plurality leader, loses.
    const options = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
    const ballots = schedule(options, [
      [42, ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville']],
      [26, ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis']],
      [15, ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis']],
      [17, ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis']],
    ]);
    const result = tally({ method: 'ranked', options }, ballots, noQuorum);
    expect(result.winner).toBe(3);
    expect(result.passed).toBe(true);
    expect(result.counts).toEqual({ '0': 42, '1': 26, '2': 15, '3': 17 });
    expect(result.rounds).toEqual([
      { counts: { '0': 42, '1': 26, '2': 15, '3': 17 }, eliminated: 2 },
      { counts: { '0': 42, '1': 26, '3': 32 }, eliminated: 1 },
      { counts: { '0': 42, '3': 58 }, eliminated: null },
    ]);
    expect(result.explanation).toBe(
      '“Knoxville” wins in round 3 with 58 of 100 votes (58%) after “Chattanooga” and “Nashville” were eliminated.',
    );
  });

  it('reproduces the 55-voter five-candidate example: the plurality leader A loses to C', () => {
    // The classic schedule from COMAP, "For All Practical Purposes" (ch. "Social Choice"), used in
    // J. D. Stein, "How Math Explains the World" (2008), pp. 211–212, and VCU MAT 131 lecture 1:
    // 18 A>D>E>C>B, 12 B>E>D>C>A, 10 C>B>E>D>A, 9 D>C>E>B>A, 4 E>B>D>C>A, 2 E>C>D>B>A.
    // Plurality elects A (18); the "survivor"/instant runoff count goes: E (6) out — 4 to B, 2 to
    // C; D (9) out — to C; then A 18, B 16, C 21 and B out — all to C; C wins 37 to 18.
    const options = ['A', 'B', 'C', 'D', 'E'];
    const ballots = schedule(options, [
      [18, ['A', 'D', 'E', 'C', 'B']],
      [12, ['B', 'E', 'D', 'C', 'A']],
      [10, ['C', 'B', 'E', 'D', 'A']],
      [9, ['D', 'C', 'E', 'B', 'A']],
      [4, ['E', 'B', 'D', 'C', 'A']],
      [2, ['E', 'C', 'D', 'B', 'A']],
    ]);
    const result = tally({ method: 'ranked', options }, ballots, noQuorum);
    expect(result.winner).toBe(2);
    expect(result.rounds).toEqual([
      { counts: { '0': 18, '1': 12, '2': 10, '3': 9, '4': 6 }, eliminated: 4 },
      { counts: { '0': 18, '1': 16, '2': 12, '3': 9 }, eliminated: 3 },
      { counts: { '0': 18, '1': 16, '2': 21 }, eliminated: 1 },
      { counts: { '0': 18, '2': 37 }, eliminated: null },
    ]);
    expect(result.explanation).toBe(
      '“C” wins in round 4 with 37 of 55 votes (67.3%) after “E”, “D” and “B” were eliminated.',
    );
  });

  it('elects a first-round majority straight away', () => {
    const options = ['Yes', 'No', 'Later'];
    const result = tally(
      { method: 'ranked', options },
      schedule(options, [
        [7, ['Yes']],
        [6, ['No', 'Later']],
      ]),
      noQuorum,
    );
    expect(result.rounds).toEqual([{ counts: { '0': 7, '1': 6, '2': 0 }, eliminated: null }]);
    expect(result.explanation).toBe('“Yes” wins in round 1 with 7 of 13 votes (53.8%).');
  });
});

describe('instant runoff, the tie-break for elimination', () => {
  it('eliminates the option that had fewer votes in the previous round, even if listed first', () => {
    // Round 1: Ash 5, Birch 3, Cedar 4, Dogwood 1 → Dogwood out, to Birch.
    // Round 2: Ash 5, Birch 4, Cedar 4 → tied for last; Birch had fewer in round 1 → Birch out
    // (listing order alone would have removed Cedar). Round 3: Ash 6, Cedar 7 → Cedar.
    const options = ['Ash', 'Birch', 'Cedar', 'Dogwood'];
    const ballots = schedule(options, [
      [5, ['Ash']],
      [3, ['Birch', 'Cedar']],
      [4, ['Cedar']],
      [1, ['Dogwood', 'Birch', 'Ash']],
    ]);
    const result = tally({ method: 'ranked', options }, ballots, noQuorum);
    expect(result.rounds).toEqual([
      { counts: { '0': 5, '1': 3, '2': 4, '3': 1 }, eliminated: 3 },
      { counts: { '0': 5, '1': 4, '2': 4 }, eliminated: 1 },
      { counts: { '0': 6, '2': 7 }, eliminated: null },
    ]);
    expect(result.winner).toBe(2);
    expect(result.explanation).toContain(
      'Round 2 was tied for fewest votes between “Birch” and “Cedar”: “Birch” was eliminated, the one with fewer votes in round 1, as the rules state.',
    );
    expect(result.explanation).not.toContain('Round 1 was tied');
  });

  it('goes back round by round, and falls back to listing order when tied throughout', () => {
    // Round 1: Alder 6, Cherry 2, Beech 3, Dogwood 1, Elm 1 → Dogwood and Elm tied with no earlier
    // round → Elm, listed later, out; to Cherry. Round 2: Alder 6, Cherry 3, Beech 3, Dogwood 1 →
    // Dogwood out (that ballot is exhausted). Round 3: Alder 6, Cherry 3, Beech 3 of 12 → tied, and
    // tied in round 2 too; in round 1 Cherry had 2 and Beech 3 → Cherry out. Round 4: Alder 7, Beech 5.
    const options = ['Alder', 'Cherry', 'Beech', 'Dogwood', 'Elm'];
    const ballots = schedule(options, [
      [6, ['Alder']],
      [3, ['Beech']],
      [1, ['Cherry', 'Alder']],
      [1, ['Cherry', 'Beech']],
      [1, ['Dogwood']],
      [1, ['Elm', 'Cherry', 'Beech']],
    ]);
    const result = tally({ method: 'ranked', options }, ballots, noQuorum);
    expect(result.rounds).toEqual([
      { counts: { '0': 6, '1': 2, '2': 3, '3': 1, '4': 1 }, eliminated: 4 },
      { counts: { '0': 6, '1': 3, '2': 3, '3': 1 }, eliminated: 3 },
      { counts: { '0': 6, '1': 3, '2': 3 }, eliminated: 1 },
      { counts: { '0': 7, '2': 5 }, eliminated: null },
    ]);
    expect(result.winner).toBe(0);
    expect(result.explanation).toBe(
      '“Alder” wins in round 4 with 7 of 12 votes (58.3%) after “Elm”, “Dogwood” and “Cherry” were eliminated.' +
        ' Round 1 was tied for fewest votes between “Dogwood” and “Elm”: “Elm” was eliminated, the later-listed of the tied options, as the rules state.' +
        ' Round 3 was tied for fewest votes between “Cherry” and “Beech”: “Cherry” was eliminated, the one with fewer votes in round 1, as the rules state.',
    );
  });

  it('decides an even two-way split by listing order (the later option is eliminated)', () => {
    const options = ['First', 'Second'];
    const result = tally(
      { method: 'ranked', options },
      schedule(options, [
        [2, ['First']],
        [2, ['Second']],
      ]),
      noQuorum,
    );
    expect(result.rounds).toEqual([
      { counts: { '0': 2, '1': 2 }, eliminated: 1 },
      { counts: { '0': 2 }, eliminated: null },
    ]);
    expect(result).toMatchObject({ winner: 0, passed: true });
    // The reason is in the result, not left for people to guess.
    expect(result.explanation).toBe(
      '“First” wins in round 2 with 2 of 2 votes (100%) after “Second” was eliminated.' +
        ' Round 1 was tied for fewest votes between “First” and “Second”: “Second” was eliminated, the later-listed of the tied options, as the rules state.',
    );
  });

  it('eliminates options nobody ranked first before any other, one per round, last listed first', () => {
    const options = ['A', 'B', 'C', 'D'];
    const ballots = schedule(options, [
      [2, ['A', 'C']],
      [2, ['B', 'D']],
      [1, ['C', 'B']],
    ]);
    const result = tally({ method: 'ranked', options }, ballots, noQuorum);
    expect(result.rounds).toEqual([
      { counts: { '0': 2, '1': 2, '2': 1, '3': 0 }, eliminated: 3 },
      { counts: { '0': 2, '1': 2, '2': 1 }, eliminated: 2 },
      { counts: { '0': 2, '1': 3 }, eliminated: null },
    ]);
    expect(result.winner).toBe(1);
  });
});

describe('validateBallot', () => {
  const ranked: VoteRules = { method: 'ranked', options: ['A', 'B', 'C'] };
  const approval: VoteRules = { method: 'approval', options: ['A', 'B', 'C'] };

  it('accepts ballots that fit the rules', () => {
    expect(validateBallot(yesNoRules({ kind: 'simple' }), { method: 'yes_no', choice: 'abstain' })).toBeNull();
    expect(validateBallot({ method: 'consent', agreeShare: 0.75 }, { method: 'consent', choice: 'block' })).toBeNull();
    expect(validateBallot(ranked, { method: 'ranked', ranking: [2, 0] })).toBeNull();
    expect(validateBallot(ranked, { method: 'ranked', ranking: [2, 0, 1] })).toBeNull();
    expect(validateBallot(approval, { method: 'approval', approved: [] })).toBeNull();
    expect(validateBallot(approval, { method: 'approval', approved: [0, 1, 2] })).toBeNull();
  });

  it('rejects a ballot for another method', () => {
    expect(validateBallot(ranked, { method: 'approval', approved: [0] })).toBe(
      'This ballot is for another kind of vote (approval, not ranked).',
    );
    expect(validateBallot(yesNoRules({ kind: 'simple' }), { method: 'consent', choice: 'agree' })).toMatch(
      /consent, not yes_no/,
    );
  });

  it('rejects option indexes out of range', () => {
    expect(validateBallot(ranked, { method: 'ranked', ranking: [0, 3] })).toBe(
      'Option 3 does not exist (there are 3).',
    );
    expect(validateBallot(ranked, { method: 'ranked', ranking: [-1] })).toMatch(/does not exist/);
    expect(validateBallot(approval, { method: 'approval', approved: [1.5] })).toMatch(/does not exist/);
  });

  it('rejects duplicates in a ranking or an approval, and an empty ranking', () => {
    expect(validateBallot(ranked, { method: 'ranked', ranking: [1, 0, 1] })).toBe('Option 1 is ranked more than once.');
    expect(validateBallot(approval, { method: 'approval', approved: [2, 2] })).toBe(
      'Option 2 is approved more than once.',
    );
    expect(validateBallot(ranked, { method: 'ranked', ranking: [] })).toMatch(/at least one/);
  });

  it('makes tally refuse a ballot that could not have been cast', () => {
    expect(() => tally(ranked, [{ method: 'ranked', ranking: [0, 0] }], noQuorum)).toThrow(
      /Ballot 1 cannot be counted/,
    );
  });
});

// ---- Property tests: tally against the independent naive counter. ----

const quorumArb = fc.record({ eligible: fc.nat(60), quorumNeeded: fc.nat(40) });
const shareArb = fc.oneof(
  fc
    .constantFrom(2, 3, 4, 5, 8, 10, 20, 25, 100, 1000)
    .chain((den) => fc.integer({ min: 1, max: den }).map((k) => k / den)),
  fc.double({ min: 1e-6, max: 1, noNaN: true }),
);
const thresholdArb: fc.Arbitrary<Threshold> = fc.oneof(
  fc.constant({ kind: 'simple' as const }),
  fc.constant({ kind: 'two_thirds' as const }),
  shareArb.map((share) => ({ kind: 'share' as const, share })),
);
const optionsArb = (max: number) =>
  fc.integer({ min: 2, max }).map((n) => Array.from({ length: n }, (_, i) => `Option ${i + 1}`));

const yesNoCase = fc.record({
  rules: fc.record({ method: fc.constant('yes_no' as const), threshold: thresholdArb, abstentionsCount: fc.boolean() }),
  ballots: fc.array(
    fc.constantFrom(...YES_NO_CHOICES).map((choice): BallotChoice => ({ method: 'yes_no', choice })),
    {
      maxLength: 40,
    },
  ),
  quorum: quorumArb,
});
const consentCase = fc.record({
  rules: fc.record({ method: fc.constant('consent' as const), agreeShare: shareArb }),
  ballots: fc.array(
    // Blocks are rare in the generator so that the share comparison is exercised too.
    fc
      .oneof(
        { arbitrary: fc.constantFrom(...CONSENT_CHOICES.filter((c) => c !== 'block')), weight: 12 },
        fc.constant('block' as const),
      )
      .map((choice): BallotChoice => ({ method: 'consent', choice })),
    { maxLength: 40 },
  ),
  quorum: quorumArb,
});
const approvalCase = optionsArb(6).chain((options) =>
  fc.record({
    rules: fc.constant<VoteRules>({ method: 'approval', options }),
    ballots: fc.array(
      fc.subarray([...options.keys()]).map((approved): BallotChoice => ({ method: 'approval', approved })),
      { maxLength: 30 },
    ),
    quorum: quorumArb,
  }),
);
const rankedCase = (maxOptions: number, maxBallots: number) =>
  optionsArb(maxOptions).chain((options) =>
    fc.record({
      rules: fc.constant<VoteRules>({ method: 'ranked', options }),
      ballots: fc.array(
        fc
          .shuffledSubarray([...options.keys()], { minLength: 1 })
          .map((ranking): BallotChoice => ({ method: 'ranked', ranking })),
        { maxLength: maxBallots },
      ),
      quorum: quorumArb,
    }),
  );

function agreesWithNaive({
  rules,
  ballots,
  quorum,
}: {
  rules: VoteRules;
  ballots: BallotChoice[];
  quorum: { eligible: number; quorumNeeded: number };
}) {
  const result = tally(rules, ballots, quorum);
  const { quorumMet, passed, winner, counts, rounds } = result;
  expect({ quorumMet, passed, winner, counts, rounds }).toEqual(naiveTally(rules, ballots, quorum));
  expect(result.ballots).toBe(ballots.length);
  expect(result.explanation).toMatch(/^[A-Z“][^\n]*\.$/);
  expect(result.explanation.startsWith('No quorum: ')).toBe(!quorumMet);
  if (rules.method === 'approval' || rules.method === 'ranked') expect(passed).toBe(winner !== null);
}

describe('tally agrees with an independent naive counter', () => {
  it('on yes/no votes', () => fc.assert(fc.property(yesNoCase, agreesWithNaive), runs));
  it('on consent votes', () => fc.assert(fc.property(consentCase, agreesWithNaive), runs));
  it('on approval votes', () => fc.assert(fc.property(approvalCase, agreesWithNaive), runs));
  it('on ranked votes with few options (many ties)', () =>
    fc.assert(fc.property(rankedCase(4, 12), agreesWithNaive), runs));
  it('on ranked votes with up to the most options allowed', () =>
    fc.assert(fc.property(rankedCase(LIMITS.maxVoteOptions, 60), agreesWithNaive), runs));

  it('on every threshold exactly at its boundary and one vote either side', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 4, 5, 8, 10, 20, 25, 40, 50, 100),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        fc.boolean(),
        (den, scale, pick, abstentionsCount) => {
          // k/den of the counted ballots vote yes; with abstentions counted, some of the rest abstain.
          const k = 1 + (pick % den);
          const [yes, rest] = [k * scale, (den - k) * scale];
          const split = (y: number, r: number) =>
            abstentionsCount ? yesNo(y, r - Math.floor(r / 2), Math.floor(r / 2)) : yesNo(y, r, 3);
          const cases: [Threshold, boolean, boolean][] = [
            // [threshold, passes at exactly k/den, passes with one yes more]
            [{ kind: 'share', share: k / den }, true, true],
            ...(k * 2 === den ? [[{ kind: 'simple' }, false, true] as [Threshold, boolean, boolean]] : []),
            ...(k * 3 === den * 2 ? [[{ kind: 'two_thirds' }, true, true] as [Threshold, boolean, boolean]] : []),
          ];
          for (const [threshold, atExact, oneMore] of cases) {
            const rules = yesNoRules(threshold, abstentionsCount);
            const exact = split(yes, rest);
            const under = split(yes - 1, rest + 1);
            for (const count of [tally, naiveTally]) {
              expect(count(rules, exact, noQuorum).passed).toBe(atExact);
              expect(count(rules, under, noQuorum).passed).toBe(false);
              if (rest > 0) expect(count(rules, split(yes + 1, rest - 1), noQuorum).passed).toBe(oneMore);
            }
          }
        },
      ),
      runs,
    );
  });

  it('whatever order the ballots are counted in', () => {
    const anyCase = fc.oneof(yesNoCase, consentCase, approvalCase, rankedCase(5, 15));
    fc.assert(
      fc.property(
        anyCase.chain((c) =>
          fc.record({
            c: fc.constant(c),
            shuffled: fc.shuffledSubarray(c.ballots, { minLength: c.ballots.length, maxLength: c.ballots.length }),
          }),
        ),
        ({ c, shuffled }) => {
          expect(tally(c.rules, shuffled, c.quorum)).toEqual(tally(c.rules, c.ballots, c.quorum));
        },
      ),
      runs,
    );
  });
});

describe('the naive counter itself', () => {
  it('reads shares as their shortest decimal', () => {
    expect(decimalFraction(0.6)).toEqual({ n: 3n, d: 5n });
    expect(decimalFraction(0.07)).toEqual({ n: 7n, d: 100n });
    expect(decimalFraction(1)).toEqual({ n: 1n, d: 1n });
    expect(decimalFraction(1e-7)).toEqual({ n: 1n, d: 10_000_000n });
  });

  it('reaches the published Tennessee result on its own', () => {
    const options = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
    const ballots = schedule(options, [
      [42, ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville']],
      [26, ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis']],
      [15, ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis']],
      [17, ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis']],
    ]);
    expect(naiveTally({ method: 'ranked', options }, ballots, noQuorum).winner).toBe(3);
  });
});
