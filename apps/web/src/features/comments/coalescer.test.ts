import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.ts';
import { manualTimers } from '../../../test/support/manualTimers.ts';

describe('Coalescer', () => {
  it('emits the first items at once, then gathers a burst into one emission after the interval', () => {
    const { timers, advance } = manualTimers();
    const emitted: number[][] = [];
    const coalescer = new Coalescer<number>(5000, (items) => emitted.push(items), timers);
    coalescer.push([1]);
    expect(emitted).toEqual([[1]]);
    advance(1000);
    coalescer.push([2]);
    coalescer.push([3, 4]);
    expect(emitted).toEqual([[1]]);
    advance(3999);
    expect(emitted).toEqual([[1]]);
    advance(1);
    expect(emitted).toEqual([[1], [2, 3, 4]]);
  });

  it('emits at once again when the interval has passed, and ignores empty pushes', () => {
    const { timers, advance, pending } = manualTimers();
    const emitted: number[][] = [];
    const coalescer = new Coalescer<number>(5000, (items) => emitted.push(items), timers);
    coalescer.push([]);
    expect(emitted).toEqual([]);
    coalescer.push([1]);
    advance(6000);
    coalescer.push([2]);
    expect(emitted).toEqual([[1], [2]]);
    expect(pending()).toBe(0);
  });

  it('drops what is pending when disposed', () => {
    const { timers, advance, pending } = manualTimers();
    const emitted: number[][] = [];
    const coalescer = new Coalescer<number>(5000, (items) => emitted.push(items), timers);
    coalescer.push([1]);
    coalescer.push([2]);
    coalescer.dispose();
    expect(pending()).toBe(0);
    advance(10_000);
    expect(emitted).toEqual([[1]]);
  });
});
