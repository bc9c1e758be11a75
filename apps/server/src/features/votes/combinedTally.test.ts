import { describe, expect, it } from 'vitest';
import type { BallotChoice, VoteRules } from '@moot/protocol';
import { combinedTally } from './combinedTally.ts';
import { normaliseBallots } from './paperStore.ts';

/** Worked examples of one result from online ballots and agreed paper counts. */

const quorum = { eligible: 12, quorumNeeded: 6 };
const ranked: VoteRules = { method: 'ranked', receipts: 'none', options: ['A', 'B', 'C'] } as VoteRules;
const approval: VoteRules = { method: 'approval', receipts: 'none', options: ['Tax', 'Fees', 'Grants'] } as VoteRules;
const times = (n: number, b: BallotChoice): BallotChoice[] => Array.from({ length: n }, () => b);

describe('combinedTally of approval and ranked votes', () => {
  it('counts each paper ranking by instant runoff: C’s paper ballots move on to B, which wins', () => {
    // Online: A×4, B×3. Paper: C then B, ×2.
    const online = [...times(4, { method: 'ranked', ranking: [0] }), ...times(3, { method: 'ranked', ranking: [1] })];
    const paper = normaliseBallots(ranked, [{ options: [2, 1], count: 2 }]);
    if (!paper.ok) throw new Error(paper.why);
    const result = combinedTally(ranked, online, paper.counts, quorum);
    // Round 1: A 4, B 3, C 2 of 9, no majority; C goes. Round 2: A 4, B 5 of 9: B wins.
    expect(result.rounds).toEqual([
      { counts: { '0': 4, '1': 3, '2': 2 }, eliminated: 2 },
      { counts: { '0': 4, '1': 5 }, eliminated: null },
    ]);
    expect(result).toMatchObject({
      winner: 1,
      ballots: 9,
      online: 7,
      paper: 2,
      paperBallots: [{ options: [2, 1], count: 2 }],
    });
    expect(result.explanation).toMatch(
      /^“B” wins in round 2 with 5 of 9 votes.*Counted 7 online and 2 paper ballots\.$/,
    );

    // Had the room entered first preferences only (C: 2), the paper ballots would be exhausted
    // when C goes, and A would win 4 of 7: the wrong winner. That is why paper rankings are entered whole.
    const firstOnly = normaliseBallots(ranked, [{ options: [2], count: 2 }]);
    if (!firstOnly.ok) throw new Error(firstOnly.why);
    expect(combinedTally(ranked, online, firstOnly.counts, quorum).winner).toBe(0);
  });

  it('counts each paper ballot’s ticks with the online ones; a ticked set has no order', () => {
    const online: BallotChoice[] = [
      { method: 'approval', approved: [0, 1] },
      { method: 'approval', approved: [1] },
      { method: 'approval', approved: [0] },
    ];
    const paper = normaliseBallots(approval, [
      { options: [2, 1], count: 2 },
      { options: [1, 2], count: 1 },
      { options: [], count: 1 },
    ]);
    if (!paper.ok) throw new Error(paper.why);
    expect(paper.counts).toEqual({ '[1,2]': 3, '[]': 1 });
    const result = combinedTally(approval, online, paper.counts, quorum);
    // Tax 2; Fees 2 online + 3 paper = 5; Grants 3 paper. One blank paper ballot counts as cast.
    expect(result).toMatchObject({
      counts: { '0': 2, '1': 5, '2': 3 },
      winner: 1,
      ballots: 7,
      online: 3,
      paper: 4,
      paperBallots: [
        { options: [1, 2], count: 3 },
        { options: [], count: 1 },
      ],
    });
    expect(result.paperCounts).toBeUndefined();
  });

  it('refuses paper ballots that name an option twice or none the vote has, and totals for a ranking', () => {
    expect(normaliseBallots(ranked, [{ options: [0, 3], count: 1 }])).toMatchObject({ ok: false });
    expect(normaliseBallots(ranked, [{ options: [1, 1], count: 1 }])).toMatchObject({ ok: false });
    expect(normaliseBallots(ranked, [{ options: [], count: 1 }])).toMatchObject({ ok: false });
    expect(normaliseBallots({ method: 'yes_no' } as VoteRules, [{ options: [0], count: 1 }])).toMatchObject({
      ok: false,
    });
  });
});
