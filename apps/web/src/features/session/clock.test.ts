import { describe, expect, it } from 'vitest';
import { clockOffset, measureClockOffset } from './clock.ts';

describe('clockOffset', () => {
  it('is zero without samples', () => {
    expect(clockOffset([])).toBe(0);
  });

  it('assumes the server answered half-way through the round trip', () => {
    // Sent at 1000, back at 1100: the server (5000 ahead) read its clock at local 1050.
    expect(clockOffset([{ sentAt: 1000, receivedAt: 1100, serverTime: 6050 }])).toBe(5000);
  });

  it('uses the sample with the shortest round trip', () => {
    const samples = [
      // A slow trip whose answer was delayed on the way back: would give 4750.
      { sentAt: 0, receivedAt: 600, serverTime: 5050 },
      { sentAt: 1000, receivedAt: 1020, serverTime: 6010 },
      { sentAt: 2000, receivedAt: 2300, serverTime: 7000 },
    ];
    expect(clockOffset(samples)).toBe(5000);
  });

  it('works when the local clock is ahead of the server', () => {
    expect(clockOffset([{ sentAt: 10_000, receivedAt: 10_040, serverTime: 7_020 }])).toBe(-3000);
  });

  it('ignores impossible samples (the local clock jumped back)', () => {
    expect(
      clockOffset([
        { sentAt: 500, receivedAt: 100, serverTime: 0 },
        { sentAt: 1000, receivedAt: 1010, serverTime: 1105 },
      ]),
    ).toBe(100);
  });
});

describe('measureClockOffset', () => {
  it('pings the requested number of times and skips failures', async () => {
    let local = 0;
    const answers = [null, 1_000_060, 1_000_200];
    const trips = [10, 20, 100];
    let call = 0;
    const ping = () => {
      const i = call++;
      local += trips[i]! / 2;
      const answer = answers[i]!;
      local += trips[i]! / 2;
      return Promise.resolve(answer);
    };
    // Second ping: sent at 10, back at 30, server said 1_000_060 → offset 1_000_040.
    expect(await measureClockOffset(ping, () => local, 3)).toBe(1_000_040);
    expect(call).toBe(3);
  });

  it('gives null when every ping failed', async () => {
    expect(
      await measureClockOffset(
        () => Promise.resolve(null),
        () => 0,
        2,
      ),
    ).toBeNull();
  });
});
