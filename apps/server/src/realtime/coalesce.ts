/**
 * Runs `work(key)` once per burst: the first call for a key starts a timer, later calls for the
 * same key within `delayMs` ride along. Used where a crowd arriving (watchers, ballots,
 * presence) should cost one count and one broadcast, not one per person.
 */
export class Coalescer {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    /** Fixed, or per key at each burst's start (a burst whose work grows with the key's size waits longer). */
    private readonly delayMs: number | ((key: string) => number),
    private readonly work: (key: string) => Promise<unknown>,
  ) {}

  schedule(key: string): void {
    if (this.pending.has(key)) return;
    const timer = setTimeout(
      () => {
        this.pending.delete(key);
        this.work(key).catch(() => {});
      },
      typeof this.delayMs === 'number' ? this.delayMs : this.delayMs(key),
    );
    this.pending.set(key, timer);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
