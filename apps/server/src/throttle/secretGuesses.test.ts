import { describe, expect, it } from 'vitest';
import { LIMITS } from '@moot/protocol';
import { SecretGuesses } from './secretGuesses.ts';

/** A clock the test moves by hand: rates are checked over simulated minutes, not waited for. */
function manualClock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe('failed secrets per address', () => {
  const guesser = '203.0.113.9';
  const miss = () => Promise.resolve(null);

  it('refuses an address that keeps missing until a slot refills, and says how long to wait', async () => {
    const clock = manualClock();
    const secrets = new SecretGuesses(null, clock.now);
    for (let i = 0; i < LIMITS.secretFailureBurst; i++)
      expect(await secrets.guard(guesser, ['guess'], miss)).toEqual({ found: null });
    const refused = await secrets.guard(guesser, ['guess'], miss);
    expect(refused).toEqual({ retryAfter: Math.ceil(60 / LIMITS.secretFailuresPerMinute) });
    expect(await secrets.guard('198.51.100.1', ['guess'], miss)).toEqual({ found: null }); // another address is not held back
    clock.advance(Math.ceil(60 / LIMITS.secretFailuresPerMinute) * 1000);
    expect(await secrets.guard(guesser, ['guess'], miss)).toEqual({ found: null });
  });

  it('charges nothing for a secret that opens something: a hall behind one address all get in', async () => {
    const secrets = new SecretGuesses(null, manualClock().now);
    for (let i = 0; i < 10 * LIMITS.secretFailureBurst; i++) {
      expect(await secrets.guard(guesser, ['guess'], () => Promise.resolve('seat'))).toEqual({ found: 'seat' });
    }
    // ...and a database error is not a guess either.
    for (let i = 0; i < 2 * LIMITS.secretFailureBurst; i++) {
      await expect(secrets.guard(guesser, ['guess'], () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    }
    for (let i = 0; i < LIMITS.secretFailureBurst; i++)
      expect(await secrets.guard(guesser, ['guess'], miss)).toEqual({ found: null });
    expect(await secrets.guard(guesser, ['guess'], miss)).toHaveProperty('retryAfter');
  });

  it('reserves before the look-up: 400 guesses at once get no more look-ups than the burst', async () => {
    const secrets = new SecretGuesses(null, manualClock().now);
    let lookUps = 0;
    const slowMiss = async () => {
      lookUps++;
      await new Promise((resolve) => setImmediate(resolve));
      return null;
    };
    const results = await Promise.all(Array.from({ length: 400 }, () => secrets.guard(guesser, ['guess'], slowMiss)));
    expect(lookUps).toBe(LIMITS.secretFailureBurst);
    expect(results.filter((r) => 'retryAfter' in r)).toHaveLength(400 - LIMITS.secretFailureBurst);
  });

  it('bounds a guesser to the sustained rate: at most burst + 10 a minute over an hour', async () => {
    const clock = manualClock();
    const secrets = new SecretGuesses(null, clock.now);
    let tries = 0;
    for (let second = 0; second < 3600; second++) {
      for (let i = 0; i < 100; i++) {
        const result = await secrets.guard(guesser, ['guess'], () => {
          tries++;
          return Promise.resolve(null);
        });
        if ('retryAfter' in result) break;
      }
      clock.advance(1000);
    }
    expect(tries).toBeLessThanOrEqual(LIMITS.secretFailureBurst + LIMITS.secretFailuresPerMinute * 60);
  });
});
