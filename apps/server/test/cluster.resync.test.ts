import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssemblySnapshot, CaseView, SessionState, StandardView, VoteView } from '@moot/protocol';
import type { RedisCluster } from '../src/cluster/redisCluster.ts';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  type MemberSocket,
  type WatcherSocket,
} from './support/harness.ts';
import { twoNodes, type Node, type TwoNodes } from './support/nodes.ts';
import { sessionReplica } from './support/sessionWatch.ts';
import { REDIS_URL, redisAvailable } from './support/redis.ts';
import { postgresAvailable } from './support/services.ts';
import { TcpProxy } from './support/tcpProxy.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());

/** The latest of each state a client shows, as its broadcasts and snapshots arrive. */
function follow(socket: MemberSocket | WatcherSocket) {
  const seen = {
    session: null as SessionState | null,
    votes: [] as VoteView[],
    cases: [] as CaseView[],
    standards: [] as StandardView[],
  };
  const s = socket as MemberSocket;
  const session = sessionReplica(s, () => (seen.session = session.state ?? null));
  s.on('votes:state', ({ votes }) => (seen.votes = votes));
  s.on('cases:state', ({ cases }) => (seen.cases = cases));
  s.on('charter:updated', ({ standards }) => (seen.standards = standards));
  s.on('assembly:snapshot', (snapshot: AssemblySnapshot) => (seen.standards = snapshot.standards));
  return seen;
}
type Seen = ReturnType<typeof follow>;

/**
 * Command broadcasts (session, votes, cases, charter) cross nodes through the Socket.IO Redis
 * adapter, which keeps nothing for a subscriber that is away and drops what a publisher cannot
 * send. Node B reaches Redis through a proxy, so when one of its adapter connections is cut
 * (`CLIENT KILL`) its reconnection can be held while everything changes; once it is back, the
 * clients that missed the broadcasts must be current without any further change.
 */
describe.skipIf(!servicesUp)('a node whose Redis adapter connection was cut catches up once it is back', () => {
  let cluster: TwoNodes;
  let nodes: Node[];
  let proxy: TcpProxy;
  let admin: ReturnType<typeof createClient>;
  const sockets: { disconnect(): void }[] = [];

  beforeAll(async () => {
    const redis = new URL(REDIS_URL);
    proxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    const throughProxy = new URL(REDIS_URL);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);
    ({ nodes } = cluster = await twoNodes({ redisUrl: [REDIS_URL, throughProxy.toString()] }));
    admin = createClient({ url: REDIS_URL });
    await admin.connect();
  });
  afterAll(async () => {
    proxy?.release();
    for (const socket of sockets) socket.disconnect();
    await cluster?.close();
    await proxy?.close();
    await admin?.quit();
  });

  /** Cuts one of node B's Redis connections, as a network blip would; its reconnection waits at the proxy. */
  const cutOnB = async (connection: 'adapter-subscriber' | 'adapter-publisher') => {
    const name = (nodes[1]!.link.cluster as RedisCluster).connectionName(connection);
    const line = (await admin.clientList()).find((c) => c.name === name);
    expect(line, name).toBeDefined();
    proxy.hold();
    await admin.clientKill({ filter: 'ID', id: line!.id });
    await vi.waitFor(() => expect(proxy.waiting).toBeGreaterThan(0), { timeout: 10_000 });
  };

  const current = (seen: Seen) => ({
    agenda: seen.session?.agenda.map((i) => i.title) ?? [],
    votes: seen.votes.map((v) => v.question),
    cases: seen.cases.map((c) => c.summary),
    standards: seen.standards.map((s) => s.title),
  });
  const changed = {
    agenda: 'Added while cut off',
    votes: 'Asked while cut off?',
    cases: 'Opened while cut off',
    standards: 'Renamed while cut off',
  };
  const hasAll = (seen: Seen) => {
    const now = current(seen);
    for (const [key, text] of Object.entries(changed)) expect(now[key as keyof typeof now]).toContain(text);
  };

  /**
   * A moderator changes the session, a vote, a case and the charter through node `writer` while
   * node B's `cut` connection is away; a member and an observer on node `reader` must end up
   * current once it is back, without any further change.
   */
  const catchesUp = async (cut: 'adapter-subscriber' | 'adapter-publisher', writer: number, reader: number) => {
    const seed = await seedAssembly(nodes[0]!.db);
    const connect = async (node: number, invite: string, name: string) => {
      const { socket } = await connectMember(nodes[node]!.url, await redeem(nodes[node]!.url, invite, name));
      sockets.push(socket);
      return socket;
    };
    const mod = await connect(writer, seed.moderatorInvite, 'Mo');
    const member = await connect(reader, seed.memberInvites[0]!, 'Ada');
    const seenByMember = follow(member);
    let seenByObserver: Seen | null = null;
    const { socket: observer } = await connectWatcher(nodes[reader]!.url, seed.watchKey, (s) => {
      seenByObserver = follow(s);
    });
    sockets.push(observer);

    // A standard a case can cite (adopted, with a ladder), and a live session the reader's clients follow.
    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['A warning'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    await nodes[0]!.db.transaction((tx) =>
      setStandardStatus(tx, seed.assemblyId, seed.standardId, ['locked'], 'adopted'),
    );
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Sitting' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    acked(await member.emitWithAck('attendance:checkIn', { sessionId }));
    // Nothing of the setting up is still on its way: a publish either node still owed (the
    // check-in, the arrivals) would carry the changes below to the reader's clients through
    // that node's own head, and the cut would prove nothing.
    await Promise.all(nodes.map((node) => node.app.context.sessions.publish(seed.assemblyId, 0)));
    const published = nodes[reader]!.app.context.sessions;
    const [memberHead, observerHead] = await Promise.all([
      published.stateFor(seed.assemblyId, 'member'),
      published.stateFor(seed.assemblyId, 'observer'),
    ]);
    await vi.waitFor(() => {
      expect(seenByMember.session?.status).toBe('live');
      expect(seenByMember.session?.version).toBe(memberHead?.version);
      expect(seenByObserver?.session?.version).toBe(observerHead?.version);
    });

    await cutOnB(cut);
    acked(
      await mod.emitWithAck('agenda:add', { sessionId, title: changed.agenda, kind: 'deliberate', plannedMinutes: 10 }),
    );
    acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: changed.votes },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Director of Housing' },
        standardIds: [seed.standardId],
        summary: changed.cases,
      }),
    );
    // The charter changes too (a new standard: the adopted one's title is fixed).
    acked(await mod.emitWithAck('standard:add', { title: changed.standards }));
    // A round trip to the reader's node: whatever it was going to relay has arrived. None of it did: lost.
    await member.emitWithAck('clock:ping', {});
    await observer.emitWithAck('clock:ping', {});
    for (const seen of [seenByMember, seenByObserver!]) {
      const now = current(seen);
      for (const [key, text] of Object.entries(changed)) expect(now[key as keyof typeof now]).not.toContain(text);
    }

    // Nothing changes any more; the connection comes back.
    proxy.release();
    await vi.waitFor(
      () => {
        hasAll(seenByMember);
        hasAll(seenByObserver!);
      },
      { timeout: 30_000, interval: 100 },
    );
    // Each in their own view; a moderator is a public figure, named to both.
    expect(seenByMember.cases[0]!.openedBy).toBe('Mo');
    expect(seenByObserver!.cases[0]!.openedBy).toBe('Mo');
  };

  it("B's adapter subscriber cut: B's member and observer get what changed on A meanwhile", async () => {
    await catchesUp('adapter-subscriber', 0, 1);
  }, 120_000);

  it("B's adapter publisher cut: A's member and observer get what changed on B meanwhile", async () => {
    await catchesUp('adapter-publisher', 1, 0);
  }, 120_000);
});
