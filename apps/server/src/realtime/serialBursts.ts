interface Burst {
  timer: NodeJS.Timeout | null;
  /** When the timer fires (ms since epoch). */
  due: number;
  running: boolean;
  /** Callers waiting for the next run to finish (they asked before it started). */
  next: (() => void)[];
}

/**
 * Runs `work(key)` once per burst and never twice at once for the same key: the first request
 * starts a timer; requests before it fires ride along (a request with a shorter delay brings it
 * forward); a request while the work runs makes it run once more afterwards. So a hundred
 * commands in a second cost as many runs as fit one after another, not a hundred. `schedule`
 * resolves once a run that started after the request has finished (whether or not it failed).
 */
export class SerialBursts {
  private readonly bursts = new Map<string, Burst>();
  private closed = false;

  constructor(private readonly work: (key: string) => Promise<unknown>) {}

  schedule(key: string, delayMs: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    const burst = this.bursts.get(key) ?? { timer: null, due: Infinity, running: false, next: [] };
    this.bursts.set(key, burst);
    const done = new Promise<void>((resolve) => burst.next.push(resolve));
    if (!burst.running) this.arm(key, burst, delayMs);
    return done;
  }

  close(): void {
    this.closed = true;
    for (const burst of this.bursts.values()) {
      if (burst.timer) clearTimeout(burst.timer);
      for (const resolve of burst.next) resolve();
    }
    this.bursts.clear();
  }

  private arm(key: string, burst: Burst, delayMs: number): void {
    const due = Date.now() + delayMs;
    if (burst.timer && burst.due <= due) return;
    if (burst.timer) clearTimeout(burst.timer);
    burst.due = due;
    burst.timer = setTimeout(() => void this.run(key, burst), delayMs);
  }

  private async run(key: string, burst: Burst): Promise<void> {
    burst.timer = null;
    burst.due = Infinity;
    burst.running = true;
    const waiting = burst.next;
    burst.next = [];
    try {
      await this.work(key);
    } catch {
      // The work reports its own failures; the next request runs it again.
    }
    burst.running = false;
    for (const resolve of waiting) resolve();
    if (this.closed) return;
    // Asked again while running: once more, right away (the requests already waited).
    if (burst.next.length > 0) this.arm(key, burst, 0);
    else this.bursts.delete(key);
  }
}
