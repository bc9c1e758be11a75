import { describe, expect, it } from 'vitest';
import { LIMITS } from '@moot/protocol';
import { InviteThrottle } from '../features/identity/inviteThrottle.ts';
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

describe('invite look-ups per address', () => {
  it('refuses an address that keeps missing until its bucket refills, and says how long to wait', () => {
    const clock = manualClock();
    const throttle = new InviteThrottle(LIMITS.inviteLookupBurst, LIMITS.inviteLookupsPerMinute, clock.now);
    for (let i = 0; i < LIMITS.inviteLookupBurst; i++) {
      expect(throttle.waitFor('203.0.113.9')).toBe(0);
      throttle.missed('203.0.113.9');
    }
    const wait = throttle.waitFor('203.0.113.9');
    expect(wait).toBe(Math.ceil(60 / LIMITS.inviteLookupsPerMinute));
    expect(throttle.waitFor('198.51.100.1')).toBe(0); // another address is not held back
    clock.advance(wait * 1000);
    expect(throttle.waitFor('203.0.113.9')).toBe(0);
  });

  it('bounds a guesser to the sustained rate: at most burst + 10 a minute over an hour', () => {
    const clock = manualClock();
    const throttle = new InviteThrottle(LIMITS.inviteLookupBurst, LIMITS.inviteLookupsPerMinute, clock.now);
    let tries = 0;
    for (let second = 0; second < 3600; second++) {
      for (let i = 0; i < 100; i++) {
        if (throttle.waitFor('203.0.113.9') > 0) break;
        throttle.missed('203.0.113.9');
        tries++;
      }
      clock.advance(1000);
    }
    expect(tries).toBeLessThanOrEqual(LIMITS.inviteLookupBurst + LIMITS.inviteLookupsPerMinute * 60);
  });
});
