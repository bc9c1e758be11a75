import { pino } from 'pino';
import { connectCluster } from '../../../apps/server/src/cluster/connectCluster.ts';
import { assemblyRoom } from '../../../apps/server/src/realtime/socketData.ts';
import { openDatabase } from '../../../apps/server/src/storage/open.ts';
import { connectWatcher, seedAssembly, startApp } from '../../../apps/server/test/support/harness.ts';
import { createScratchDatabase } from '../../../apps/server/test/support/services.ts';
import { BenchRedis } from '../redisStats.ts';

/**
 * What one "N watching" count costs Redis, the old way and the new (issue 18): `node --import tsx
 * bench/src/tools/watcherCountBytes.ts [observers]`. Two Moot nodes in this process on a
 * redis-server of the tool's own, the observers split over both; then 10 counts from node 0 with
 * `watch.in(room).fetchSockets()` (what `WatcherCount` did) and 10 with `WatcherCount.count`
 * (each node's room size, summed over `serverSideEmitWithAck`), each awaited alone, and the
 * redis-server's network bytes and commands per count. A tool, not a test.
 */
const N = Number(process.argv[2] ?? 1000);
const logger = pino({ level: 'silent' });
const redis = await BenchRedis.start();
const scratch = await createScratchDatabase();
const prefix = `wc${Date.now()}`;
const startNode = async () => {
  const db = await openDatabase({ databaseUrl: scratch.url });
  const link = await connectCluster(redis.url, logger, prefix);
  return { ...(await startApp({ db, cluster: link, trustProxy: ['loopback'] })), link, db };
};
const nodes = [await startNode(), await startNode()];
try {
  const seed = await seedAssembly(nodes[0]!.db);
  const sockets = [];
  for (let i = 0; i < N; i += 50) {
    const batch = Array.from({ length: Math.min(50, N - i) }, (_, j) =>
      connectWatcher(nodes[(i + j) % 2]!.url, seed.watchKey, () => {}, {
        'x-forwarded-for': `10.77.${((i + j) >> 8) & 255}.${(i + j) & 255}`,
      }),
    );
    sockets.push(...(await Promise.all(batch)).map((w) => w.socket));
  }
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the join wave's own counts settle
  const { context } = nodes[0]!.app;
  const measure = async (label: string, count: () => Promise<number>) => {
    const before = await redis.counters();
    const t = performance.now();
    let n = 0;
    for (let i = 0; i < 10; i++) n = await count();
    const ms = (performance.now() - t) / 10;
    const d = BenchRedis.delta(before, await redis.counters());
    console.log(
      `${label}: count ${n}, ${Math.round(d.bytes / 10)} bytes and ${d.commands / 10} commands per count (${JSON.stringify(d.byCommand)}), ${ms.toFixed(1)} ms per count`,
    );
    return { count: n, bytesPerCount: Math.round(d.bytes / 10), commandsPerCount: d.commands / 10, msPerCount: ms };
  };
  const room = assemblyRoom(seed.assemblyId);
  const fetched = await measure(
    'before (fetchSockets)',
    async () => (await context.watch.in(room).fetchSockets()).length,
  );
  const summed = await measure('after (room sizes summed)', () => context.watchers.count(seed.assemblyId));
  console.log(JSON.stringify({ observers: N, before: fetched, after: summed }));
  for (const s of sockets) s.disconnect();
} finally {
  for (const node of nodes) {
    await node.close();
    await node.link.close();
    await node.db.close();
  }
  await scratch.drop();
  await redis.stop();
}
process.exit(0);
