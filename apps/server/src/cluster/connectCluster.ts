import { createShardedAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import type { Cluster } from './cluster.ts';
import { RedisCluster } from './redisCluster.ts';

export interface ClusterLink {
  cluster: Cluster;
  /** The Socket.IO adapter that carries command broadcasts (agenda, charter, votes…) between nodes. */
  adapter: ReturnType<typeof createShardedAdapter>;
  /**
   * `listener` runs whenever a subscriber or the adapter's publisher is back after a loss (not on
   * the first connection): `subscriber` when this node may have missed broadcasts, `publisher`
   * when the other nodes may have missed this node's.
   */
  onRestored(listener: (lost: 'subscriber' | 'publisher') => void): void;
  close(): Promise<void>;
}

/**
 * Joins the cluster at `redisUrl`: the document channels (updates and awareness), and the
 * sharded Socket.IO adapter (Redis ≥ 7: one channel per room, so a node only receives
 * broadcasts for rooms it has sockets in). Pub/sub delivers nothing twice and keeps nothing
 * for later: a broadcast sent while a connection was down is lost, so `onRestored` tells the
 * app when to send its sockets their state again.
 */
export async function connectCluster(redisUrl: string, logger: Logger, prefix = 'moot'): Promise<ClusterLink> {
  const cluster = await RedisCluster.connect(redisUrl, logger, prefix);
  const [pub, sub] = cluster.adapterClients();
  await Promise.all([pub.connect(), sub.connect()]);
  const listeners: ((lost: 'subscriber' | 'publisher') => void)[] = [];
  const restored = (lost: 'subscriber' | 'publisher') => () => {
    for (const listener of listeners) listener(lost);
  };
  // Registered after the first connection, so only a reconnection counts (node-redis resubscribes
  // every channel before `ready`).
  sub.on('ready', restored('subscriber'));
  pub.on('ready', restored('publisher'));
  cluster.onRestored(restored('subscriber'));
  return {
    cluster,
    adapter: createShardedAdapter(pub, sub, { subscriptionMode: 'dynamic', channelPrefix: `${prefix}:sio` }),
    onRestored: (listener) => void listeners.push(listener),
    close: async () => {
      await cluster.close();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
