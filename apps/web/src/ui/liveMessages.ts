/**
 * Live-region messages at a pace a screen reader can follow: at most one announcement per
 * `intervalMs`. What arrives in between is kept, the newest per key (five edits to standard 4
 * become one "Standard 4 edited by …"), and announced together when the interval is over.
 * Time is passed in, so the rule is tested without clocks.
 */
export class LiveMessageLimiter {
  private readonly pending = new Map<string, string>();
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  /** What to announce now, or null: then `nextAt()` says when to `flush`. */
  offer(key: string, message: string, now: number): string | null {
    this.pending.delete(key);
    this.pending.set(key, message);
    return this.flush(now);
  }

  /** The waiting messages as one announcement, if the interval since the last one is over. */
  flush(now: number): string | null {
    if (this.pending.size === 0 || now - this.lastAt < this.intervalMs) return null;
    const message = [...this.pending.values()].join(' ');
    this.pending.clear();
    this.lastAt = now;
    return message;
  }

  /** When the waiting messages may go, or null if none wait. */
  nextAt(): number | null {
    return this.pending.size === 0 ? null : this.lastAt + this.intervalMs;
  }
}
