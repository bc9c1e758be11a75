import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CollabClient } from '../../../apps/server/test/support/collabClient.ts';
import { connectMember } from '../../../apps/server/test/support/harness.ts';
import { createScratchDatabase } from '../../../apps/server/test/support/services.ts';
import { keyOf } from '../clients.ts';
import { seedDocuments } from '../mootSeed.ts';
import { freePort, mootNodeEnv, Proc, REPO_ROOT, TASKSET, waitForHttp } from '../procs.ts';
import { BenchRedis, type RedisCounters } from '../redisStats.ts';
import { Histogram, round } from '../stats.ts';
import type { ChildReport, FromChild, ToChild } from './holdProtocol.ts';
import { writeHoldSection, type HoldResult } from './holdSection.ts';
import { writeResult } from '../results.ts';

/**
 * The hold (issue 18): N observers of one standard held for `seconds` while one member types
 * into it at 20 updates/s; every update must reach every observer. The observers are spread
 * over `generators` child processes (observers.ts, each its own event loop), connected in a
 * bounded ramp; on two nodes they are split evenly over both (observer g on node g mod 2), the
 * writer on node 0, the nodes on the benchmark's own redis-server and a scratch PostgreSQL
 * database, as the other two-node workloads run.
 *
 * Binding (taskset, when present): the node(s) and redis-server on CPU 0; generator process i on
 * CPU i mod 2, so the generator uses both cores (the issue asks for it at 5,000 observers) and
 * half of it shares the node's core; this runner and the writer on CPU 1.
 *
 * `npm run bench -- --hold [--observers=5000] [--nodes=1|2] [--seconds=60] [--generators=4]
 * [--ramp=250] [--no-report]`. Writes bench/results/<date>-hold-<n>.json and its row in the section
 * between the `hold` markers of BENCHMARKS.md. `BENCH_MOOT_MAIN=<path to main.ts>` runs another
 * checkout's server (a before/after comparison).
 */
const MAIN = process.env.BENCH_MOOT_MAIN ?? path.join(REPO_ROOT, 'apps/server/src/main.ts');
const OBSERVERS = path.join(import.meta.dirname, 'observers.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => round(loadavg()[0]!);
const now = () => performance.timeOrigin + performance.now();
const RATE = 20;

export interface HoldOptions {
  observers: number;
  nodes: 1 | 2;
  seconds: number;
  generators: number;
  /** Connections opened per second, over all generator processes. */
  ramp: number;
}

/** A generator process and what it last said. */
class Generator {
  last: Extract<FromChild, { type: 'progress' | 'connected' }> = {
    type: 'progress',
    connected: 0,
    synced: 0,
    gone: 0,
    failed: 0,
  };
  connected = false;
  private readonly waiting: ((m: FromChild) => boolean)[] = [];

  constructor(readonly proc: Proc) {
    proc.child.on('message', (m: FromChild) => {
      if (m.type === 'progress' || m.type === 'connected') this.last = m;
      if (m.type === 'connected') this.connected = true;
      for (const w of [...this.waiting]) if (w(m)) this.waiting.splice(this.waiting.indexOf(w), 1);
    });
  }

  send(m: ToChild): void {
    if (this.proc.alive && this.proc.child.connected) this.proc.child.send(m);
  }

  /** The next message of `type`, or null after `timeoutMs` (or if the process is gone). */
  next<T extends FromChild['type']>(type: T, timeoutMs: number): Promise<Extract<FromChild, { type: T }> | null> {
    return new Promise((resolve) => {
      // A bound, not work: it must not keep the runner alive once the answer came.
      const timer = setTimeout(() => resolve(null), timeoutMs).unref();
      this.waiting.push((m) => {
        if (m.type !== type) return false;
        clearTimeout(timer);
        resolve(m as Extract<FromChild, { type: T }>);
        return true;
      });
    });
  }
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export async function runHold(options: HoldOptions): Promise<HoldResult> {
  if (TASKSET) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)]);
  const scratch = await createScratchDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-hold-'));
  const redis = options.nodes === 2 ? await BenchRedis.start() : null;
  const nodes: Proc[] = [];
  const generators: Generator[] = [];
  let writer: CollabClient | null = null;
  try {
    const seeded = await seedDocuments(scratch.url, { docs: 1, writers: 1, prefillBytes: 0 });
    const ballotSecret = randomBytes(32).toString('hex');
    const urls: string[] = [];
    // One prefix for both nodes (computed once: a clock read per node could split them into two clusters).
    const prefix = `hold${Date.now()}`;
    for (let i = 0; i < options.nodes; i++) {
      const port = await freePort();
      const node = Proc.node(`moot-hold-${i}`, MAIN, {
        cpu: 0,
        env: {
          PORT: String(port),
          ...mootNodeEnv({ databaseUrl: scratch.url, dataDir, ballotSecret }),
          ...(redis ? { REDIS_URL: redis.url, REDIS_PREFIX: prefix } : {}),
        },
      });
      nodes.push(node);
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const [i, node] of nodes.entries()) await waitForHttp(`${urls[i]}/`, node);
    const [doc] = await seeded.redeem(urls[0]!);
    const { name: docId, watchKey, cookies } = doc!;

    // The writer: a member on node 0, typing once it is told to.
    const { socket } = await connectMember(urls[0]!, cookies![0]!, { headers: { 'x-forwarded-for': '10.99.0.1' } });
    const typist = new CollabClient(socket, docId);
    writer = typist;
    socket.on('doc:sync', () => void (typist.received.length = 0)); // kept for tests; a benchmark cannot
    await typist.open();

    // Generator processes: started (and their imports compiled) before anything is measured.
    for (let i = 0; i < options.generators; i++)
      generators.push(new Generator(Proc.node(`hold-gen-${i}`, OBSERVERS, { cpu: i % 2, monitor: false })));
    const ready = await Promise.all(generators.map((g) => g.next('ready', 120_000)));
    if (ready.some((r) => !r))
      throw new Error(`a generator did not start:\n${generators.map((g) => g.proc.log).join('\n')}`);

    const sampleNodes = () => Promise.all(nodes.map((n) => n.sample({ gc: true })));
    const before = await sampleNodes();
    const rssBefore = nodes.map((n) => n.rss());
    const redisBefore = await redis?.counters();
    const cpuRampBefore = nodes.map((n) => n.cpuMs());

    // The ramp: each process its share, in order, bounded in rate and in handshakes in flight.
    const loadRampStart = load();
    const rampStarted = performance.now();
    let offset = 0;
    for (const [i, g] of generators.entries()) {
      const count =
        Math.floor(options.observers / options.generators) + (i < options.observers % options.generators ? 1 : 0);
      g.send({
        type: 'connect',
        child: i,
        offset,
        count,
        urls,
        watchKey: watchKey!,
        docId,
        concurrency: 20,
        perSecond: options.ramp / options.generators,
      });
      offset += count;
    }
    // Joins cost the node several ms of CPU each (a snapshot from PostgreSQL, a first sync, the
    // "N watching" broadcast): on a busy machine the ramp runs far below `ramp`/s, so the bound is wide.
    const rampBound = Math.max(300_000, (options.observers / 20) * 1000);
    let lastPrint = 0;
    await waitUntil(() => {
      if (Date.now() - lastPrint > 5000) {
        lastPrint = Date.now();
        const s = generators.map((g) => g.last);
        console.log(
          `ramp: ${sum(s.map((x) => x.connected))} connected, ${sum(s.map((x) => x.synced))} synced, ${sum(s.map((x) => x.failed))} failed, ${sum(s.map((x) => x.gone))} gone (${((performance.now() - rampStarted) / 1000).toFixed(0)} s, load ${load()})`,
        );
      }
      return generators.every((g) => g.connected);
    }, rampBound);
    if (!generators.every((g) => g.connected)) {
      // Out of time: the hold starts with whoever is connected (the report says how many never opened).
      console.log(`ramp bound (${rampBound / 1000} s) reached: no more connections`);
      for (const g of generators) g.send({ type: 'stop' });
      await waitUntil(() => generators.every((g) => g.connected), 120_000);
    }
    const rampMs = performance.now() - rampStarted;
    const rampCpuMs = sum(nodes.map((n, i) => n.cpuMs() - cpuRampBefore[i]!));
    const redisRamp = redisBefore && redis ? BenchRedis.delta(redisBefore, await redis.counters()) : null;
    const connected = sum(generators.map((g) => g.last.connected));
    // Every connected observer has its first sync (bounded), then the "N watching" broadcasts settle.
    await waitUntil(
      () => sum(generators.map((g) => g.last.synced)) >= connected - sum(generators.map((g) => g.last.gone)),
      60_000,
    );
    await sleep(2000);
    const after = await sampleNodes();
    const rssAfter = nodes.map((n) => n.rss());
    const observersPerNode = nodes.map(
      (_, i) => Math.floor(connected / nodes.length) + (i < connected % nodes.length ? 1 : 0),
    );

    // The hold: the writer types at 20/s (fixed interval), every send time told to every generator.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    for (const g of generators) g.send({ type: 'measure', on: true });
    await Promise.all(nodes.map((n) => n.sample({ reset: true })));
    const loadBefore = load();
    const cpuBefore = nodes.map((n) => n.cpuMs());
    const genCpuBefore = generators.map((g) => g.proc.cpuMs());
    const redisHoldBefore = await redis?.counters();
    loop.enable();
    let writes = 0;
    const started = performance.now();
    const tick = setInterval(() => {
      if (socket.disconnected) return;
      const due = Math.min(options.seconds * RATE, Math.floor(((performance.now() - started) / 1000) * RATE) + 1);
      for (; writes < due; writes++) {
        const key = keyOf(typist.doc);
        const at = now();
        typist.edit('x');
        for (const g of generators) g.send({ type: 'sent', key, at });
      }
    }, 1000 / RATE);
    await sleep(options.seconds * 1000);
    clearInterval(tick);
    const heldMs = performance.now() - started;
    const serverCpuMs = nodes.map((n, i) => n.cpuMs() - cpuBefore[i]!);
    const generatorCpuMs = generators.map((g, i) => g.proc.cpuMs() - genCpuBefore[i]!);
    const serverLoop = await Promise.all(nodes.map((n) => n.sample()));
    const redisHold = redisHoldBefore && redis ? BenchRedis.delta(redisHoldBefore, await redis.counters()) : null;
    const loadAfter = load();
    loop.disable();

    // Everything written still arrives (bounded): wait until the held observers have every update.
    const arrivals = async () => {
      const answers = await Promise.all(
        generators.map((g) => (g.send({ type: 'arrivals' }), g.next('arrivals', 10_000))),
      );
      return sum(answers.map((a) => a?.held ?? 0));
    };
    const heldNow = () => sum(generators.map((g) => g.last.connected - g.last.gone));
    await waitUntil(async () => (await arrivals()) >= writes * heldNow(), 30_000, 500);
    for (const g of generators) g.send({ type: 'measure', on: false });
    const reports = (
      await Promise.all(generators.map((g) => (g.send({ type: 'report' }), g.next('report', 30_000))))
    ).map((r) => r?.report ?? null);
    if (reports.some((r) => !r)) throw new Error('a generator did not report');
    const all = reports as ChildReport[];

    const latency = new Histogram();
    for (const r of all) latency.add(r.latency);
    const perUpdate = new Map<number, number>();
    for (const r of all) for (const [k, n] of r.perUpdate) perUpdate.set(k, (perUpdate.get(k) ?? 0) + n);
    const held = sum(all.map((r) => r.held));
    const merge = (f: (r: ChildReport) => Record<string, number>) => {
      const out: Record<string, number> = {};
      for (const r of all) for (const [k, n] of Object.entries(f(r))) out[k] = (out[k] ?? 0) + n;
      return out;
    };
    const packets = sum(all.map((r) => r.packetsHeld));
    const kb = (bytes: number) => round(bytes / 1024, 1);
    const perNode = nodes.map((_, i) => ({
      observers: observersPerNode[i]!,
      rssBeforeMB: round(rssBefore[i]! / 2 ** 20),
      rssAfterMB: round(rssAfter[i]! / 2 ** 20),
      heapBeforeMB: before[i] ? round(before[i]!.heapUsed / 2 ** 20) : null,
      heapAfterMB: after[i] ? round(after[i]!.heapUsed / 2 ** 20) : null,
      rssPerObserverKB: kb((rssAfter[i]! - rssBefore[i]!) / observersPerNode[i]!),
      heapPerObserverKB:
        before[i] && after[i] ? kb((after[i]!.heapUsed - before[i]!.heapUsed) / observersPerNode[i]!) : null,
      cpuPercent: round((serverCpuMs[i]! / heldMs) * 100),
      loopP99: serverLoop[i] ? round(serverLoop[i]!.loopP99) : null,
      loopMax: serverLoop[i] ? round(serverLoop[i]!.loopMax) : null,
    }));
    const result: HoldResult = {
      date: new Date().toISOString(),
      ...options,
      binding: TASKSET
        ? `node(s) and redis-server on CPU 0; generator process i on CPU i mod 2 (${options.generators} processes); runner and writer on CPU 1`
        : 'not pinned (no taskset)',
      rampSeconds: round(rampMs / 1000),
      connected,
      failed: sum(generators.map((g) => g.last.failed)),
      refused: merge((r) => r.refused),
      held,
      disconnected: sum(all.map((r) => r.disconnected)),
      disconnectReasons: merge((r) => r.reasons),
      heldSeconds: round(heldMs / 1000),
      writes,
      delivered: sum(all.map((r) => r.arrivalsHeld)),
      expected: writes * held,
      updatesShort: [...perUpdate.values()].filter((n) => n < held).length + Math.max(0, writes - perUpdate.size),
      fewestAtAnObserver: Math.min(...all.map((r) => r.fewestAtAnObserver)),
      packetsPerObserverPerSecond: held ? round(packets / held / (heldMs / 1000), 2) : 0,
      latency: latency.summary(),
      perNode,
      serverCpuUsPerPacket: packets ? round((sum(serverCpuMs) * 1000) / packets, 2) : null,
      rampServerCpuMsPerJoin: connected ? round(rampCpuMs / connected, 2) : null,
      generatorCpuPercent: generatorCpuMs.map((ms) => round((ms / heldMs) * 100)),
      generatorLoop: all.map((r) => ({ p99: round(r.loopP99), max: round(r.loopMax) })),
      runnerLoopP99: round(loop.percentile(99) / 1e6 - 10),
      loadAverage: { rampStart: loadRampStart, holdStart: loadBefore, holdEnd: loadAfter },
      redis:
        redisRamp && redisHold ? { ramp: summarise(redisRamp, connected), hold: summarise(redisHold, writes) } : null,
      server: path.relative(REPO_ROOT, MAIN).startsWith('..') ? MAIN : 'this checkout',
    };
    console.log(JSON.stringify({ ...result }, null, 1));
    return result;
  } finally {
    for (const g of generators) g.send({ type: 'close' });
    writer?.socket.disconnect();
    // Its awareness keeps a 3 s interval for the life of the object: stopped, or the runner never exits.
    writer?.awareness.destroy();
    await sleep(300);
    await Promise.all([...generators.map((g) => g.proc.kill()), ...nodes.map((n) => n.kill())]);
    await redis?.stop();
    await scratch.drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summarise(c: RedisCounters, per: number) {
  return {
    commands: c.commands,
    bytes: c.bytes,
    byCommand: c.byCommand,
    bytesPer: per ? round(c.bytes / per, 1) : null,
    commandsPer: per ? round(c.commands / per, 2) : null,
  };
}

/** `npm run bench -- --hold …` lands here (run.ts). */
export async function main(args: string[]): Promise<void> {
  const number = (name: string, fallback: number) =>
    Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const nodes = number('nodes', 1) === 2 ? 2 : 1;
  const result = await runHold({
    observers: number('observers', 5000),
    nodes,
    seconds: number('seconds', 60),
    generators: number('generators', 4),
    ramp: number('ramp', 250),
  });
  await writeResult(result, `hold-${result.observers}x${result.nodes}`);
  if (!args.includes('--no-report')) await writeHoldSection(path.join(REPO_ROOT, 'BENCHMARKS.md'), result);
}
