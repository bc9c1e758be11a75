import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  acked,
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
} from './support/harness.ts';
import type { SessionState } from '@moot/protocol';
import { followSession } from './support/sessionWatch.ts';

/**
 * The moderator's Gini line comes from the server, built from the sitting's stored turns: a
 * reloaded console, or the moderator's other device, draws the same line from the first state.
 */
describe('the Gini over the sitting, from the server', () => {
  let running: RunningApp;
  let modCookie: string;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let sessionId: string;

  beforeAll(async () => {
    running = await startApp();
    const seed = await seedAssembly(running.db);
    modCookie = await redeem(running.url, seed.moderatorInvite, 'Mo');
    mod = (await connectMember(running.url, modCookie)).socket;
    members = [];
    for (const [i, name] of ['Ada', 'Ben', 'Cy'].entries())
      members.push((await connectMember(running.url, await redeem(running.url, seed.memberInvites[i]!, name))).socket);
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Sitting' })));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const member of members) acked(await member.emitWithAck('attendance:checkIn', { sessionId }));
  }, 180_000);
  afterAll(async () => {
    for (const socket of [mod, ...(members ?? [])]) socket?.disconnect();
    await running?.close();
  });

  /** The whole session as `socket` would get it on connecting or resyncing (what a reloaded page starts from). */
  async function stateOf(socket: MemberSocket): Promise<SessionState> {
    const state = acked(await socket.emitWithAck('session:resync', {}));
    if (!state) throw new Error('No session');
    return state;
  }

  /** One turn for `member`, from raising a hand to ending it; the server-clock window it ended in. */
  async function speak(member: MemberSocket, name: string, view: ReturnType<typeof followSession>) {
    acked(await member.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    await vi.waitFor(() => expect(view.state?.turn?.name).toBe(name));
    const before = Date.now();
    acked(await member.emitWithAck('queue:endTurn', { sessionId }));
    const after = Date.now();
    await vi.waitFor(() => expect(view.state?.turn).toBeNull());
    return { before, after };
  }

  it('starts empty, and gains a point as each turn ends, at the time it ended', async () => {
    const view = followSession(mod);
    expect((await stateOf(mod)).equity!.giniSeries).toEqual([]);

    const [ada, ben] = members as [MemberSocket, MemberSocket];
    const adaSpoke = await speak(ada, 'Ada', view);
    await vi.waitFor(() => expect(view.state!.equity!.giniSeries).toHaveLength(1));
    const [first] = view.state!.equity!.giniSeries;
    // One of three checked-in members has spoken: (n−1)/n.
    expect(first!.gini).toBeCloseTo(2 / 3, 9);
    expect(first!.at).toBeGreaterThanOrEqual(adaSpoke.before - 1000);
    expect(first!.at).toBeLessThanOrEqual(adaSpoke.after + 1000);

    await speak(ben, 'Ben', view);
    await vi.waitFor(() => expect(view.state!.equity!.shareWhoSpoke).toBeCloseTo(2 / 3));
    const series = view.state!.equity!.giniSeries;
    // Ben's turn moved it down (how far depends on the two lengths), unless it was too short to see.
    expect(series.at(-1)!.gini).toBeLessThanOrEqual(2 / 3);
    expect(Math.abs(series.at(-1)!.gini - view.state!.equity!.gini)).toBeLessThan(0.005);
    expect(series.map((p) => p.at)).toEqual([...series.map((p) => p.at)].sort((a, b) => a - b));
  });

  it('is the same line for the moderator’s other device, from its very first state', async () => {
    const here = (await stateOf(mod)).equity!;
    expect(here.shareWhoSpoke).toBeCloseTo(2 / 3);
    expect(here.giniSeries.length).toBeGreaterThan(0);
    const other = (await connectMember(running.url, modCookie)).socket;
    try {
      expect((await stateOf(other)).equity!.giniSeries).toEqual(here.giniSeries);
    } finally {
      other.disconnect();
    }
  });

  it('is the moderator’s only: members and observers get no equity', async () => {
    expect((await stateOf(members[2]!)).equity).toBeNull();
  });
});
