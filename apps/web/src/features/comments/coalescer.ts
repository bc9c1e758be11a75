export interface Timers {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Rate-limits announcements: items pushed within `intervalMs` of the last emission are gathered
 * and emitted together once the interval has passed, so a burst becomes one message.
 */
export class Coalescer<T> {
  private pending: T[] = [];
  private last = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (items: T[]) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  push(items: readonly T[]): void {
    if (items.length === 0) return;
    this.pending.push(...items);
    if (this.timer !== null) return;
    const wait = this.last + this.intervalMs - this.timers.now();
    if (wait <= 0) this.flush();
    else this.timer = this.timers.setTimeout(this.flush, wait);
  }

  dispose(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  private readonly flush = () => {
    this.timer = null;
    const items = this.pending;
    this.pending = [];
    this.last = this.timers.now();
    this.emit(items);
  };
}
