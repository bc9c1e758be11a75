import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Ack, VoteView } from '@moot/protocol';
import type { Database } from '../src/storage/database.ts';
import {
  acked,
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';
import { describeOnEngines } from './support/services.ts';
import { sealedBallots } from './support/ballots.ts';
import { publicAuditRecord } from '../src/audit/publicAudit.ts';

/**
 * Quorum while a vote is open (issue 17 §5), on both engines: a vote pauses when too few
 * members are present for its quorum (after a grace), refuses ballots with the reason, resumes
 * when they return; a moderator may continue with those present; a deadline closes the vote
 * itself, once, even after the node that opened it stopped.
 */
const yes = { method: 'yes_no', choice: 'yes' } as const;
const rules = { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false } as const;
/** Short enough for a test to wait for; the long-grace case below shows a drop within it never pauses. */
const GRACE_MS = 300;

await describeOnEngines('quorum while a vote is open', (open) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let sessionId: string;
  const cookies: string[] = [];
  let members: MemberSocket[] = [];
  let votes: VoteView[] = [];

  const start = async (graceMs = GRACE_MS) => {
    running = await startApp({ db, quorum: { graceMs, sweepMs: 200 } });
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    mod.on('votes:state', (u) => (votes = u.votes));
  };
  const stop = async () => {
    for (const s of [mod, ...members]) s?.disconnect();
    members = [];
    await running.close();
  };
  const connect = async (i: number) =>
    (
      await connectMember(
        running.url,
        cookies[i] ?? (cookies[i] = await redeem(running.url, seed.memberInvites[i]!, `M${i}`)),
      )
    ).socket;
  const row = async (voteId: string) =>
    (
      await db.query<{ paused: boolean; short: boolean; status: string }>(
        `SELECT paused_at IS NOT NULL AS paused, quorum_short_since IS NOT NULL AS short, status FROM votes WHERE id = $1`,
        [voteId],
      )
    )[0]!;
  const actions = async (voteId: string) =>
    (
      await db.query<{ action: string; actor: string | null; detail: Record<string, unknown> }>(
        `SELECT action, actor_id AS actor, detail FROM audit_log WHERE target = $1 ORDER BY id`,
        [voteId],
      )
    ).map((r) => r.action);
  const openVote = async (extra: { closesInSeconds?: number } = {}) =>
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: `Question ${randomUUID().slice(0, 6)}?` },
        rules,
        quorumShare: 1,
        ...extra,
      }),
    ).voteId;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    seed = await seedAssembly(db);
    await start();
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Quorum sitting' })));
    acked(await mod.emitWithAck('session:start', { sessionId }));
  });
  afterAll(async () => {
    await stop();
    await dispose();
  });

  const seatAll = async () => {
    members = [await connect(0), await connect(1), await connect(2)];
    for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));
  };

  it('pauses when a member leaves, refuses a ballot with the reason, and resumes when they return', async () => {
    await seatAll();
    const voteId = await openVote();
    expect(votes.find((v) => v.id === voteId)).toMatchObject({ quorumNeeded: 3, quorumPause: null, closesAt: null });
    members[2]!.disconnect();
    await vi.waitFor(() =>
      expect(votes.find((v) => v.id === voteId)?.quorumPause).toMatchObject({ present: 2, needed: 3 }),
    );
    const refused = (await members[0]!.emitWithAck('vote:cast', {
      voteId,
      ballotId: randomUUID(),
      choice: yes,
      reason: '',
    })) as Ack<unknown>;
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'vote_paused', reason: { key: 'vote.quorumLost', params: { present: 2, needed: 3 } } },
    });
    expect(await sealedBallots(db, voteId)).toBe(0);
    members[2] = await connect(2);
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.quorumPause).toBeNull());
    acked(await members[0]!.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: yes, reason: '' }));
    expect(await actions(voteId)).toEqual(['vote.opened', 'vote.paused', 'vote.resumed']);
    const [paused] = await db.query<{ actor: string | null; detail: { present: number; needed: number } }>(
      `SELECT actor_id AS actor, detail FROM audit_log WHERE target = $1 AND action = 'vote.paused'`,
      [voteId],
    );
    expect(paused).toEqual({ actor: null, detail: { present: 2, needed: 3 } });
    acked(await mod.emitWithAck('vote:close', { voteId }));
  });

  it('counts a member ticked for paper as present, and a checked-out member as gone', async () => {
    const voteId = await openVote();
    // Checked out at the door: gone at once (after the grace), whatever their device does.
    acked(await mod.emitWithAck('attendance:checkOutFor', { sessionId, participantId: await idOf(2) }));
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.quorumPause?.present).toBe(2));
    acked(await mod.emitWithAck('attendance:checkInFor', { sessionId, participantId: await idOf(2) }));
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.quorumPause).toBeNull());
    // Ticked for paper and then their device goes: still present.
    acked(await mod.emitWithAck('vote:markPaper', { voteId, participantId: await idOf(1) }));
    members[1]!.disconnect();
    await vi.waitFor(async () => expect((await row(voteId)).short).toBe(false));
    expect(await actions(voteId)).toEqual(['vote.opened', 'vote.paused', 'vote.resumed', 'vote.paper_marked']);
    members[1] = await connect(1);
  });

  it('lets the moderator continue with the members present: public, counted, and it pauses no more', async () => {
    const voteId = await openVote();
    members[0]!.disconnect();
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.quorumPause?.present).toBe(2));
    // A member may not; the moderator may. (M2 was checked in at the door above: M0 leaves.)
    expect(await members[1]!.emitWithAck('vote:continue', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(acked(await mod.emitWithAck('vote:continue', { voteId }))).toEqual({ present: 2 });
    await vi.waitFor(() =>
      expect(votes.find((v) => v.id === voteId)).toMatchObject({
        quorumPause: null,
        quorumContinued: { present: 2, needed: 3 },
      }),
    );
    acked(await members[1]!.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: yes, reason: '' }));
    // Not paused any more: continuing again is refused with its reason.
    expect(await mod.emitWithAck('vote:continue', { voteId })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'vote.notPaused' } },
    });
    const [continued] = await db.query<{ actor: string; detail: unknown }>(
      `SELECT actor_id AS actor, detail FROM audit_log WHERE target = $1 AND action = 'vote.quorum_continued'`,
      [voteId],
    );
    expect(continued!.detail).toEqual({ present: 2, needed: 3 });
    expect(continued!.actor).not.toBeNull();
    // The public record shows the override, the pause before it, and the counts.
    const entries = await db.query<{ action: string; actor: string | null; detail: Record<string, unknown> }>(
      `SELECT action, actor_id AS actor, detail FROM audit_log WHERE target = $1 ORDER BY id`,
      [voteId],
    );
    const published = entries.map((e, seq) =>
      publicAuditRecord(
        {
          assemblyId: seed.assemblyId,
          actorId: e.actor,
          action: e.action,
          target: voteId,
          detail: e.detail,
          seq,
          at: new Date(),
        },
        () => 'Mo',
        () => null,
      ),
    );
    expect(published.filter((r) => r.action !== 'vote.opened').map((r) => [r.action, r.detail])).toEqual([
      ['vote.paused', { present: 2, needed: 3 }],
      ['vote.quorum_continued', { present: 2, needed: 3 }],
    ]);
    members[0] = await connect(0);
    acked(await mod.emitWithAck('vote:close', { voteId }));
  });

  it('never pauses for a drop that comes back within the grace', async () => {
    await stop();
    await start(3_600_000);
    await seatAll();
    const voteId = await openVote();
    members[0]!.disconnect();
    await vi.waitFor(async () => expect((await row(voteId)).short).toBe(true));
    members[0] = await connect(0);
    await vi.waitFor(async () => expect((await row(voteId)).short).toBe(false));
    expect((await row(voteId)).paused).toBe(false);
    expect(await actions(voteId)).toEqual(['vote.opened']);
    acked(await mod.emitWithAck('vote:close', { voteId }));
  });

  it('closes itself at its deadline, once, after the node that opened it stopped', async () => {
    const voteId = await openVote({ closesInSeconds: 5 });
    const view = votes.find((v) => v.id === voteId)!;
    expect(view.closesAt! - view.openedAt).toBe(5000);
    acked(await members[1]!.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: yes, reason: '' }));
    // The node stops before the deadline; another starts on the same database after it.
    await stop();
    expect((await row(voteId)).status).toBe('open');
    await start();
    await vi.waitFor(async () => expect((await row(voteId)).status).toBe('closed'));
    const closing = await db.query<{ actor: string | null }>(
      `SELECT actor_id AS actor FROM audit_log WHERE target = $1 AND action IN ('vote.closed', 'vote.closed_at_deadline')`,
      [voteId],
    );
    expect(closing).toEqual([{ actor: null }]);
    expect(await actions(voteId)).toContain('vote.closed_at_deadline');
  });

  it('refuses a ballot past the deadline while the vote waits for its paper count', async () => {
    members = [await connect(0), await connect(1), await connect(2)];
    const voteId = await openVote({ closesInSeconds: 5 });
    // Ticked for paper: the vote cannot close itself until two facilitators' counts agree.
    acked(await mod.emitWithAck('vote:markPaper', { voteId, participantId: await idOf(0) }));
    await vi.waitFor(async () => {
      const [row] = await db.query<{ past: boolean }>('SELECT closes_at <= now() AS past FROM votes WHERE id = $1', [
        voteId,
      ]);
      expect(row!.past).toBe(true);
    });
    expect(
      await members[1]!.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: yes, reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'deadline_passed', reason: { key: 'vote.deadlinePassed' } } });
    expect(await sealedBallots(db, voteId)).toBe(0);
    expect((await row(voteId)).status).toBe('open');
  });

  it('refuses a deadline shorter than the least allowed', async () => {
    expect(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Too quick?' },
        rules,
        quorumShare: 0,
        closesInSeconds: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  async function idOf(i: number): Promise<string> {
    const [p] = await db.query<{ id: string }>(
      `SELECT id FROM participants WHERE assembly_id = $1 AND display_name = $2`,
      [seed.assemblyId, `M${i}`],
    );
    return p!.id;
  }
});
