import { LIMITS, type BallotChoice } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { ballotKey, openBallot, sealBallot, SEALED_BYTES } from './sealedBallot.ts';
import { paperRecord, supportTally, validateSupportAnswers, type SupportRules } from './supportTally.ts';
import { combinedTally } from './combinedTally.ts';
import { validateBallot } from './tally.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rules = (share: number, base: 'answering' | 'ballots', items = 2): SupportRules => ({
  method: 'support',
  receipts: 'verifiable',
  threshold: { share, base },
  items: Array.from({ length: items }, (_, i) => ({ standardId: id(i), part: 'standard' as const, title: `R${i}` })),
});
const ballot = (...answers: (number | null)[]): BallotChoice => ({ method: 'support', answers });
const open = { eligible: 10, quorumNeeded: 0 };

describe('counting a final ballot', () => {
  it('supports a recommendation when strongly agree + agree reach the share of those answering, exactly', () => {
    // Recommendation 0: 3 of 5 answering agree (60%) — exactly the bar. Recommendation 1: 2 of 4 (blank left out).
    const ballots = [ballot(0, 1), ballot(1, 0), ballot(1, null), ballot(2, 3), ballot(4, 4)];
    const result = supportTally(rules(0.6, 'answering'), ballots, null, open);
    const [first, second] = result.recommendations!;
    expect(first).toMatchObject({
      counts: [1, 2, 1, 0, 1],
      answered: 5,
      base: 5,
      supporting: 3,
      percent: 60,
      supported: true,
    });
    expect(second).toMatchObject({
      counts: [1, 1, 0, 1, 1],
      answered: 4,
      base: 4,
      supporting: 2,
      percent: 50,
      supported: false,
    });
    expect(result.counts).toEqual({ supported: 1, not_supported: 1 });
    expect(result.explanation).toMatch(/^1 of 2 recommendations supported: .* at least 60% of those answering it/);
  });

  it('counts blanks against a recommendation when the base is every ballot', () => {
    const ballots = [ballot(0, 0), ballot(1, 0), ballot(null, 0), ballot(null, 4)];
    const byAnswering = supportTally(rules(0.5, 'answering'), ballots, null, open).recommendations!;
    const byBallots = supportTally(rules(0.5, 'ballots'), ballots, null, open).recommendations!;
    expect(byAnswering[0]).toMatchObject({ base: 2, supported: true });
    expect(byBallots[0]).toMatchObject({ base: 4, supporting: 2, supported: true });
    // 0.6 of 4 ballots is 2.4: two supporting is not enough, however it rounds.
    expect(supportTally(rules(0.6, 'ballots'), ballots, null, open).recommendations![0]!.supported).toBe(false);
    expect(supportTally(rules(0.6, 'answering'), ballots, null, open).recommendations![0]!.supported).toBe(true);
  });

  it('adds the agreed paper totals to the online answers, and counts the paper ballots for quorum', () => {
    const paper = paperRecord(
      [
        [2, 0, 0, 0, 1],
        [0, 0, 0, 3, 0],
      ],
      3,
    );
    const result = combinedTally(rules(0.5, 'ballots'), [ballot(4, 0)], paper, { eligible: 4, quorumNeeded: 4 });
    expect(result).toMatchObject({ ballots: 4, online: 1, paper: 3, quorumMet: true, paperCounts: paper });
    expect(result.recommendations![0]).toMatchObject({
      counts: [2, 0, 0, 0, 2],
      paperCounts: [2, 0, 0, 0, 1],
      supported: true,
    });
    expect(result.recommendations![1]).toMatchObject({ counts: [1, 0, 0, 3, 0], supported: false });
    expect(result.explanation).toContain('Counted 1 online and 3 paper ballots.');
  });

  it('supports nothing without quorum, and still publishes the counts', () => {
    const result = supportTally(rules(0.5, 'answering'), [ballot(0, 0)], null, { eligible: 6, quorumNeeded: 3 });
    expect(result.quorumMet).toBe(false);
    expect(result.passed).toBe(false);
    expect(result.recommendations!.map((r) => [r.counts[0], r.supported])).toEqual([
      [1, false],
      [1, false],
    ]);
    expect(result.explanation).toMatch(/^No quorum: 1 of 3 needed/);
  });

  it('refuses a ballot with the wrong number of answers or an answer off the scale', () => {
    expect(validateSupportAnswers(2, [0])).toMatch(/answers 1 recommendations, but the final ballot lists 2/);
    expect(validateSupportAnswers(2, [0, 5])).toMatch(/Answer 5 is not on the support scale/);
    expect(validateSupportAnswers(2, [null, null])).toBeNull();
    expect(validateBallot(rules(0.5, 'answering'), ballot(0, 1, 2))).toMatch(/lists 2/);
    expect(validateBallot(rules(0.5, 'answering'), { method: 'yes_no', choice: 'yes' })).toMatch(
      /another kind of vote/,
    );
    expect(() => supportTally(rules(0.5, 'answering'), [ballot(1)], null, open)).toThrow(/Ballot 1 cannot be counted/);
  });

  it('seals the largest final ballot (every recommendation answered, the longest reason) at the one sealed size', () => {
    const secret = new Uint8Array(32).fill(3);
    const voteId = id(99);
    const key = ballotKey(secret, voteId, id(1));
    const largest = {
      participantId: id(1),
      clientBallotId: id(2),
      receipt: 'ABCDEFGHJK',
      choice: ballot(...Array.from({ length: LIMITS.maxFinalBallotItems }, () => 4)),
      reason: '\u0001'.repeat(LIMITS.maxNoteLength),
    };
    const sealed = sealBallot(secret, voteId, key, largest);
    expect(sealed.length).toBe(SEALED_BYTES);
    expect(openBallot(secret, voteId, key, sealed)).toEqual(largest);
  });
});
