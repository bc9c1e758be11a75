import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectMember, connectWatcher, redeem, seedAssembly, type SeededAssembly } from './support/harness.ts';
import { startNode } from './support/nodes.ts';
import { REDIS_URL, redisAvailable, uniquePrefix } from './support/redis.ts';
import { createScratchDatabase, postgresAvailable } from './support/services.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());

/**
 * "N watching" across nodes is each node's own room size, summed (issue 18): a count asks the
 * other nodes for a number, never for their observers' sockets.
 */
describe.skipIf(!servicesUp)('the watcher count on two nodes', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let nodes: Awaited<ReturnType<typeof startNode>>[];
  let seed: SeededAssembly;
  let cookie: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const prefix = uniquePrefix();
    nodes = [];
    for (let i = 0; i < 2; i++) nodes.push(await startNode({ databaseUrl: scratch.url, redisUrl: REDIS_URL, prefix }));
    seed = await seedAssembly(nodes[0]!.db);
    cookie = await redeem(nodes[0]!.url, seed.memberInvites[0]!, 'M0');
  });
  afterAll(async () => {
    for (const node of nodes ?? []) await node.close();
    await scratch?.drop();
  });

  it('is the sum of both nodes’ rooms, without fetching sockets, and a node that closes stops counting', async () => {
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const fetched = vi.spyOn(a.app.context.watch.adapter, 'fetchSockets');
    const member = await connectMember(a.url, cookie);
    const counts: number[] = [];
    member.socket.on('watchers:count', ({ count }) => counts.push(count));
    const onA = await Promise.all([0, 1].map(() => connectWatcher(a.url, seed.watchKey)));
    const onB = await Promise.all([0, 1, 2].map(() => connectWatcher(b.url, seed.watchKey)));

    await vi.waitFor(() => expect(counts.at(-1)).toBe(5));
    expect(await a.app.context.watchers.count(seed.assemblyId)).toBe(5);
    expect(await b.app.context.watchers.count(seed.assemblyId)).toBe(5);
    expect(fetched).not.toHaveBeenCalled();

    // Node B closes (its observers go with it): node A counts only its own.
    await b.close();
    nodes = [a];
    await vi.waitFor(async () => expect(await a.app.context.watchers.count(seed.assemblyId)).toBe(2));
    // The next change on node A broadcasts the new sum.
    onA[1]!.socket.disconnect();
    await vi.waitFor(() => expect(counts.at(-1)).toBe(1));
    for (const w of [...onA, ...onB]) w.socket.disconnect();
    member.socket.disconnect();
  });
});
