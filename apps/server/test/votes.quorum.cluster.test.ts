import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VoteView } from '@moot/protocol';
import { acked, connectMember, redeem, type MemberSocket, type SeededAssembly } from './support/harness.ts';
import { twoNodes, type Node, type TwoNodes } from './support/nodes.ts';
import { redisAvailable } from './support/redis.ts';
import { postgresAvailable, servicesRequired } from './support/services.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());
if (servicesRequired && !servicesUp) throw new Error('REQUIRE_SERVICES=1 but PostgreSQL or Redis is unreachable');

const rules = { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false } as const;

/**
 * Quorum while a vote is open on two nodes (issue 17 §5): members on both, presence counted
 * across the nodes; a member on node B leaving pauses the vote once (one audit entry, though
 * both nodes look), members on node A are told; a vote's deadline closes it once, though both
 * nodes' clocks fire.
 */
describe.skipIf(!servicesUp)('quorum and deadlines across two nodes on Redis and PostgreSQL', () => {
  let cluster: TwoNodes;
  let nodes: Node[];
  let seed: SeededAssembly;
  const sockets: { disconnect(): void }[] = [];

  beforeAll(async () => {
    ({ nodes, seed } = cluster = await twoNodes({ seed: true, quorum: { graceMs: 300, sweepMs: 200 } }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.close();
  });

  const cookies = new Map<string, string>();
  const connect = async (node: number, invite: string, name: string): Promise<MemberSocket> => {
    const cookie = cookies.get(invite) ?? (await redeem(nodes[node]!.url, invite, name));
    cookies.set(invite, cookie);
    const { socket } = await connectMember(nodes[node]!.url, cookie);
    sockets.push(socket);
    return socket;
  };
  const count = async (voteId: string, action: string) =>
    (
      await nodes[0]!.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_log WHERE target = $1 AND action = $2',
        [voteId, action],
      )
    )[0]!.n;

  it('pauses once when a member on the other node leaves, resumes once when they return', async () => {
    const mod = await connect(0, seed.moderatorInvite, 'Mo');
    const onA = [await connect(0, seed.memberInvites[0]!, 'Ada'), await connect(0, seed.memberInvites[1]!, 'Ben')];
    let cyOnB = await connect(1, seed.memberInvites[2]!, 'Cy');
    let seenOnA: VoteView[] = [];
    onA[0]!.on('votes:state', (u) => (seenOnA = u.votes));
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Two nodes' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const m of [...onA, cyOnB]) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));

    const { voteId } = acked(
      await mod.emitWithAck('vote:open', { subject: { kind: 'question', question: 'Pause?' }, rules, quorumShare: 1 }),
    );
    cyOnB.disconnect();
    await vi.waitFor(() =>
      expect(seenOnA.find((v) => v.id === voteId)?.quorumPause).toMatchObject({ present: 2, needed: 3 }),
    );
    // Cy comes back, on node A this time.
    cyOnB = await connect(0, seed.memberInvites[2]!, 'Cy');
    await vi.waitFor(() => expect(seenOnA.find((v) => v.id === voteId)?.quorumPause).toBeNull());
    // Both nodes keep looking (sweeps): the decision was made once each way, and stays made.
    await nodes[1]!.app.context.quorum.lookNow(seed.assemblyId);
    await nodes[0]!.app.context.quorum.lookNow(seed.assemblyId);
    expect(await count(voteId, 'vote.paused')).toBe(1);
    expect(await count(voteId, 'vote.resumed')).toBe(1);
    acked(await mod.emitWithAck('vote:close', { voteId }));
  });

  it('closes a vote at its deadline once, though both nodes watch it', async () => {
    const mod = await connect(1, seed.moderatorInvite, 'Mo');
    const ada = await connect(0, seed.memberInvites[0]!, 'Ada');
    let seenOnA: VoteView[] = [];
    ada.on('votes:state', (u) => (seenOnA = u.votes));
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Deadline?' },
        rules,
        quorumShare: 0,
        closesInSeconds: 5,
      }),
    );
    acked(
      await ada.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'yes' },
      }),
    );
    await vi.waitFor(() => expect(seenOnA.find((v) => v.id === voteId)?.status).toBe('closed'));
    expect(seenOnA.find((v) => v.id === voteId)?.result).toMatchObject({ ballots: 1, passed: true });
    // Both nodes look again after it closed: nothing more is recorded.
    await Promise.all(nodes.map((n) => n.app.context.quorum.lookNow(seed.assemblyId)));
    expect(await count(voteId, 'vote.closed_at_deadline')).toBe(1);
    expect(await count(voteId, 'vote.participants')).toBe(1);
    expect(await count(voteId, 'vote.closed')).toBe(0);
  });
});
