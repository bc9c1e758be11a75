import { describe, expect, it } from 'vitest';
import { readTogether } from './readTogether.ts';

describe('readTogether', () => {
  it('gives each read’s result under its name, whatever order they finish in, plain values as they are', async () => {
    let release!: () => void;
    const slow = new Promise<string>((resolve) => (release = () => resolve('slow')));
    const together = readTogether({ slow, one: Promise.resolve(1), two: Promise.resolve(2), plain: 'as is' });
    release();
    expect(await together).toEqual({ slow: 'slow', one: 1, two: 2, plain: 'as is' });
  });

  it('fails as the read that fails', async () => {
    await expect(
      readTogether({ fine: Promise.resolve(1), broken: Promise.reject(new Error('no table')) }),
    ).rejects.toThrow('no table');
  });
});
