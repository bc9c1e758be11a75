import { LIMITS } from '@moot/protocol';

/** One clock for every bucket (a closure per bucket would cost each socket its own). */
const monotonic = (): number => performance.now();

/** A token bucket: a sustained rate with a burst allowance above it. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Messages refused in a row; a socket that keeps pushing past the limit is disconnected. */
  refusedInARow = 0;

  constructor(
    private readonly perSecond: number = LIMITS.messagesPerSecond,
    private readonly burst: number = LIMITS.messageBurst,
    private readonly now: () => number = monotonic,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  take(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusedInARow = 0;
      return true;
    }
    this.refusedInARow++;
    return false;
  }

  /** Hands a token back (a reservation that turned out not to be needed), never above the burst. */
  give(): void {
    this.refill();
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** Whole seconds until a token is there again (0 if one is there now). */
  secondsUntilAvailable(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perSecond);
  }

  /** Back at its full burst: nothing to remember about whoever used it. */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }
}
