import { describe, expect, it } from 'vitest';
import { InOrder } from './inOrder.ts';

describe('InOrder', () => {
  it('finishes work in the order it was queued, even when later work would finish first', async () => {
    const queue = new InOrder();
    const done: number[] = [];
    const delays = [30, 0, 10];
    await Promise.all(
      delays.map((ms, i) =>
        queue.run(() => new Promise<void>((resolve) => setTimeout(() => (done.push(i), resolve()), ms))),
      ),
    );
    expect(done).toEqual([0, 1, 2]);
  });

  it('goes on after a failure, and reports the failure to its caller', async () => {
    const queue = new InOrder();
    const failed = queue.run(() => Promise.reject(new Error('refused')));
    const next = queue.run(async () => 'applied');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('applied');
  });
});
