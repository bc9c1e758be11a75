import { describe, expect, it } from 'vitest';
import { hashSecret } from '../storage/secrets.ts';
import { KnownSecrets } from './knownSecrets.ts';
import { SecretGuesses } from './secretGuesses.ts';

/** A database of live secrets the test changes by hand, counting how often it is read. */
function liveSecrets(...secrets: string[]) {
  const live = new Set(secrets);
  let reads = 0;
  return {
    live,
    reads: () => reads,
    load: () => {
      reads++;
      return Promise.resolve([...live].map(hashSecret));
    },
  };
}

describe('the secrets this node knows', () => {
  it('finds a secret issued after the last read by reading again, and forgets a revoked one', async () => {
    const db = liveSecrets('old');
    const known = new KnownSecrets(db.load, 0);
    expect(await known.includesAny(['old'])).toBe(true);
    db.live.add('new');
    expect(await known.includesAny(['new'])).toBe(true);
    // A revoked secret stays known until the next read (the database still refuses it meanwhile).
    db.live.delete('old');
    expect(await known.includesAny(['old'])).toBe(true);
    expect(await known.includesAny(['nope'])).toBe(false);
    expect(await known.includesAny(['old'])).toBe(false);
    expect(await known.includesAny([])).toBe(false);
  });

  it('shares one read among callers that arrive together, and never answers from a read older than the call', async () => {
    const db = liveSecrets('a');
    const known = new KnownSecrets(db.load, 0);
    const answers = await Promise.all(Array.from({ length: 50 }, () => known.includesAny(['missing'])));
    expect(answers.every((answer) => !answer)).toBe(true);
    // The first call began a read; the 49 that came after it wait for one more, which they share.
    expect(db.reads()).toBe(2);
    // A secret added while a read is under way is found by the read that call waits for.
    const first = known.includesAny(['missing']);
    db.live.add('added-during');
    expect(await Promise.all([first, known.includesAny(['added-during'])])).toEqual([false, true]);
  });

  it('lets a right secret through an address out of tries, and only a right one', async () => {
    const db = liveSecrets('seat-secret');
    const guesses = new SecretGuesses(new KnownSecrets(db.load, 0), () => 0, 1, 1);
    const miss = () => Promise.resolve(null);
    expect(await guesses.guard('hall', ['guess-1'], miss)).toEqual({ found: null });
    expect(await guesses.guard('hall', ['guess-2'], miss)).toHaveProperty('retryAfter');
    expect(await guesses.guard('hall', ['seat-secret'], () => Promise.resolve('seat'))).toEqual({ found: 'seat' });
    // The database decides: a secret revoked since the read is looked up and opens nothing.
    expect(await guesses.guard('hall', ['seat-secret'], miss)).toEqual({ found: null });
    expect(await guesses.guard('hall', ['guess-3'], miss)).toHaveProperty('retryAfter');
  });
});
