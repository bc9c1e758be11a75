import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HandKind, Role, SessionPatch, SessionState } from '@moot/protocol';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { viewFor } from '../src/features/sessions/sessionView.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
  type WatcherSocket,
} from './support/harness.ts';
import { seededRandom } from './support/random.ts';
import { sessionReplica } from './support/sessionWatch.ts';

const MEMBERS = 15;
const KINDS: HandKind[] = ['new_point', 'direct_response', 'point_of_process'];

/** What the server's database says each audience should see now (the version aside). */
async function truth(running: RunningApp, assemblyId: string, audience: Role) {
  const facts = await running.app.context.sessions.facts(assemblyId);
  return facts && JSON.parse(JSON.stringify(viewFor(facts, audience)));
}
const shown = (state: SessionState | null | undefined) => {
  if (!state) return state;
  const { version: _version, ...rest } = state;
  return rest;
};

/**
 * The session travels as patches: a raised hand is a small change, not the whole state, and a
 * client applying every patch shows exactly what a fresh read of the database shows.
 */
describe('session patches on one node', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let watcher: WatcherSocket;
  let sessionId: string;

  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    members = [];
    const invites = [...seed.memberInvites];
    while (invites.length < MEMBERS)
      invites.push((await inviteParticipant(running.db, seed.assemblyId, 'member')).inviteSecret);
    for (const [i, invite] of invites.entries())
      members.push((await connectMember(running.url, await redeem(running.url, invite, `Member name ${i}`))).socket);
    watcher = (await connectWatcher(running.url, seed.watchKey)).socket;
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Patched sitting' })));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));
    for (let i = 0; i < 10; i++) acked(await members[i]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
  }, 180_000);
  afterAll(async () => {
    for (const s of [mod, ...(members ?? []), watcher]) s?.disconnect();
    await running?.close();
  });

  it('sends a raised hand as one small queue entry, to members and observers alike', async () => {
    // Settled: what a client resyncing now gets is what the database says.
    let full!: SessionState;
    await vi.waitFor(async () => {
      full = acked(await watcher.emitWithAck('session:resync', {}))!;
      expect(shown(full)).toEqual(await truth(running, seed.assemblyId, 'observer'));
    });
    const toObserver: SessionPatch[] = [];
    const toMember: SessionPatch[] = [];
    watcher.on('session:patch', (p) => toObserver.push(p));
    members[0]!.on('session:patch', (p) => toMember.push(p));
    const wholeStates: unknown[] = [];
    watcher.on('session:state', (s) => wholeStates.push(s));

    acked(await members[12]!.emitWithAck('queue:raise', { sessionId, kind: 'direct_response' }));
    await vi.waitFor(() => {
      expect(toObserver.some((p) => p.changes.queue)).toBe(true);
      expect(toMember.some((p) => p.changes.queue)).toBe(true);
    });
    const patch = toObserver.find((p) => p.changes.queue)!;
    expect(Object.keys(patch.changes)).toEqual(['queue']);
    expect(patch.base).toBe(full.version);
    const size = JSON.stringify(patch).length;
    const fullSize = JSON.stringify(full).length;
    expect(size).toBeLessThan(400);
    expect(size * 15).toBeLessThan(fullSize);
    expect(wholeStates).toEqual([]);
  });

  it('takes a member raising twice at once (two tabs) as one hand, both acked', async () => {
    const tab = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'ignored'))).socket;
    const acks = await Promise.all([
      members[1]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }),
      tab.emitWithAck('queue:raise', { sessionId, kind: 'direct_response' }),
      members[1]!.emitWithAck('queue:raise', { sessionId, kind: 'point_of_process' }),
    ]);
    for (const ack of acks) acked(ack);
    const hands = await running.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM hands h JOIN participants p ON p.id = h.participant_id
       WHERE h.session_id = $1 AND p.display_name = 'Member name 1' AND h.status = 'waiting'`,
      [sessionId],
    );
    expect(hands[0]!.n).toBe(1);
    tab.disconnect();
  });

  it('leaves every audience exactly where a fresh read is, over a random run of commands', async () => {
    const random = seededRandom(4242);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const followers = [
      { audience: 'moderator' as const, replica: sessionReplica(mod) },
      { audience: 'member' as const, replica: sessionReplica(members[3]!) },
      { audience: 'observer' as const, replica: sessionReplica(watcher) },
    ];
    for (const f of followers) f.replica.resync();
    const wholeStates: unknown[] = [];
    watcher.on('session:state', (s) => wholeStates.push(s));

    const command = async (step: number): Promise<unknown> => {
      const member = pick(members);
      switch (Math.floor(random() * 9)) {
        case 0:
        case 1:
        case 2:
          return member.emitWithAck('queue:raise', { sessionId, kind: pick(KINDS) });
        case 3:
          return member.emitWithAck('queue:lower', { sessionId });
        case 4:
          return mod.emitWithAck('queue:next', { sessionId });
        case 5:
          return mod.emitWithAck('queue:endTurn', { sessionId });
        case 6:
          return mod.emitWithAck('agenda:add', { sessionId, title: `Item ${step}`, kind: 'learn', plannedMinutes: 5 });
        case 7:
          return mod.emitWithAck('session:configure', { sessionId, queueMode: pick(['fifo', 'equity'] as const) });
        default:
          return mod.emitWithAck('announcement:post', { text: `Notice ${step}` });
      }
    };
    // Bursts of concurrent commands, as a room would send them.
    for (let step = 0; step < 60;) {
      const burst = 1 + Math.floor(random() * 6);
      await Promise.all(Array.from({ length: burst }, (_, i) => command(step + i)));
      step += burst;
    }
    // No turn running at the end: the moderator's equity figures would keep moving with the clock.
    await mod.emitWithAck('queue:endTurn', { sessionId });

    for (const { audience, replica } of followers)
      await vi.waitFor(
        async () => expect(shown(replica.state)).toEqual(await truth(running, seed.assemblyId, audience)),
        {
          timeout: 20_000,
        },
      );
    // Nobody needed the whole state again after their first: every change arrived as a patch that applied.
    for (const { replica } of followers) expect(replica.asked).toBe(1);
    expect(wholeStates).toEqual([]);
  });
});
