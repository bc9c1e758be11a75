import { pino } from 'pino';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClusterListener } from '../src/cluster/cluster.ts';
import { decodeClusterMessage, encodeAwareness, encodeUpdates } from '../src/cluster/clusterMessage.ts';
import { RedisCluster } from '../src/cluster/redisCluster.ts';
import { REDIS_URL, redisAvailable, uniquePrefix } from './support/redis.ts';

const redisUp = await redisAvailable();

/** What one node's registry would have been told. */
class Heard implements ClusterListener {
  updates: string[] = [];
  reloads = 0;
  remoteUpdate(_docId: string, update: Uint8Array) {
    this.updates.push(Buffer.from(update).toString());
  }
  remoteAwareness() {}
  missedUpdates() {
    this.reloads++;
  }
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

describe('cluster messages', () => {
  it('round-trip updates and awareness, and refuse anything unreadable', () => {
    expect(decodeClusterMessage(encodeUpdates('n1', [bytes('a'), bytes('bc')]))).toEqual({
      nodeId: 'n1',
      kind: 'updates',
      updates: [bytes('a'), bytes('bc')],
    });
    expect(decodeClusterMessage(encodeAwareness('n2', bytes('p'), bytes('w')))).toMatchObject({
      kind: 'awareness',
      forParticipants: bytes('p'),
      forWatchers: bytes('w'),
    });
    const whole = encodeUpdates('n1', [bytes('abc')]);
    expect(decodeClusterMessage(whole.subarray(0, whole.length - 1))).toBeNull();
    expect(decodeClusterMessage(new Uint8Array([2, 110, 49, 9]))).toBeNull(); // unknown kind
  });
});

describe.skipIf(!redisUp)('two nodes on Redis pub/sub', () => {
  const logger = pino({ level: 'silent' });
  const docId = 'doc-1';
  let admin: ReturnType<typeof createClient>;
  let nodes: RedisCluster[] = [];
  beforeAll(async () => {
    admin = createClient({ url: REDIS_URL });
    await admin.connect();
  });
  afterAll(() => admin?.quit());
  afterEach(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    nodes = [];
  });

  const twoNodes = async () => {
    const prefix = uniquePrefix();
    nodes = [
      await RedisCluster.connect(REDIS_URL, logger, prefix),
      await RedisCluster.connect(REDIS_URL, logger, prefix),
    ];
    const heard = nodes.map((node) => {
      const h = new Heard();
      node.listen(h);
      return h;
    });
    for (const node of nodes) await node.follow(docId);
    return { a: nodes[0]!, b: nodes[1]!, heardA: heard[0]!, heardB: heard[1]! };
  };
  /** Cuts one of a node's Redis connections, as a network blip would. */
  const cut = async (node: RedisCluster, connection: 'commands' | 'subscriber') => {
    const name = node.connectionName(connection);
    const line = (await admin.clientList()).find((c) => c.name === name);
    expect(line, name).toBeDefined();
    await admin.clientKill({ filter: 'ID', id: line!.id });
  };

  it('sends what one tick stored as one PUBLISH, in order, and not back to its sender', async () => {
    const { a, heardA, heardB } = await twoNodes();
    const before = await publishCount();
    for (const u of ['x1', 'x2', 'x3']) a.publishUpdate(docId, bytes(u));
    await vi.waitFor(() => expect(heardB.updates).toEqual(['x1', 'x2', 'x3']));
    expect((await publishCount()) - before).toBe(1);
    expect(heardA.updates).toEqual([]);
  });

  it('reloads from the database after its subscriber was cut off, and hears the channel again', async () => {
    const { a, heardA, heardB } = await twoNodes();
    await cut(nodes[1]!, 'subscriber');
    await vi.waitFor(() => expect(heardB.reloads).toBeGreaterThan(0), { timeout: 5000 });
    expect(heardA.reloads).toBe(0);
    a.publishUpdate(docId, bytes('after'));
    await vi.waitFor(() => expect(heardB.updates).toEqual(['after']));
  });

  it('tells the other nodes to reload what it could not publish once its own connection is back', async () => {
    const { a, heardA, heardB } = await twoNodes();
    await cut(a, 'commands');
    a.publishUpdate(docId, bytes('lost on the way'));
    await vi.waitFor(() => expect(heardB.reloads).toBeGreaterThan(0), { timeout: 5000 });
    expect(heardB.updates).toEqual([]);
    expect(heardA.reloads).toBe(0); // its own subscriber never dropped: nothing to reload there
  });

  /** PUBLISH calls Redis has served so far (shared Redis: only deltas within one test matter). */
  async function publishCount(): Promise<number> {
    const stats = await admin.info('commandstats');
    return Number(/^cmdstat_publish:calls=(\d+)/m.exec(stats)?.[1] ?? 0);
  }
});
