import { afterAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../../apps/server/test/support/services.ts';
import { measure, type Workload } from './measure.ts';
import { killAll } from './procs.ts';
import { SYSTEMS } from './systems.ts';

/**
 * Keeps the benchmark from rotting: the harness's core path (fresh server processes, a generator
 * process, beacons, server sampling) on a tiny W1, for Moot and one peer. No timing is asserted.
 * Moot needs PostgreSQL: skipped without it, failed without it under REQUIRE_SERVICES=1.
 */
const tiny: Workload = {
  id: 'smoke',
  label: 'smoke: 2 writers × 10/s, 5 observers',
  docs: 1,
  writersPerDoc: 2,
  readersPerDoc: 5,
  rate: 10,
  prefillBytes: 0,
  warmupMs: 300,
  measureMs: 1000,
  connectSpreadMs: 0,
  mode: 'steady',
};

const hasPostgres = await postgresAvailable();

describe('benchmark harness', () => {
  afterAll(() => killAll());

  it.skipIf(!hasPostgres)('measures Moot, one node: deliveries, no drops, a well-formed result', async () => {
    const m = await measure(
      SYSTEMS.find((s) => s.id === 'moot-1')!,
      tiny,
      null,
    );
    expect(m.error).toBeUndefined();
    expectWellFormed(m);
  });

  it('measures @y/websocket-server the same way', async () => {
    const m = await measure(
      SYSTEMS.find((s) => s.id === 'y-websocket-1')!,
      tiny,
      null,
    );
    expect(m.error).toBeUndefined();
    expectWellFormed(m);
  });
});

function expectWellFormed(m: Awaited<ReturnType<typeof measure>>): void {
  expect(m.ok).toBe(true);
  const g = m.gen!;
  expect(g.writes).toBeGreaterThan(0);
  expect(g.delivered).toBeGreaterThan(0);
  expect(g.latency.count).toBeGreaterThan(0);
  expect(g.drops).toBe(0);
  expect(g.refused).toBe(0);
  expect(g.syncMs.count).toBe(tiny.writersPerDoc + tiny.readersPerDoc);
  expect(m.windowMs).toBeGreaterThan(0);
  expect(typeof m.cpuPer1000).toBe('number');
  expect(m.heapPerConnKB).not.toBeNull();
}
