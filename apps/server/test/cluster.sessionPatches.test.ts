import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HandKind, Role, SessionState } from '@moot/protocol';
import { compareVersions } from '@moot/protocol';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { viewFor } from '../src/features/sessions/sessionView.ts';
import { acked, connectMember, connectWatcher, redeem, seedAssembly, type MemberSocket } from './support/harness.ts';
import { twoNodes, type Node, type TwoNodes } from './support/nodes.ts';
import { seededRandom } from './support/random.ts';
import { redisAvailable } from './support/redis.ts';
import { sessionReplica } from './support/sessionWatch.ts';
import { postgresAvailable } from './support/services.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());
const KINDS: HandKind[] = ['new_point', 'direct_response', 'point_of_process'];

/**
 * Both nodes publish the session's patches (each the commands it handled). They advance one
 * shared head by compare-and-set, so their patches form one chain: with commands interleaved on
 * both nodes at once, every client on either node ends exactly where the database is.
 */
describe.skipIf(!servicesUp)('session patches across two nodes', () => {
  let cluster: TwoNodes;
  let nodes: Node[];
  const sockets: { disconnect(): void }[] = [];

  beforeAll(async () => {
    ({ nodes } = cluster = await twoNodes());
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.close();
  });

  it('converges every client on both nodes while commands on both interleave', async () => {
    const seed = await seedAssembly(nodes[0]!.db);
    const url = (node: number) => nodes[node]!.url;
    const member = async (node: number, invite: string, name: string) => {
      const { socket } = await connectMember(url(node), await redeem(url(node), invite, name));
      sockets.push(socket);
      return socket;
    };
    const mods = [await member(0, seed.moderatorInvite, 'Mo')];
    const { inviteSecret } = await inviteParticipant(nodes[0]!.db, seed.assemblyId, 'moderator');
    mods.push(await member(1, inviteSecret, 'Mo Two'));
    const invites = [...seed.memberInvites];
    while (invites.length < 10)
      invites.push((await inviteParticipant(nodes[0]!.db, seed.assemblyId, 'member')).inviteSecret);
    const members: MemberSocket[] = [];
    for (const [i, invite] of invites.entries()) members.push(await member(i % 2, invite, `Member name ${i}`));
    const watchers = [
      (await connectWatcher(url(0), seed.watchKey)).socket,
      (await connectWatcher(url(1), seed.watchKey)).socket,
    ];
    sockets.push(...watchers);

    const followers = [
      { audience: 'moderator' as Role, replica: sessionReplica(mods[0]!) },
      { audience: 'moderator' as Role, replica: sessionReplica(mods[1]!) },
      { audience: 'member' as Role, replica: sessionReplica(members[0]!) },
      { audience: 'member' as Role, replica: sessionReplica(members[1]!) },
      { audience: 'observer' as Role, replica: sessionReplica(watchers[0]!) },
      { audience: 'observer' as Role, replica: sessionReplica(watchers[1]!) },
    ];
    const { sessionId } = acked(await mods[0]!.emitWithAck('session:create', { title: 'Two nodes' }));
    acked(await mods[1]!.emitWithAck('session:start', { sessionId }));
    await Promise.all(members.map(async (m) => acked(await m.emitWithAck('attendance:checkIn', { sessionId }))));
    for (const f of followers) f.replica.resync();

    const random = seededRandom(99);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const command = (step: number): Promise<unknown> => {
      const m = pick(members);
      const mod = pick(mods);
      switch (Math.floor(random() * 7)) {
        case 0:
        case 1:
        case 2:
          return m.emitWithAck('queue:raise', { sessionId, kind: pick(KINDS) });
        case 3:
          return m.emitWithAck('queue:lower', { sessionId });
        case 4:
          return mod.emitWithAck('queue:next', { sessionId });
        case 5:
          return mod.emitWithAck('queue:endTurn', { sessionId });
        default:
          return mod.emitWithAck('announcement:post', { text: `Notice ${step}` });
      }
    };
    for (let step = 0; step < 80;) {
      const burst = 2 + Math.floor(random() * 8);
      await Promise.all(Array.from({ length: burst }, (_, i) => command(step + i)));
      step += burst;
    }
    await mods[0]!.emitWithAck('queue:endTurn', { sessionId });

    const truth = async (audience: Role) => {
      const facts = await nodes[0]!.app.context.sessions.facts(seed.assemblyId);
      return facts && JSON.parse(JSON.stringify(viewFor(facts, audience)));
    };
    const shown = (state: SessionState | null | undefined) => {
      if (!state) return state;
      const { version: _version, ...rest } = state;
      return rest;
    };
    for (const { audience, replica } of followers)
      await vi.waitFor(async () => expect(shown(replica.state)).toEqual(await truth(audience)), { timeout: 30_000 });
    // One chain: clients of one audience on both nodes hold the same version, and it is a patch's (same epoch).
    for (const audience of ['moderator', 'member', 'observer'] as const) {
      const versions = followers.filter((f) => f.audience === audience).map((f) => f.replica.state!.version);
      expect(new Set(versions).size).toBe(1);
    }
    const [a, b] = [followers[0]!.replica.state!.version, followers[4]!.replica.state!.version];
    expect(compareVersions(a, b)).not.toBeNull();
  }, 180_000);
});
