import { hashSecret } from '../storage/secrets.ts';

/** Every live secret's hash (invites, sessions, watch keys), read from the database. */
export type LoadSecretHashes = () => Promise<Iterable<Buffer>>;

/**
 * This node's copy of which secrets open something, so an address out of failed tries can still
 * present a right one: many people share an address (a council hall behind NAT, everyone behind
 * the compose nginx), and one guesser among them must not lock the rest out. Held as hashes, in
 * memory only. The database stays the truth: a secret found here is still looked up there, so a
 * revoked one is refused; one issued since the last load (on any node) is found by reloading.
 *
 * Reloads are single-flight and at least `minGapMs` apart, so a guesser at a blocked address
 * costs the database at most one read of the hashes per gap, however fast it guesses; an honest
 * newcomer waits at most one gap. Looking up here is no useful oracle: secrets are 128 random
 * bits, and handshakes and requests stay bounded per address.
 */
export class KnownSecrets {
  private hashes = new Set<string>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;
  /** Loads numbered in the order their query began; `loaded` is the number of the last one done. */
  private started = 0;
  private loaded = 0;

  constructor(
    private readonly load: LoadSecretHashes,
    private readonly minGapMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when any of `secrets` opened something at the last load, reloading once if none did. */
  async includesAny(secrets: readonly string[]): Promise<boolean> {
    if (secrets.length === 0) return false;
    const keys = secrets.map((secret) => hashSecret(secret).toString('hex'));
    const known = () => keys.some((key) => this.hashes.has(key));
    if (known()) return true;
    // A load whose query began before this call may predate the secret: wait for one that did not.
    const needed = this.started + 1;
    while (this.loaded < needed) await this.reload();
    return known();
  }

  /** One load at a time, at least `minGapMs` after the last; callers in between share it. */
  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const wait = this.loadedAt + this.minGapMs - this.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const number = ++this.started;
        const hashes = new Set<string>();
        for (const hash of await this.load()) hashes.add(hash.toString('hex'));
        this.hashes = hashes;
        this.loadedAt = this.now();
        this.loaded = number;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
