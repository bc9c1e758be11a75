import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRole, revokeParticipant } from '../src/features/identity/participantAccess.ts';
import type { RosterState } from '@moot/protocol';
import {
  acked,
  connectMember,
  redeem,
  seedAssembly,
  type MemberSocket,
  type SeededAssembly,
} from './support/harness.ts';
import { twoNodes, type Node, type TwoNodes } from './support/nodes.ts';
import { redisAvailable } from './support/redis.ts';
import { postgresAvailable } from './support/services.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());

/** Resolves with the milliseconds until the server closed the socket. */
const closedWithin = (socket: MemberSocket) => {
  const start = performance.now();
  return new Promise<{ reason: string; ms: number }>((resolve) =>
    socket.once('disconnect', (reason) => resolve({ reason, ms: performance.now() - start })),
  );
};

describe.skipIf(!servicesUp)('revocation and demotion reach every node', () => {
  let cluster: TwoNodes;
  let nodes: Node[];
  let seed: SeededAssembly;
  beforeAll(async () => {
    ({ nodes, seed } = cluster = await twoNodes({ seed: true }));
  });
  afterAll(() => cluster?.close());

  const idOf = async (name: string) =>
    (await nodes[0]!.db.query<{ id: string }>('SELECT id FROM participants WHERE display_name = $1', [name]))[0]!.id;

  it('revoking on node A disconnects the member on both nodes within two seconds', async () => {
    const cookie = await redeem(nodes[0]!.url, seed.memberInvites[0]!, 'Ada');
    const onA = (await connectMember(nodes[0]!.url, cookie)).socket;
    const onB = (await connectMember(nodes[1]!.url, cookie)).socket;
    const [closedA, closedB] = [closedWithin(onA), closedWithin(onB)];
    await revokeParticipant(nodes[0]!.app.context, seed.assemblyId, await idOf('Ada'), null);
    for (const closed of [await closedA, await closedB]) {
      expect(closed.reason).toBe('io server disconnect');
      expect(closed.ms).toBeLessThan(2000);
    }
    await expect(connectMember(nodes[1]!.url, cookie)).rejects.toMatchObject({ message: 'unauthorized' });
  });

  it('demoting on node A closes the moderator socket on node B; it comes back without moderator powers', async () => {
    const cookie = await redeem(nodes[0]!.url, seed.moderatorInvite, 'Mo');
    const onB = (await connectMember(nodes[1]!.url, cookie)).socket;
    const closed = closedWithin(onB);
    await changeRole(nodes[0]!.app.context, seed.assemblyId, await idOf('Mo'), 'member', null);
    expect((await closed).ms).toBeLessThan(2000);
    const again = (await connectMember(nodes[1]!.url, cookie)).socket;
    expect(await again.emitWithAck('session:create', { title: 'Still moderating?' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    again.disconnect();
  });

  it('the roster: a change on node A, or someone joining through node A, reaches a moderator on node B', async () => {
    const own = await seedAssembly(nodes[0]!.db);
    const onA = (await connectMember(nodes[0]!.url, await redeem(nodes[0]!.url, own.moderatorInvite, 'Rhian'))).socket;
    const { inviteSecret } = acked(await onA.emitWithAck('roster:invite', { role: 'moderator' }));
    const onB = (await connectMember(nodes[1]!.url, await redeem(nodes[1]!.url, inviteSecret, 'Bryn'))).socket;
    const next = () => new Promise<RosterState>((resolve) => onB.once('roster:state', resolve));

    const invited = next();
    const { entry, inviteSecret: memberLink } = acked(await onA.emitWithAck('roster:invite', { role: 'member' }));
    expect((await invited).participants.map((p) => p.participantId)).toContain(entry.participantId);
    const joined = next();
    await redeem(nodes[0]!.url, memberLink, 'Cai');
    expect((await joined).participants.find((p) => p.participantId === entry.participantId)?.displayName).toBe('Cai');
    const revoked = next();
    acked(await onA.emitWithAck('roster:revoke', { participantId: entry.participantId }));
    expect((await revoked).participants.map((p) => p.participantId)).not.toContain(entry.participantId);
    onA.disconnect();
    onB.disconnect();
  });
});
