import { LIMITS } from '@moot/protocol';
import { TokenBucket } from '../../realtime/rateLimit.ts';

/** Addresses remembered at once; beyond it the oldest go (a flood of addresses cannot grow memory). */
const MAX_ADDRESSES = 10_000;

/**
 * Invite secrets are unguessable, and this keeps them so: every look-up of an invite that does
 * not exist costs the caller's address a token; with none left, every look-up from it is refused
 * (HTTP 429 with Retry-After) until the bucket refills. Links that work cost nothing, so a hall of
 * members behind one address all join; only guessing runs dry.
 */
export class InviteThrottle {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number = LIMITS.inviteLookupBurst,
    private readonly perMinute: number = LIMITS.inviteLookupsPerMinute,
    private readonly now?: () => number,
  ) {}

  /** Seconds the address must wait before its next look-up, or 0 if it may look one up now. */
  waitFor(address: string): number {
    return this.buckets.get(address)?.secondsUntilAvailable() ?? 0;
  }

  /** A look-up from `address` found no invite. */
  missed(address: string): void {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= MAX_ADDRESSES) this.forgetRefilled();
      bucket = new TokenBucket(this.perMinute / 60, this.burst, this.now);
      this.buckets.set(address, bucket);
    }
    bucket.take();
  }

  private forgetRefilled(): void {
    for (const [address, bucket] of this.buckets) if (bucket.full) this.buckets.delete(address);
    while (this.buckets.size >= MAX_ADDRESSES) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
