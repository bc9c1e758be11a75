import { describe, expect, it } from 'vitest';
import { SerialBursts } from './serialBursts.ts';

/** Work that waits until the test lets it finish, recording each run and how many ran at once. */
function gatedWork() {
  const runs: string[] = [];
  let running = 0;
  let most = 0;
  const gates: (() => void)[] = [];
  const work = async (key: string) => {
    runs.push(key);
    running++;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running--;
  };
  return { work, runs, gates, most: () => most };
}

describe('SerialBursts', () => {
  it('runs a burst of requests once, never twice at once, and once more for requests made while running', async () => {
    const { work, runs, gates, most } = gatedWork();
    const bursts = new SerialBursts(work);
    const first = Array.from({ length: 50 }, () => bursts.schedule('a', 5));
    await expect.poll(() => runs.length).toBe(1);
    // While it runs, another hundred requests: they wait for one more run, not a hundred.
    const second = Array.from({ length: 100 }, () => bursts.schedule('a', 5));
    let firstDone = false;
    void Promise.all(first).then(() => (firstDone = true));
    gates.shift()!();
    await expect.poll(() => firstDone).toBe(true);
    await expect.poll(() => runs.length).toBe(2);
    let secondDone = false;
    void Promise.all(second).then(() => (secondDone = true));
    expect(secondDone).toBe(false);
    gates.shift()!();
    await expect.poll(() => secondDone).toBe(true);
    expect(runs).toEqual(['a', 'a']);
    expect(most()).toBe(1);
    bursts.close();
  });

  it('keeps keys apart, and a failed run does not stop the next', async () => {
    let calls = 0;
    const bursts = new SerialBursts(async (key) => {
      calls++;
      if (key === 'bad') throw new Error('no');
    });
    await Promise.all([bursts.schedule('bad', 0), bursts.schedule('good', 0)]);
    await bursts.schedule('bad', 0);
    expect(calls).toBe(3);
    bursts.close();
    await bursts.schedule('good', 0); // closed: resolves without running
    expect(calls).toBe(3);
  });
});
