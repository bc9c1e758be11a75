import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { randomUUID } from 'node:crypto';
import type { StandardView } from '@moot/protocol';
import { loadDocument, replay } from '../src/collab/documentStore.ts';
import { openDatabase } from '../src/storage/open.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  type MemberSocket,
  type SeededAssembly,
} from './support/harness.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { startNode, twoNodes, type Node, type TwoNodes } from './support/nodes.ts';
import { seededRandom } from './support/random.ts';
import { followSession } from './support/sessionWatch.ts';
import { REDIS_URL, redisAvailable, uniquePrefix } from './support/redis.ts';
import { postgresAvailable } from './support/services.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());

describe.skipIf(!servicesUp)('two nodes on Redis and PostgreSQL', () => {
  let cluster: TwoNodes;
  let nodes: Node[];
  let seed: SeededAssembly;
  let cookies: string[];

  beforeAll(async () => {
    ({ nodes, seed } = cluster = await twoNodes({ seed: true }));
    cookies = [];
    for (const [i, invite] of seed.memberInvites.entries()) cookies.push(await redeem(nodes[0]!.url, invite, `M${i}`));
  });
  afterAll(() => cluster?.close());

  const editorOn = async (node: number, cookie: string) => {
    const { socket } = await connectMember(nodes[node]!.url, cookie);
    const client = new CollabClient(socket, seed.docId);
    await client.open();
    return client;
  };

  it('carries edits, carets and charter changes from node A to clients and watchers on node B', async () => {
    const onA = await editorOn(0, cookies[0]!);
    const onB = await editorOn(1, cookies[1]!);
    const watcher = await connectWatcher(nodes[1]!.url, seed.watchKey);
    const watched = new Y.Doc();
    watcher.socket.on('doc:sync', ({ message }) => {
      // Observers get step 2 then updates; both carry a plain Yjs update after the type byte.
      const bytes = message instanceof Uint8Array ? message : new Uint8Array(message);
      Y.applyUpdate(watched, bytes.subarray(bytes[1]! < 128 ? 2 : 3));
    });
    expect((await watcher.socket.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);

    onA.text.insert(0, 'From node A.');
    await vi.waitFor(() => expect(onB.text.toString()).toBe('From node A.'));
    await vi.waitFor(() => expect(watched.getText('t').toString()).toBe('From node A.'));
    onA.setPresence({ cursor: 3 });
    await vi.waitFor(() => expect(onB.awareness.getStates().get(onA.doc.clientID)?.user).toMatchObject({ name: 'M0' }));

    let charter: StandardView[] = [];
    onB.socket.on('charter:updated', ({ standards }) => (charter = standards));
    expect((await onA.socket.emitWithAck('standard:add', { title: 'Across nodes' })).ok).toBe(true);
    await vi.waitFor(() => expect(charter.map((s) => s.title)).toContain('Across nodes'));

    // Carets of a socket that leaves node A disappear on node B too.
    onA.socket.disconnect();
    await vi.waitFor(() => expect(onB.awareness.getStates().has(onA.doc.clientID)).toBe(false));
    onB.socket.disconnect();
    watcher.socket.disconnect();
  });

  it('gives a node that loads the document later the full state', async () => {
    const onA = await editorOn(0, cookies[0]!);
    onA.text.insert(onA.text.length, ' More.');
    await vi.waitFor(() => expect(onA.unacked).toBe(0));
    const prefix = uniquePrefix();
    const late = await startNode({ databaseUrl: cluster.databaseUrl, redisUrl: REDIS_URL, prefix });
    try {
      const live = await late.app.context.documents.open(seed.docId);
      expect(live.doc.getText('t').toString()).toBe(onA.text.toString());
    } finally {
      await late.close();
      onA.socket.disconnect();
    }
  });

  it('converges under churn: clients on both nodes edit and hop between nodes', async () => {
    const seedValue = Number(process.env.TEST_SEED ?? Date.now() % 100_000);
    console.info(`churn seed: ${seedValue} (rerun with TEST_SEED=${seedValue})`);
    const random = seededRandom(seedValue);
    const clients = [await editorOn(0, cookies[0]!), await editorOn(1, cookies[1]!), await editorOn(0, cookies[2]!)];
    for (let round = 0; round < 150; round++) {
      const i = Math.floor(random() * clients.length);
      const client = clients[i]!;
      if (random() < 0.05) {
        // Hop: disconnect, keep editing offline, come back on the other node with the same document.
        client.socket.disconnect();
        client.text.insert(0, `(${round})`);
        const node = random() < 0.5 ? 0 : 1;
        const { socket } = await connectMember(nodes[node]!.url, cookies[i]!);
        clients[i] = await client.moveTo(socket);
        continue;
      }
      const text = client.text;
      if (text.length > 0 && random() < 0.3) text.delete(Math.floor(random() * text.length), 1);
      else text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + Math.floor(random() * 26)));
    }
    const [liveA, liveB] = await Promise.all(nodes.map((n) => n.app.context.documents.open(seed.docId)));
    await vi.waitFor(
      () => {
        const expected = clients[0]!.text.toString();
        for (const c of clients) expect(c.text.toString()).toBe(expected);
        expect(clients.reduce((n, c) => n + c.unacked, 0)).toBe(0);
        expect(liveA!.doc.getText('t').toString()).toBe(expected);
        expect(liveB!.doc.getText('t').toString()).toBe(expected);
      },
      { timeout: 15_000 },
    );
    const db = await openDatabase({ databaseUrl: cluster.databaseUrl });
    try {
      const stored = await loadDocument(db, seed.docId);
      expect(replay(stored.snapshot, stored.updates).getText('t').toString()).toBe(clients[0]!.text.toString());
    } finally {
      await db.close();
    }
    for (const c of clients) c.socket.disconnect();
  });

  it('runs one session across both nodes: commands on A reach members and observers on B, presence counts both', async () => {
    const modCookie = await redeem(nodes[0]!.url, seed.moderatorInvite, 'Mo');
    const mod = (await connectMember(nodes[0]!.url, modCookie)).socket;
    const onB = (await connectMember(nodes[1]!.url, cookies[1]!)).socket;
    const watcherB = await connectWatcher(nodes[1]!.url, seed.watchKey);
    const member = followSession(onB);
    const observer = followSession(watcherB.socket);
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Across nodes' }));
    const { itemId } = acked(
      await mod.emitWithAck('agenda:add', { sessionId, title: 'Learn', kind: 'learn', plannedMinutes: 5 }),
    );
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    acked(await onB.emitWithAck('attendance:checkIn', { sessionId }));
    acked(await onB.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    await vi.waitFor(() => {
      expect(member.state?.currentItemId).toBe(itemId);
      expect(observer.state?.turn?.name).toBe('Member 3');
      expect(member.state?.attendees.find((a) => a.name === 'M1')).toMatchObject({ checkedIn: true, online: true });
    });
    // A vote opened on A, cast on B, closed on A.
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Across?' },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 1,
      }),
    );
    acked(
      await onB.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice: 'yes' },
      }),
    );
    expect(acked(await mod.emitWithAck('vote:close', { voteId }))).toMatchObject({ passed: true, ballots: 1 });
    // One sitting is live at a time: the next test starts its own.
    acked(await mod.emitWithAck('session:end', { sessionId }));
    for (const s of [mod, onB, watcherB.socket]) s.disconnect();
  });

  it('counts each member once when ballots from both nodes race a close', async () => {
    const modCookie = await redeem(nodes[0]!.url, seed.moderatorInvite, 'Mo');
    const mod = (await connectMember(nodes[0]!.url, modCookie)).socket;
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Race' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    const voters: MemberSocket[] = [];
    for (let i = 0; i < 12; i++) {
      const { inviteSecret } = await inviteParticipant(nodes[0]!.db, seed.assemblyId, 'member');
      const node = nodes[i % 2]!;
      const socket = (await connectMember(node.url, await redeem(node.url, inviteSecret, `Racer ${i}`))).socket;
      acked(await socket.emitWithAck('attendance:checkIn', { sessionId }));
      voters.push(socket);
    }
    const { voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Race?' },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    const casts = voters.flatMap((socket) => {
      const again = { voteId, ballotId: randomUUID(), choice: { method: 'yes_no', choice: 'yes' } } as const;
      return [
        socket.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: { method: 'yes_no', choice: 'no' } }),
        socket.emitWithAck('vote:cast', again),
        socket.emitWithAck('vote:cast', again),
      ];
    });
    const closing = mod.emitWithAck('vote:close', { voteId });
    const outcomes = await Promise.all(casts);
    const result = acked(await closing);
    expect(outcomes.every((o) => o.ok || o.error.code === 'vote_closed')).toBe(true);
    const [{ n }] = (await nodes[1]!.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1',
      [voteId],
    )) as [{ n: number }];
    expect(result.ballots).toBe(n);
    expect(result.ballots).toBeLessThanOrEqual(voters.length);
    expect(acked(await mod.emitWithAck('vote:close', { voteId }))).toEqual(result);
    for (const s of [mod, ...voters]) s.disconnect();
  });

  it('counts watchers across both nodes', async () => {
    const member = await connectMember(nodes[0]!.url, cookies[0]!);
    const counts: number[] = [];
    member.socket.on('watchers:count', ({ count }) => counts.push(count));
    const a = await connectWatcher(nodes[0]!.url, seed.watchKey);
    const b = await connectWatcher(nodes[1]!.url, seed.watchKey);
    await vi.waitFor(() => expect(counts.at(-1)).toBe(2));
    b.socket.disconnect();
    await vi.waitFor(() => expect(counts.at(-1)).toBe(1));
    a.socket.disconnect();
    member.socket.disconnect();
  });
});
