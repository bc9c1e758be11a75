import { LIMITS } from '@moot/protocol';

/** A token bucket per socket: a sustained rate with a burst allowance above it. */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();
  /** Messages refused in a row; a socket that keeps pushing past the limit is disconnected. */
  refusedInARow = 0;

  constructor(
    private readonly perSecond: number = LIMITS.messagesPerSecond,
    private readonly burst: number = LIMITS.messageBurst,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusedInARow = 0;
      return true;
    }
    this.refusedInARow++;
    return false;
  }
}
