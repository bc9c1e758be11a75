import { vi } from 'vitest';
import { BOUNDS } from './vitest.bounds.ts';

/**
 * Tests wait for conditions, never for wall-clock windows, so a bound only matters when a test
 * fails. Vitest's default bound for `vi.waitFor` and `vi.waitUntil` is one second: on a two-core
 * machine busy with other work (CI neighbours, a CPU hog) a condition that holds in 5 ms when
 * quiet can take seconds, and the test would fail for the machine's sake. Every such wait here is
 * bounded by at least `BOUNDS.conditionMs` — an explicit shorter bound is raised too, since a
 * bound in a test is never a claim about speed (speed lives in `npm run bench`). The project
 * configs give `expect.poll` the same bound. A passing test returns as soon as its condition
 * holds, so a generous bound costs nothing.
 */
type WaitOptions = number | { timeout?: number; interval?: number } | undefined;

function patient(options: WaitOptions): { timeout: number; interval: number } {
  const given = typeof options === 'number' ? { timeout: options } : (options ?? {});
  return { interval: given.interval ?? 20, timeout: Math.max(given.timeout ?? 0, BOUNDS.conditionMs) };
}

const waitFor = vi.waitFor.bind(vi);
const waitUntil = vi.waitUntil.bind(vi);
vi.waitFor = ((callback: Parameters<typeof waitFor>[0], options?: WaitOptions) =>
  waitFor(callback, patient(options))) as typeof vi.waitFor;
vi.waitUntil = ((callback: Parameters<typeof waitUntil>[0], options?: WaitOptions) =>
  waitUntil(callback, patient(options))) as typeof vi.waitUntil;
