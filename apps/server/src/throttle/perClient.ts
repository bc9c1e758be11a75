import { LIMITS } from '@moot/protocol';
import { TokenBucket } from '../realtime/rateLimit.ts';

export type Clock = () => number;

/**
 * One token bucket per client (an address, a key), kept in this node's memory. At most
 * `LIMITS.maxTrackedClients` are remembered: when full, buckets back at their full burst are
 * forgotten first (there is nothing to remember about them), then the oldest tenth.
 */
export class PerClient {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now?: Clock,
  ) {}

  bucket(client: string): TokenBucket {
    let bucket = this.buckets.get(client);
    if (!bucket) {
      if (this.buckets.size >= LIMITS.maxTrackedClients) this.forget();
      bucket = new TokenBucket(this.perSecond, this.burst, this.now);
      this.buckets.set(client, bucket);
    }
    return bucket;
  }

  /** Takes one token for `client`: 0 if it had one, else whole seconds until it will (for Retry-After). */
  take(client: string): number {
    const bucket = this.bucket(client);
    return bucket.take() ? 0 : Math.max(1, bucket.secondsUntilAvailable());
  }

  private forget(): void {
    for (const [client, bucket] of this.buckets) if (bucket.full) this.buckets.delete(client);
    // None idle (a flood of clients): drop the oldest tenth at once, so this scan stays rare.
    const keep = Math.floor(LIMITS.maxTrackedClients * 0.9);
    for (const client of this.buckets.keys()) {
      if (this.buckets.size <= keep) break;
      this.buckets.delete(client);
    }
  }
}
