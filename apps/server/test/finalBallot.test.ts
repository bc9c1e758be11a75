import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ErrorReason, VoteRulesInput, VoteView } from '@moot/protocol';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { SEALED_BYTES } from '../src/features/votes/sealedBallot.ts';
import type { Database } from '../src/storage/database.ts';
import {
  acked,
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
} from './support/harness.ts';
import { describeOnEngines, type OpenEngine } from './support/services.ts';
import { seat } from './support/staff.ts';

/**
 * The final ballot (issue 15 §2): one secret vote over the recommendations, each answered on the
 * support scale; threshold, quorum, re-casting, receipts, paper totals combined, and its ballots
 * as secret in storage as any vote's. Runs on both engines.
 */
const VOTERS = 5;
/** A refusal with this code, message and (when given) this reason code and parameters. */
const refused = (code: string, message?: RegExp, reason?: ErrorReason) => ({
  ok: false,
  error: {
    code,
    ...(message ? { message: expect.stringMatching(message) } : {}),
    ...(reason ? { reason } : {}),
  },
});
const support = (share = 0.6, base: 'answering' | 'ballots' = 'answering'): VoteRulesInput => ({
  method: 'support',
  threshold: { share, base },
});

function finalBallotSuite(open: OpenEngine) {
  let dispose: () => Promise<void>;
  let running: RunningApp;
  let db: Database;
  let mod: MemberSocket;
  let fay: MemberSocket;
  let gus: MemberSocket;
  const voters: { id: string; socket: MemberSocket }[] = [];
  let standards: string[];
  let votes: VoteView[] = [];

  beforeAll(async () => {
    ({ db, dispose } = await open());
    running = await startApp({ db });
    const seed = await seedAssembly(db);
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    mod.on('votes:state', (update) => (votes = update.votes));
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Decision' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    const openness = acked(await mod.emitWithAck('standard:add', { title: 'Openness' }));
    standards = [seed.standardId, openness.id];
    acked(
      await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Apology', 'Resignation'] }),
    );
    for (let i = 0; i < VOTERS; i++) {
      const { inviteSecret, participant } = await inviteParticipant(db, seed.assemblyId, 'member');
      const socket = (await connectMember(running.url, await redeem(running.url, inviteSecret, `Voter ${i}`))).socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
      voters.push({ id: participant.id, socket });
    }
    fay = (await seat(running, seed.assemblyId, 'facilitator', 'Fay')).socket;
    gus = (await seat(running, seed.assemblyId, 'facilitator', 'Gus')).socket;
  }, 300_000);
  afterAll(async () => {
    for (const s of [mod, fay, gus, ...voters.map((v) => v.socket)]) s?.disconnect();
    await running?.close();
    await dispose?.();
  });

  const items = () => [
    { standardId: standards[0]!, part: 'standard' as const },
    { standardId: standards[0]!, part: 'ladder' as const },
    { standardId: standards[1]!, part: 'standard' as const },
  ];
  const openBallot = async (rules = support(), quorumShare = 0) =>
    acked(await mod.emitWithAck('vote:open', { subject: { kind: 'final_ballot', items: items() }, rules, quorumShare }))
      .voteId;
  const cast = (i: number, voteId: string, answers: (number | null)[], ballotId = randomUUID()) =>
    voters[i]!.socket.emitWithAck('vote:cast', {
      voteId,
      ballotId,
      choice: { method: 'support', answers },
      reason: '',
    });
  const closed = async (voteId: string) => {
    acked(await mod.emitWithAck('vote:close', { voteId }));
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.status).toBe('closed'));
    return votes.find((v) => v.id === voteId)!;
  };

  it('refuses a final ballot of a foreign standard, a ladder with no steps, the wrong method, or a second one open', async () => {
    const subject = (list: { standardId: string; part: 'standard' | 'ladder' }[]) => ({
      subject: { kind: 'final_ballot' as const, items: list },
      rules: support(),
      quorumShare: 0,
    });
    expect(await mod.emitWithAck('vote:open', subject([{ standardId: randomUUID(), part: 'standard' }]))).toMatchObject(
      refused('not_found', undefined, { key: 'vote.standardNotFound' }),
    );
    expect(await mod.emitWithAck('vote:open', subject([{ standardId: standards[1]!, part: 'ladder' }]))).toMatchObject(
      refused('bad_request', /no consequence ladder/, { key: 'finalBallot.noLadder', params: { title: 'Openness' } }),
    );
    expect(
      await mod.emitWithAck('vote:open', subject([...items(), { standardId: standards[0]!, part: 'standard' }])),
    ).toMatchObject(refused('bad_request', /listed twice/, { key: 'finalBallot.listedTwice' }));
    expect(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'final_ballot', items: items() },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    ).toMatchObject(refused('bad_request', /support scale/, { key: 'finalBallot.supportOnly' }));
    expect(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Q' },
        rules: support(),
        quorumShare: 0,
      }),
    ).toMatchObject(refused('bad_request', /final ballot/, { key: 'finalBallot.openWithItems' }));
    const voteId = await openBallot();
    expect(await mod.emitWithAck('vote:open', subject(items()))).toMatchObject(
      refused('bad_request', /already open/, { key: 'finalBallot.alreadyOpen' }),
    );
    await closed(voteId);
  });

  it('takes one answer per recommendation, re-casts until close, refuses bad ballots, and counts paper with online', async () => {
    const voteId = await openBallot(support(0.6, 'answering'), 0.5);
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.rules).toMatchObject({ method: 'support' }));
    const shown = votes.find((v) => v.id === voteId)!;
    expect(shown.rules).toMatchObject({
      threshold: { share: 0.6, base: 'answering' },
      receipts: 'verifiable',
      items: [
        { standardId: standards[0], part: 'standard', title: 'Honesty' },
        { standardId: standards[0], part: 'ladder', title: 'Honesty' },
        { standardId: standards[1], part: 'standard', title: 'Openness' },
      ],
    });
    expect(shown.subject).toBe('final_ballot');

    // Refusals: the wrong number of answers, an answer off the scale, another kind of ballot.
    expect(await cast(0, voteId, [0, 1])).toMatchObject(
      refused('bad_request', /answers 2 recommendations/, { key: 'vote.ballotInvalid' }),
    );
    expect(await cast(0, voteId, [0, 1, 5])).toMatchObject(refused('bad_request'));
    expect(
      await voters[0]!.socket.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'yes' },
        reason: '',
      }),
    ).toMatchObject(refused('bad_request', /another kind of vote/));

    // Voter 0 changes their mind: only the last ballot counts. A retry of it changes nothing.
    const first = acked(await cast(0, voteId, [4, 4, 4]));
    const again = randomUUID();
    const second = acked(await cast(0, voteId, [0, 0, null], again));
    expect(acked(await cast(0, voteId, [0, 0, null], again)).receipt).toBe(second.receipt);
    expect(second.receipt).not.toBe(first.receipt);
    acked(await cast(1, voteId, [1, 3, 2]));
    acked(await cast(2, voteId, [3, 3, 0]));

    // Voters 3 and 4 vote on paper; two facilitators count them per recommendation.
    acked(await mod.emitWithAck('vote:markPaper', { voteId, participantId: voters[3]!.id }));
    acked(await mod.emitWithAck('vote:markPaper', { voteId, participantId: voters[4]!.id }));
    expect(await cast(3, voteId, [0, 0, 0])).toMatchObject(
      refused('bad_request', /on paper/, { key: 'paper.votingOnPaper' }),
    );
    const paper = [
      [1, 1, 0, 0, 0],
      [0, 0, 0, 2, 0],
      [0, 0, 1, 0, 0], // one paper ballot left Openness blank
    ];
    const totals = (counts: number[][]) => ({ voteId, counts });
    expect(await fay.emitWithAck('vote:enterSupportPaperTotals', totals(paper.slice(0, 2)))).toMatchObject(
      refused('bad_request', /cover 2 recommendations/, {
        key: 'paper.itemsMismatch',
        params: { counted: 2, items: 3 },
      }),
    );
    expect(
      await fay.emitWithAck('vote:enterSupportPaperTotals', totals([[2, 1, 0, 0, 0], ...paper.slice(1)])),
    ).toMatchObject(
      refused('bad_request', /Recommendation 1 has more answers than the 2 paper ballots/, {
        key: 'paper.tooManyAnswers',
        params: { item: 1, voters: 2 },
      }),
    );
    expect(await fay.emitWithAck('vote:enterPaperTotals', { voteId, counts: { yes: 2 } })).toMatchObject(
      refused('bad_request'),
    );
    expect(acked(await fay.emitWithAck('vote:enterSupportPaperTotals', totals(paper)))).toEqual({
      status: 'awaiting_second',
    });
    expect(acked(await gus.emitWithAck('vote:enterSupportPaperTotals', totals(paper)))).toEqual({ status: 'agreed' });

    const vote = await closed(voteId);
    const result = vote.result!;
    expect(result).toMatchObject({ ballots: 5, online: 3, paper: 2, quorumMet: true });
    // Honesty: online 0,1,3 + paper 0,1 → 2 strongly agree, 2 agree, 1 disagree: 4 of 5 ≥ 60%.
    // Its ladder: online 0,3,3 + paper 3,3 → 1 of 5: not supported. Openness: online blank,2,0 + paper 2 → 1 of 3.
    expect(result.recommendations!.map((r) => ({ counts: r.counts, supported: r.supported }))).toEqual([
      { counts: [2, 2, 0, 1, 0], supported: true },
      { counts: [1, 0, 0, 4, 0], supported: false },
      { counts: [1, 0, 2, 0, 0], supported: false },
    ]);
    expect(result.recommendations![2]).toMatchObject({ answered: 3, base: 3, supporting: 1, percent: 33.3 });
    // Published ballots: three online ones, the re-cast in place of the first, receipts as chosen.
    expect(
      vote.ballots!.map((b) => b.choice).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { method: 'support', answers: [0, 0, null] },
      { method: 'support', answers: [1, 3, 2] },
      { method: 'support', answers: [3, 3, 0] },
    ]);
    expect(vote.ballots!.map((b) => b.receipt)).toContain(second.receipt);
    expect(await cast(1, voteId, [0, 0, 0])).toMatchObject(
      refused('vote_closed', undefined, { key: 'vote.voteClosed' }),
    );
  });

  it('supports nothing without quorum, and gives no receipts when the organiser chose none', async () => {
    const voteId = await openBallot({ ...support(0.5, 'ballots'), receipts: 'none' }, 1);
    expect(acked(await cast(0, voteId, [0, 0, 0])).receipt).toBeNull();
    const { result, ballots } = await closed(voteId);
    expect(result).toMatchObject({ ballots: 1, quorumNeeded: VOTERS, quorumMet: false, passed: false });
    expect(result!.recommendations!.every((r) => !r.supported)).toBe(true);
    expect(result!.recommendations![0]!.counts).toEqual([1, 0, 0, 0, 0]);
    expect(ballots!.map((b) => b.receipt)).toEqual([null]);
  });

  it('keeps every answer sealed in storage while open, at the one sealed size, and links no ballot to a voter after', async () => {
    const voteId = await openBallot();
    for (let i = 0; i < 3; i++) acked(await cast(i, voteId, [i, 4 - i, null]));
    const sealed = await db.query<{ size: number }>(
      'SELECT octet_length(sealed) AS size FROM sealed_ballots WHERE vote_id = $1',
      [voteId],
    );
    expect(sealed.map((r) => r.size)).toEqual([SEALED_BYTES, SEALED_BYTES, SEALED_BYTES]);
    const published = await db.query('SELECT 1 FROM ballots WHERE vote_id = $1', [voteId]);
    expect(published).toHaveLength(0);
    // Nothing but the sealed rows mentions this vote's ballots: no participation, no audit entry per cast.
    expect(await db.query('SELECT 1 FROM vote_participation WHERE vote_id = $1', [voteId])).toHaveLength(0);
    const audit = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE target = $1', [voteId]);
    expect(audit.map((r) => r.action)).toEqual(['vote.opened']);
    await closed(voteId);
    const rows = await db.query<{ x: string; c: string }>(
      `SELECT xmin::text AS x, cmin::text AS c FROM ballots WHERE vote_id = $1`,
      [voteId],
    );
    const participation = await db.query<{ x: string; participant_id: string }>(
      `SELECT xmin::text AS x, participant_id FROM vote_participation WHERE vote_id = $1 ORDER BY participant_id`,
      [voteId],
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => `${r.x}:${r.c}`)).size).toBe(1);
    expect(new Set(participation.map((r) => r.x))).toEqual(new Set(rows.map((r) => r.x)));
    expect(participation.map((r) => r.participant_id)).toEqual(
      voters
        .slice(0, 3)
        .map((v) => v.id)
        .sort(),
    );
    const left = await db.query('SELECT 1 FROM sealed_ballots WHERE vote_id = $1', [voteId]);
    expect(left).toHaveLength(0);
  });
}

await describeOnEngines('the final ballot', finalBallotSuite);
