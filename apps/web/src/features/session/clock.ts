/** One round trip of `clock:ping`: local send and receive times, and the server's clock in between. */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverTime: number;
}

/**
 * NTP-style offset (server clock − local clock) from a few round trips: each sample assumes the
 * server answered half-way through, so the sample with the shortest round trip has the smallest
 * possible error and is the one used. No samples: no correction.
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    const trip = sample.receivedAt - sample.sentAt;
    if (trip < 0) continue;
    if (!best || trip < best.receivedAt - best.sentAt) best = sample;
  }
  if (!best) return 0;
  return best.serverTime - (best.sentAt + best.receivedAt) / 2;
}

/**
 * Takes `count` samples one after the other with `ping` (which resolves to the server's time,
 * or null when the ping failed or timed out) and returns the offset, or null if none succeeded.
 */
export async function measureClockOffset(
  ping: () => Promise<number | null>,
  now: () => number,
  count = 5,
): Promise<number | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < count; i++) {
    const sentAt = now();
    const serverTime = await ping();
    const receivedAt = now();
    if (serverTime !== null) samples.push({ sentAt, receivedAt, serverTime });
  }
  return samples.length > 0 ? clockOffset(samples) : null;
}
