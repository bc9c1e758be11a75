import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../../apps/server/test/support/services.ts';
import { measure, type Workload } from './measure.ts';
import { runHold } from './hold/hold.ts';
import { runPeak } from './peak/peak.ts';
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
/** The two-node hold starts a redis-server of its own (redisStats.ts). */
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

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

  it.skipIf(!hasPostgres)(
    'runs the peak workload small: every edit acked, every update at every observer',
    async () => {
      const r = await runPeak({ members: 4, standards: 2, observers: 3, rate: 5, seconds: 1 });
      expect(r.writes).toBeGreaterThan(0);
      expect(r.ackMs.count).toBeGreaterThan(0);
      expect(r.unacked).toBe(0);
      expect(r.refused).toBe(0);
      expect(r.observerArrivals).toBe(r.observerArrivalsExpected);
      expect(r.observerMs.count).toBeGreaterThan(0);
      expect(r.disconnects).toEqual({ members: 0, observers: 0 });
    },
  );

  it.skipIf(!hasPostgres)(
    'holds observers from several generator processes: every update at every observer',
    async () => {
      const r = await runHold({ observers: 30, nodes: 1, seconds: 3, generators: 2, ramp: 250 });
      expect(r.connected).toBe(30);
      expect(r.held).toBe(30);
      expect(r.disconnected).toBe(0);
      expect(r.writes).toBeGreaterThan(0);
      expect(r.delivered).toBe(r.expected);
      expect(r.updatesShort).toBe(0);
      expect(r.fewestAtAnObserver).toBe(r.writes);
      expect(r.latency.count).toBe(r.expected);
      expect(r.perNode[0]!.observers).toBe(30);
    },
  );

  it.skipIf(!hasPostgres || !hasRedisServer)(
    'holds observers split over two nodes: every update at every observer on both',
    async () => {
      const r = await runHold({ observers: 10, nodes: 2, seconds: 2, generators: 2, ramp: 250 });
      expect(r.held).toBe(10);
      expect(r.perNode.map((n) => n.observers)).toEqual([5, 5]);
      expect(r.delivered).toBe(r.expected);
      expect(r.fewestAtAnObserver).toBe(r.writes);
    },
  );

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

describe('the consensus map benchmark', () => {
  it('recomputes a structured room and finds its opinion groups (no timing asserted)', async () => {
    const { measureConsensus } = await import('./consensus/consensusCost.ts');
    const cost = measureConsensus(30, 12, 2);
    expect(cost.groups).toBeGreaterThanOrEqual(2);
    expect(cost.medianMs).toBeGreaterThan(0);
  });
});
