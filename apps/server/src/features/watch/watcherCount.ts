import type { MootServer, WatchNamespace } from '../../realtime/socketData.ts';
import { assemblyRoom } from '../../realtime/socketData.ts';
import { Coalescer } from '../../realtime/coalesce.ts';

/**
 * "N watching": each node's own count of the assembly's watch room, summed, and coalesced so a
 * crowd arriving at once costs one count and one broadcast. The last count is a cache of that,
 * never the source.
 *
 * Across nodes a count is one `serverSideEmitWithAck` through the adapter: every other node
 * answers with its room's size, a number (a few bytes per node, whatever the crowd). It used to
 * be `fetchSockets()`, which had every node send every observer socket (id, rooms, handshake)
 * over Redis on every count — O(observers) bytes up to 4×/s during a join wave, the first thing
 * to break with thousands of observers. Asking the nodes, rather than keeping a Redis hash of
 * node → count with an expiry, keeps no state to expire: a node that closes leaves the adapter's
 * channel and is not asked again (a stale entry would count until its expiry), and one that
 * does not answer within the adapter's timeout (5 s) is left out of that count — the others'
 * answers still stand.
 */
export const COUNT_GATHER_MS = 250;
export const COUNT_GATHER_MS_PER_WATCHER = 0.5;

function watcherCountGather(counts: WatcherCount): (assemblyId: string) => number {
  return (assemblyId) => Math.max(COUNT_GATHER_MS, counts.current(assemblyId) * COUNT_GATHER_MS_PER_WATCHER);
}

export class WatcherCount {
  private readonly last = new Map<string, number>();
  private readonly counting = new Map<string, Promise<number>>();
  /**
   * A broadcast goes to every watcher, so its cost grows with the crowd: at most one per 250 ms,
   * and past 500 watchers one per 0.5 ms × watchers (2.5 s at 5,000), which keeps the count's
   * share of a node's CPU flat (≈ 20 µs per socket per broadcast ÷ 0.5 ms ≈ 4 %) however many
   * join. Measured (bench --hold, issue 18): at a fixed 250 ms a join wave slowed from 30 to
   * 5 joins/s by 3,000 watchers on a starved node, the count's broadcast taking its CPU.
   */
  private readonly broadcasts = new Coalescer(watcherCountGather(this), async (assemblyId) => {
    const count = await this.count(assemblyId);
    const room = assemblyRoom(assemblyId);
    this.io.to(room).emit('watchers:count', { count });
    this.watch.to(room).emit('watchers:count', { count });
  });

  constructor(
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
    /** Other nodes share the adapter (Redis); a single node's in-memory adapter cannot be asked. */
    private readonly clustered: boolean,
  ) {
    if (clustered) watch.on('watchers:here', (assemblyId, reply) => reply(this.here(assemblyId)));
  }

  current(assemblyId: string): number {
    return this.last.get(assemblyId) ?? 0;
  }

  /** Counts now; callers arriving while a count is under way share it (a crowd costs one count). */
  count(assemblyId: string): Promise<number> {
    const running = this.counting.get(assemblyId);
    if (running) return running;
    const counting = this.elsewhere(assemblyId)
      .then(
        (others) => {
          const count = this.here(assemblyId) + others.reduce((sum, n) => sum + (Number.isInteger(n) ? n : 0), 0);
          this.last.set(assemblyId, count);
          return count;
        },
        // Other nodes unreachable (Redis away): the last count is the best we have.
        () => this.current(assemblyId),
      )
      .finally(() => this.counting.delete(assemblyId));
    this.counting.set(assemblyId, counting);
    return counting;
  }

  changed(assemblyId: string): void {
    this.broadcasts.schedule(assemblyId);
  }

  close(): void {
    this.broadcasts.close();
  }

  /** This node's observers of the assembly: its own room, no adapter involved. */
  private here(assemblyId: string): number {
    return this.watch.adapter.rooms.get(assemblyRoom(assemblyId))?.size ?? 0;
  }

  /**
   * The other nodes' counts; on the adapter's timeout, the answers that did arrive. The adapter is
   * asked directly, not through `Namespace.serverSideEmitWithAck`: that one drops the adapter's
   * promise, so a failed `SHARDNUMSUB` (Redis away: the clients queue nothing offline) would be an
   * unhandled rejection instead of this count falling back to the last one.
   */
  private elsewhere(assemblyId: string): Promise<number[]> {
    if (!this.clustered) return Promise.resolve([]);
    return new Promise<number[]>((resolve, reject) => {
      const answered = (error: Error | null, counts: unknown[]) =>
        Array.isArray(counts) ? resolve(counts as number[]) : reject(error ?? new Error('no answers'));
      const asked = this.watch.adapter.serverSideEmit(['watchers:here', assemblyId, answered]) as unknown;
      void Promise.resolve(asked).catch(reject);
    });
  }
}
