import { LIMITS } from '@moot/protocol';
import type { KnownSecrets } from './knownSecrets.ts';
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
 * without a look-up; it gets a slot back every `60 / secretFailuresPerMinute` seconds — unless
 * the secret it presents is one this node knows opens something (`KnownSecrets`): a right secret is
 * never refused because others at the same address guessed wrong.
 */
export class SecretGuesses {
  private readonly failures: PerClient;

  constructor(
    private readonly known: KnownSecrets | null = null,
    now?: Clock,
    burst: number = LIMITS.secretFailureBurst,
    perMinute: number = LIMITS.secretFailuresPerMinute,
  ) {
    this.failures = new PerClient(perMinute / 60, burst, now);
  }

  /**
   * Looks `presented` (the secrets a request carries) up on behalf of `address` if it has a
   * failure slot left. `lookUp` resolving to null is a failure (the slot stays taken); a result, or
   * an error (the database, not a guess), hands the slot back. With no slot left, only a secret
   * this node knows is looked up (no slot is taken for it).
   */
  async guard<T>(address: string, presented: readonly string[], lookUp: () => Promise<T | null>): Promise<Guarded<T>> {
    const bucket = this.failures.bucket(address);
    if (!bucket.take()) {
      if (this.known && (await this.known.includesAny(presented))) return { found: await lookUp() };
      return { retryAfter: Math.max(1, bucket.secondsUntilAvailable()) };
    }
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
