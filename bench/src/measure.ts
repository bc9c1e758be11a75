import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BENCH_ROOT, Proc, type MonitorSample } from './procs.ts';
import { BenchRedis, type RedisCounters } from './redisStats.ts';
import { round } from './stats.ts';
import { BENCH_METRICS_TOKEN, type SystemUnderTest } from './systems.ts';
import type { GeneratorConfig, GeneratorEvent, GeneratorResult } from './types.ts';

/** One workload shape; the runner expands the matrix into these. */
export interface Workload {
  id: string;
  label: string;
  docs: number;
  writersPerDoc: number;
  readersPerDoc: number;
  rate: number;
  prefillBytes: number;
  warmupMs: number;
  measureMs: number;
  connectSpreadMs: number;
  mode: GeneratorConfig['mode'];
}

export interface Measurement {
  system: string;
  systemLabel: string;
  workload: string;
  workloadLabel: string;
  ok: boolean;
  error?: string;
  gen?: GeneratorResult;
  windowMs?: number;
  /** Node processes only; Redis is reported on its own. */
  serverCpuMs?: number;
  redisCpuMs?: number;
  cpuPer1000?: number | null;
  deliveredPerSec?: number;
  heapPerConnKB?: number | null;
  /** Heap of all nodes with every client connected (after GC), for slopes across cells. */
  heapConnectedBytes?: number | null;
  /** RSS of all nodes with every client connected, MB (RSS per connection is too noisy: freed pages return). */
  rssConnectedMB?: number | null;
  heapPerDocKB?: number | null;
  serverLoopP99?: number | null;
  serverLoopMax?: number | null;
  /** Moot's own /metrics endpoint, when it exists; null = absent. */
  mootMetricsLoopP99?: number | null;
  redis?: (RedisCounters & { perUpdate: number; bytesPerUpdate: number }) | null;
  /** The generator's event loop was the bottleneck (p99 > 5 ms): latency figures are suspect. */
  generatorBound?: boolean;
}

const GENERATOR = path.join(BENCH_ROOT, 'src/generator.ts');
const PROFILES = path.join(BENCH_ROOT, 'results/profiles');

const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

async function mootMetricsLoop(url: string): Promise<number | null> {
  const text = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } }).then(
    (r) => (r.ok && (r.headers.get('content-type') ?? '').includes('text/plain') ? r.text() : null),
    () => null,
  );
  const match = text && /^moot_event_loop_delay_seconds\{quantile="0\.99"\} ([\d.e+-]+)/m.exec(text);
  return match ? Number(match[1]) * 1000 : null;
}

/** Starts the system fresh, drives one workload with a generator process, samples the servers at the window edges. */
export async function measure(system: SystemUnderTest, w: Workload, redis: BenchRedis | null): Promise<Measurement> {
  const base = { system: system.id, systemLabel: system.label, workload: w.id, workloadLabel: w.label };
  const writers = w.docs * w.writersPerDoc;
  // The generator boots (tsx, imports) while the system starts; it idles until it gets its config.
  const generator = Proc.node('generator', GENERATOR, { cpu: 1, monitor: false });
  let deployment: Awaited<ReturnType<SystemUnderTest['start']>>;
  try {
    deployment = await system.start({ docs: w.docs, writers, prefillBytes: w.prefillBytes }, redis?.url ?? null);
  } catch (error) {
    await generator.kill();
    return {
      ...base,
      ok: false,
      error: `could not start: ${error instanceof Error ? error.message.slice(0, 2000) : String(error)}`,
    };
  }
  try {
    const samples = async (gc: boolean, reset = false) =>
      Promise.all(deployment.nodes.map((n) => n.sample({ gc, reset })));
    const idle = await samples(true);
    const m: Measurement = { ...base, ok: false };
    let cpu0 = 0;
    let redisCpu0 = 0;
    let redis0: RedisCounters | null = null;
    let t0 = 0;
    let connectedHeap: (MonitorSample | null)[] = [];
    let clients = 0;
    const config: GeneratorConfig = {
      kind: system.kind,
      urls: deployment.urls,
      docs: deployment.docs,
      writersPerDoc: w.writersPerDoc,
      readersPerDoc: w.readersPerDoc,
      rate: w.rate,
      warmupMs: w.warmupMs,
      measureMs: w.measureMs,
      connectSpreadMs: w.connectSpreadMs,
      fullReaders: w.mode === 'kill',
      mode: w.mode,
    };
    const result = await new Promise<GeneratorResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('generator timed out')), w.warmupMs + w.measureMs + 180_000);
      generator.child.on(
        'exit',
        (code) => code !== 0 && reject(new Error(`generator exited ${code}:\n${generator.log}`)),
      );
      const go = () => generator.child.send({ type: 'go' });
      generator.child.on('message', (e: GeneratorEvent) => {
        void (async () => {
          if (e.type === 'connected') {
            clients = e.clients;
            connectedHeap = await samples(true);
          } else if (e.type === 'measure-start') {
            await samples(false, true);
            // A scrape resets Moot's event-loop histogram, so the one at the end covers just the window.
            if (system.kind === 'moot') await mootMetricsLoop(deployment.urls[0]!);
            if (process.env.BENCH_PROFILE) for (const n of deployment.nodes) n.child.send({ type: 'profile-start' });
            cpu0 = sum(deployment.nodes.map((n) => n.cpuMs()));
            redisCpu0 = redis?.proc.cpuMs() ?? 0;
            redis0 = redis ? await redis.counters() : null;
            t0 = performance.now();
          } else if (e.type === 'measure-end') {
            m.windowMs = performance.now() - t0;
            m.serverCpuMs = sum(deployment.nodes.map((n) => n.cpuMs())) - cpu0;
            m.redisCpuMs = (redis?.proc.cpuMs() ?? 0) - redisCpu0;
            if (process.env.BENCH_PROFILE) {
              // Read with any .cpuprofile viewer (Chrome DevTools, speedscope).
              mkdirSync(PROFILES, { recursive: true });
              deployment.nodes.forEach((n, i) =>
                n.child.send({
                  type: 'profile-stop',
                  file: path.join(PROFILES, `${system.id}-${w.id}-${i}.cpuprofile`),
                }),
              );
            }
            const end = await samples(false);
            const live = end.filter((s): s is MonitorSample => s !== null);
            m.serverLoopP99 = live.length ? Math.max(...live.map((s) => s.loopP99)) : null;
            m.serverLoopMax = live.length ? Math.max(...live.map((s) => s.loopMax)) : null;
            if (redis && redis0 && system.nodes === 2) {
              const d = BenchRedis.delta(redis0, await redis.counters());
              m.redis = { ...d, perUpdate: 0, bytesPerUpdate: 0 };
            }
            if (system.kind === 'moot') m.mootMetricsLoopP99 = await mootMetricsLoop(deployment.urls[0]!);
          } else if (e.type === 'kill-now') {
            await deployment.nodes[1]?.kill('SIGKILL');
          } else if (e.type === 'crash-all') {
            await Promise.all(deployment.nodes.map((n) => n.kill('SIGKILL')));
            const url = deployment.restart ? await deployment.restart(0).catch(() => null) : null;
            return generator.child.send({ type: 'go', url });
          } else if (e.type === 'result') {
            clearTimeout(timer);
            return resolve(e.result);
          } else if (e.type === 'error') {
            clearTimeout(timer);
            return reject(new Error(e.message));
          }
          go();
        })().catch(reject);
      });
      generator.child.send({ type: 'config', config });
    });
    const window = (m.windowMs ?? 1) / 1000;
    m.ok = true;
    m.gen = result;
    m.deliveredPerSec = round(result.delivered / window);
    m.cpuPer1000 = result.delivered > 0 ? round((m.serverCpuMs! / result.delivered) * 1000, 2) : null;
    m.generatorBound = result.loopP99 > 5;
    if (clients > 0 && connectedHeap.every((s) => s) && idle.every((s) => s)) {
      const heapDelta = sum(connectedHeap.map((s) => s!.heapUsed)) - sum(idle.map((s) => s!.heapUsed));
      m.heapPerConnKB = round(heapDelta / clients / 1024, 2);
      m.heapConnectedBytes = sum(connectedHeap.map((s) => s!.heapUsed));
      m.rssConnectedMB = round(sum(connectedHeap.map((s) => s!.rss)) / 2 ** 20, 0);
      // Per document only means something with many documents (W2): the heap over documents, connections included.
      m.heapPerDocKB = w.docs > 1 ? round(heapDelta / w.docs / 1024, 1) : null;
    }
    if (m.redis) {
      const updates = Math.max(1, result.windowWrites);
      m.redis.perUpdate = round(m.redis.commands / updates, 2);
      m.redis.bytesPerUpdate = round(m.redis.bytes / updates, 0);
    }
    return m;
  } catch (error) {
    return { ...base, ok: false, error: error instanceof Error ? error.message.slice(0, 2000) : String(error) };
  } finally {
    if (process.env.BENCH_DEBUG) console.error(generator.log);
    await generator.kill();
    await deployment.stop().catch(() => {});
  }
}
