import { LIMITS } from '@moot/protocol';
import { PerClient, type Clock } from './perClient.ts';

/** What a guarded look-up came to: the thing the secret opens, nothing, or "wait, too many failures". */
export type Guarded<T> = { found: T | null } | { retryAfter: number };

/**
 * Secrets (invite links, watch links, session cookies) are 128 random bits, and this keeps them
 * unguessable in practice: every address has a budget of *failed* look-ups. The slot is reserved
 * before the database is asked — synchronously, so 400 guesses sent at once get no more look-ups
 * than the slots left — and handed back when the secret opens something. Only failures count:
 * members redeeming real links, however many share one address, cost nothing, and a guesser
 * elsewhere costs them nothing either. An address with no slot left gets "retry after N s"
 * without a look-up; it gets a slot back every `60 / secretFailuresPerMinute` seconds.
 */
export class SecretGuesses {
  private readonly failures: PerClient;

  constructor(
    now?: Clock,
    burst: number = LIMITS.secretFailureBurst,
    perMinute: number = LIMITS.secretFailuresPerMinute,
  ) {
    this.failures = new PerClient(perMinute / 60, burst, now);
  }

  /**
   * Looks a secret up on behalf of `address` if it has a failure slot left. `lookUp` resolving to
   * null is a failure (the slot stays taken); a result, or an error (the database, not a guess),
   * hands the slot back.
   */
  async guard<T>(address: string, lookUp: () => Promise<T | null>): Promise<Guarded<T>> {
    const bucket = this.failures.bucket(address);
    if (!bucket.take()) return { retryAfter: Math.max(1, bucket.secondsUntilAvailable()) };
    let found: T | null;
    try {
      found = await lookUp();
    } catch (error) {
      bucket.give();
      throw error;
    }
    if (found !== null) bucket.give();
    return { found };
  }
}
