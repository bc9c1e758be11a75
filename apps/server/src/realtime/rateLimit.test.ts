import { describe, expect, it } from 'vitest';
import { LIMITS } from '@moot/protocol';
import { TokenBucket } from './rateLimit.ts';

/** A clock the test moves by hand: rates are checked over simulated minutes, not waited for. */
function manualClock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe('the per-socket rate limit', () => {
  it('never refuses a fast typist: a keystroke and a caret move 12 times a second for ten minutes', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(LIMITS.messagesPerSecond, LIMITS.messageBurst, clock.now);
    let refused = 0;
    for (let i = 0; i < 12 * 60 * 10; i++) {
      clock.advance(1000 / 12);
      if (!bucket.take()) refused++; // the update
      if (!bucket.take()) refused++; // the awareness
    }
    expect(refused).toBe(0);
  });

  it('lets a paste or reconnect burst through, then holds a flood to the sustained rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(LIMITS.messagesPerSecond, LIMITS.messageBurst, clock.now);
    let accepted = 0;
    for (let i = 0; i < LIMITS.messageBurst; i++) if (bucket.take()) accepted++;
    expect(accepted).toBe(LIMITS.messageBurst);
    // A flood of 1,000 messages a second for ten seconds: only the sustained rate gets through.
    accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      clock.advance(1);
      if (bucket.take()) accepted++;
    }
    expect(accepted).toBeLessThanOrEqual(LIMITS.messagesPerSecond * 10 + 1);
    expect(accepted).toBeGreaterThanOrEqual(LIMITS.messagesPerSecond * 10 - 1);
  });
});
