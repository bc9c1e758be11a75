import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import type { Cluster } from './cluster.ts';
import { RedisCluster } from './redisCluster.ts';

export interface ClusterLink {
  cluster: Cluster;
  /** The Socket.IO adapter that carries command broadcasts (agenda, charter, votes…) between nodes. */
  adapter: ReturnType<typeof createShardedAdapter>;
  close(): Promise<void>;
}

/**
 * Joins the cluster at `redisUrl`: the document channels (updates and awareness), and the
 * sharded Socket.IO adapter (Redis ≥ 7: one channel per room, so a node only receives
 * broadcasts for rooms it has sockets in).
 */
export async function connectCluster(redisUrl: string, logger: Logger, prefix = 'moot'): Promise<ClusterLink> {
  const cluster = await RedisCluster.connect(redisUrl, logger, prefix);
  const [pub, sub] = cluster.adapterClients();
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    cluster,
    adapter: createShardedAdapter(pub, sub, { subscriptionMode: 'dynamic', channelPrefix: `${prefix}:sio` }),
    close: async () => {
      await cluster.close();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
