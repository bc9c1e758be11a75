import type { MootServer, WatchNamespace } from '../../realtime/socketData.ts';
import { assemblyRoom } from '../../realtime/socketData.ts';
import { Coalescer } from '../../realtime/coalesce.ts';

/**
 * "N watching": counted from the watch namespace's rooms through the adapter (so across
 * every node once the Redis adapter is on), coalesced so a crowd arriving at once costs one
 * count and one broadcast. The last count is a cache of that, never the source.
 */
export class WatcherCount {
  private readonly last = new Map<string, number>();
  private readonly counting = new Map<string, Promise<number>>();
  private readonly broadcasts = new Coalescer(250, async (assemblyId) => {
    const count = await this.count(assemblyId);
    const room = assemblyRoom(assemblyId);
    this.io.to(room).emit('watchers:count', { count });
    this.watch.to(room).emit('watchers:count', { count });
  });

  constructor(
    private readonly io: MootServer,
    private readonly watch: WatchNamespace,
  ) {}

  current(assemblyId: string): number {
    return this.last.get(assemblyId) ?? 0;
  }

  /** Counts now; callers arriving while a count is under way share it (a crowd costs one count). */
  count(assemblyId: string): Promise<number> {
    const running = this.counting.get(assemblyId);
    if (running) return running;
    const counting = this.watch
      .in(assemblyRoom(assemblyId))
      .fetchSockets()
      .then(
        (sockets) => {
          this.last.set(assemblyId, sockets.length);
          return sockets.length;
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
}
