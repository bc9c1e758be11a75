import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caseDocId, type CaseView } from '@moot/protocol';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';
import { CollabClient, paragraph } from './support/collabClient.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  type MemberSocket,
  type SeededAssembly,
} from './support/harness.ts';
import { twoNodes, type Node, type TwoNodes } from './support/nodes.ts';
import { redisAvailable } from './support/redis.ts';
import { postgresAvailable } from './support/services.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());

describe.skipIf(!servicesUp)('a breach case across two nodes on Redis and PostgreSQL', () => {
  let cluster: TwoNodes;
  let nodes: Node[];
  let seed: SeededAssembly;
  const sockets: { disconnect(): void }[] = [];

  beforeAll(async () => {
    ({ nodes, seed } = cluster = await twoNodes({ seed: true }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.close();
  });

  const connect = async (node: number, invite: string, name: string): Promise<MemberSocket> => {
    const { socket } = await connectMember(nodes[node]!.url, await redeem(nodes[node]!.url, invite, name));
    sockets.push(socket);
    return socket;
  };

  it('steers a case on node A and decides it on node B; clients and observers on both follow', async () => {
    const modA = await connect(0, seed.moderatorInvite, 'Mo');
    const modB = await connect(1, seed.moderatorInvite, 'Mo');
    const onA = await connect(0, seed.memberInvites[0]!, 'Ada');
    const onB = await connect(1, seed.memberInvites[1]!, 'Ben');
    let seenOnB: CaseView[] = [];
    onB.on('cases:state', (u) => (seenOnB = u.cases));
    let watchedOnA: CaseView[] = [];
    const watcher = await connectWatcher(nodes[0]!.url, seed.watchKey, (s) =>
      s.on('cases:state', (u) => (watchedOnA = u.cases)),
    );
    sockets.push(watcher.socket);

    acked(await modA.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['Advice', 'Warning'] }));
    acked(await modA.emitWithAck('standard:lock', { standardId: seed.standardId }));
    await nodes[0]!.db.transaction((tx) =>
      setStandardStatus(tx, seed.assemblyId, seed.standardId, ['locked'], 'adopted'),
    );
    const { sessionId } = acked(await modA.emitWithAck('session:create', { title: 'Case hearing' }));
    acked(await modA.emitWithAck('session:start', { sessionId }));
    for (const m of [onA, onB]) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));

    // Opened on A: a member on B hears of it.
    const { caseId } = acked(
      await modA.emitWithAck('case:open', {
        respondent: { role: 'Chief Executive' },
        standardIds: [seed.standardId],
        summary: 'Withheld a report',
      }),
    );
    await vi.waitFor(() => expect(seenOnB.find((c) => c.id === caseId)?.status).toBe('open'));

    // Advanced on B: reasoning opens for editing on both nodes.
    acked(await modB.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    acked(await modB.emitWithAck('case:advance', { caseId, to: 'deliberating' }));
    await vi.waitFor(() => expect(watchedOnA.find((c) => c.id === caseId)?.status).toBe('deliberating'));
    const drafterA = new CollabClient(onA, caseDocId(caseId));
    await drafterA.open();
    const drafterB = new CollabClient(onB, caseDocId(caseId));
    await drafterB.open();
    drafterA.doc.getXmlFragment('reasoning').insert(0, [paragraph('Drafted on node A.')]);
    await vi.waitFor(() => expect(drafterB.doc.getXmlFragment('reasoning').toString()).toContain('node A'));
    expect(drafterA.refusals).toEqual([]);

    // Voted on both nodes, closed on B.
    const { voteId } = acked(await modB.emitWithAck('case:openVote', { caseId }));
    for (const [m, ranking] of [
      [onA, [2, 1]],
      [onB, [2]],
    ] as const) {
      acked(
        await m.emitWithAck('vote:cast', {
          voteId,
          ballotId: randomUUID(),
          choice: { method: 'ranked', ranking: [...ranking] },
        }),
      );
    }
    acked(await modB.emitWithAck('vote:close', { voteId }));
    await vi.waitFor(() => expect(watchedOnA.find((c) => c.id === caseId)?.status).toBe('decided'));
    expect(watchedOnA.find((c) => c.id === caseId)!.decision).toMatchObject({
      outcome: 'Warning',
      breachFound: true,
      reasoning: 'Drafted on node A\\.',
    });

    // Decided on B: node A refuses a further edit to the reasoning.
    drafterA.doc.getXmlFragment('reasoning').insert(1, [paragraph('Too late.')]);
    await vi.waitFor(() => expect(drafterA.refusals.map((r) => r.code)).toEqual(['locked']));
  });
});
