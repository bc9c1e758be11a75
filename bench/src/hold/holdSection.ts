import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import type { LatencySummary } from '../types.ts';
import { MarkedSection } from '../markedSection.ts';

/** One node's figures in a hold. */
export interface HoldNode {
  observers: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  heapBeforeMB: number | null;
  heapAfterMB: number | null;
  /** (after connecting − before) ÷ this node's observers. */
  rssPerObserverKB: number;
  heapPerObserverKB: number | null;
  cpuPercent: number;
  loopP99: number | null;
  loopMax: number | null;
}

export interface RedisSummary {
  commands: number;
  bytes: number;
  byCommand: Record<string, number>;
  bytesPer: number | null;
  commandsPer: number | null;
}

/** What `hold.ts` measured (bench/results/<date>-hold-<observers>x<nodes>.json). */
export interface HoldResult {
  date: string;
  observers: number;
  nodes: 1 | 2;
  seconds: number;
  generators: number;
  ramp: number;
  binding: string;
  rampSeconds: number;
  connected: number;
  failed: number;
  refused: Record<string, number>;
  held: number;
  disconnected: number;
  disconnectReasons: Record<string, number>;
  heldSeconds: number;
  writes: number;
  /** The writer's characters received by the observers still connected at the end (update × observer). */
  delivered: number;
  expected: number;
  /** Updates that some held observer did not receive. */
  updatesShort: number;
  fewestAtAnObserver: number;
  packetsPerObserverPerSecond: number;
  /** From the writer's send to each observer's arrival (every held observer, every update of the hold). */
  latency: LatencySummary;
  perNode: HoldNode[];
  /** Server CPU over the hold ÷ packets the held observers received. */
  serverCpuUsPerPacket: number | null;
  rampServerCpuMsPerJoin: number | null;
  generatorCpuPercent: number[];
  generatorLoop: { p99: number; max: number }[];
  runnerLoopP99: number;
  loadAverage: { rampStart: number; holdStart: number; holdEnd: number };
  /** Two nodes: the benchmark's own redis-server, per join (ramp) and per update (hold). */
  redis: { ramp: RedisSummary; hold: RedisSummary } | null;
  /** Which server ran: this checkout, or BENCH_MOOT_MAIN's path. */
  server: string;
}

/** Where this workload's part of BENCHMARKS.md stands. */
export const HOLD_SECTION = new MarkedSection('hold');
const MARKDOWN = { parser: 'markdown', printWidth: 120, proseWrap: 'preserve' } as const;

const reasons = (r: Record<string, number>) =>
  Object.keys(r).length
    ? Object.entries(r)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')
    : '—';

/** The table's row for one hold. */
function row(r: HoldResult): string {
  const mem = r.perNode.map((n) => `${n.rssPerObserverKB} / ${n.heapPerObserverKB ?? '—'}`).join('; ');
  const cpu = r.perNode.map((n) => n.cpuPercent).join(' + ');
  const loop = r.perNode.map((n) => (n.loopP99 === null ? '—' : `${n.loopP99} / ${n.loopMax}`)).join('; ');
  const short = r.expected - r.delivered;
  return (
    `| ${r.observers.toLocaleString('en')} × ${r.nodes} node${r.nodes > 1 ? 's' : ''} | ${r.rampSeconds} | ${r.connected} / ${r.held} / ${r.disconnected}${r.failed ? ` (${r.failed} never opened)` : ''} | ${reasons(r.disconnectReasons)} | ` +
    `${short <= 0 ? `**all** ${r.delivered.toLocaleString('en')}` : `${r.delivered.toLocaleString('en')} of ${r.expected.toLocaleString('en')} (${r.updatesShort} updates short)`} | ` +
    `${r.latency.p50} / ${r.latency.p99} / ${Math.round(r.latency.max)} | ${r.packetsPerObserverPerSecond} | ${mem} | ${cpu} | ${r.serverCpuUsPerPacket ?? '—'} | ${loop} | ` +
    `${r.generatorCpuPercent.join(' + ')} | ${Math.max(...r.generatorLoop.map((l) => l.p99))} | ${r.loadAverage.rampStart} → ${r.loadAverage.holdStart} → ${r.loadAverage.holdEnd} |`
  );
}

/** The BENCHMARKS.md section for the latest hold of each size (this checkout's server), between markers. */
export function holdSection(results: HoldResult[], notes: string[] = HOLD_NOTES): string {
  const sorted = [...results].sort((a, b) => a.nodes - b.nodes || a.observers - b.observers);
  return [
    HOLD_SECTION.start,
    '',
    '## Observers held: 5,000 on one node, 10,000 on two (issue 18)',
    '',
    '`npm run bench -- --hold --observers=5000 --nodes=1 --seconds=60` and `--observers=10000 --nodes=2` (`bench/src/hold/`): one member types into one standard at 20 updates/s while N observers watch it, for the hold; observers connect in a bounded ramp (250/s over all generator processes, 20 handshakes in flight per process), each from its own address; on two nodes they are split evenly and the writer is on node 0 (the benchmark’s own redis-server, a scratch PostgreSQL database). ' +
      'Memory per observer = (after connecting − before) ÷ the node’s observers, RSS from `/proc` and heap after a forced GC (preloaded monitor). Server CPU is over the hold, per node; µs / packet = all nodes’ CPU ÷ packets received by the held observers. Latency: the writer’s send to the arrival at each observer (one machine, one wall clock; the generator processes learn the send times over IPC).',
    '',
    '| hold | ramp s | connected / held / disconnected | disconnect reasons | updates × observers delivered | latency p50 / p99 / max ms | packets / observer / s | RSS / heap KB per observer (per node) | server CPU % (per node) | server µs / packet | server loop p99 / max ms | generator CPU % (per process) | generator loop p99 ms (worst) | load average (ramp → hold → end) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...sorted.map(row),
    '',
    ...sorted.flatMap((r) => [
      `- ${r.observers.toLocaleString('en')} × ${r.nodes}: ${r.date}, ${r.binding}; per node RSS ${r.perNode.map((n) => `${n.rssBeforeMB} → ${n.rssAfterMB} MB`).join(', ')}, heap ${r.perNode.map((n) => `${n.heapBeforeMB} → ${n.heapAfterMB} MB`).join(', ')}; server CPU per join during the ramp ${r.rampServerCpuMsPerJoin} ms` +
        (r.redis
          ? `; Redis during the ramp ${r.redis.ramp.bytesPer} bytes and ${r.redis.ramp.commandsPer} commands per join (${reasons(r.redis.ramp.byCommand)}), during the hold ${r.redis.hold.bytesPer} bytes and ${r.redis.hold.commandsPer} commands per update`
          : '') +
        (Object.keys(r.refused).length ? `; never opened: ${reasons(r.refused)}` : '') +
        '.',
    ]),
    '',
    ...notes,
    ...(notes.length ? [''] : []),
    HOLD_SECTION.end,
  ].join('\n');
}

/** Written after reading the runs; a rerun regenerates the table above them, not these words. */
export const HOLD_NOTES: string[] = [
  '**Held, and every update delivered.** 5,000 observers on one node and 9,170 on two (of 10,000 asked: the ramp’s 500 s bound ran out, see below) were held for 60 s while the member typed 1,200 updates: every held observer received every update (6,000,000 and 11,004,000 update × observer arrivals of as many expected), nobody was disconnected, no connection was refused. The smoke case (`bench/src/smoke.test.ts`: 30 observers on one node, 10 over two) asserts the same.',
  '',
  '**Read the latencies as the machine’s.** The machine was shared with other engineers’ test suites and browser tests throughout (load average 14–21 on 2 cores, see the table); the nodes were runnable but waiting for CPU 0 (tens of thousands of involuntary context switches, 8–11 % of a core used over the hold, event-loop p99 130–170 ms, max ≈ 1 s), so the observer stream ran at its overload cadence (its window doubles while its timer is late, up to 1 s): 0.6–0.8 packets per observer per second, p50 1.4–2.1 s, p99 4.2–5.2 s, over the 1 s observer target. For scale, an earlier two-node run at a quieter minute (`bench/results/2026-12-07T08-22-07-499Z-hold-10000x2-split-prefix.json`; its nodes were, by a bench bug since fixed, in two Redis clusters, so only node 0’s half counts) had node 0 with the writer and 5,000 observers at 35 % of a core: p50 331 ms, p99 1.26 s, 1.6 packets per observer per second, every update delivered to those 5,000.',
  '',
  '**The generator** was 4 processes (`src/hold/observers.ts`, each its own event loop and socket set), process i pinned to CPU i mod 2, so it used both cores; the nodes and redis-server on CPU 0, the runner and writer on CPU 1. Its processes used 5–10 % of a core each over the hold, so it was not CPU-bound; their event loops were late as everything on the machine was (p99 66–116 ms on one node’s run, up to 1 s on the two-node run), which inflates latency, not delivery. Each process opens one socket per observer; at 10,000 observers that is 2,500 descriptors per process and 5,000 per node, well inside the open-file limit of 20,000, so no limit was raised.',
  '',
  '**Memory per connection.** Heap after a forced GC: **14.7 KB per observer on one node, 15.1 KB on each of two** — the same slope (the capacity model’s 13 KB, measured at 1,000, holds to within 15 %). RSS: 18.8 KB on one node, 20.0 and 26.0 KB on two (RSS includes what the allocator keeps, hence the spread). At 5,000 observers a node went from 170 to 262 MB RSS.',
  '',
  '**CPU and the model’s slope.** Server CPU per packet delivered: 27.8 µs on one node, 30.1 µs on two (+8 %); per observer held: 22 µs of CPU per second on one node (11.1 % ÷ 5,000), 18 µs on two (16.7 % ÷ 9,170) — at the 1 s cadence, where packets carry 25–33 updates each. A second node halves each node’s share without a cost per observer of its own: the slope holds. Cross-node traffic did not grow with observers: 0.49 Redis commands and 266 bytes per update during the hold (node 0 publishes each stored batch once; node 1 receives it once).',
  '',
  '**“N watching”, before and after** (`node --import tsx bench/src/tools/watcherCountBytes.ts 2000`: two nodes in one process, 2,000 observers split over them, the benchmark’s own redis-server): one count with `fetchSockets()` (before) moved **2,019,435 bytes through Redis and took 122 ms**; one count with the room sizes summed (after) **1,360 bytes and 0.5 ms** — the same 3 commands. Before, that is ≈ 2 KB per observer on the other nodes per count, up to 4 counts a second per node during a join wave: ≈ 80 MB/s at 10,000. In the two-node hold’s ramp, after: 830 bytes and 2.7 Redis commands per join, everything included (the count, its broadcast, the snapshot’s other reads).',
  '',
  '**What broke next, and was fixed: the count’s broadcast.** With the count fixed, a one-node ramp (`…08-11-12-534Z-hold-5000x1-gather250.json`) slowed from 31 joins/s at 800 observers to 2–10 joins/s past 2,000, and reached only 3,685 in its 300 s bound: the “N watching” broadcast went to every watcher up to 4 times a second, O(N) per broadcast, O(N²) per join wave, on a node getting a fifth of a core. The broadcast is now gathered 0.5 ms per watcher (at least 250 ms; 2.5 s at 5,000), so its share of a node stays ≈ 4 % whatever the crowd; the next one-node ramp held 19 joins/s to the end (5,000 in 267 s). **What bounds a join wave now is the join itself**: 7.6–11.2 ms of server CPU per observer (the snapshot from PostgreSQL, the access check, the first sync, the count), ≈ 90 s of one core for 10,000 — on this machine the two-node ramp got 9,170 in its 500 s bound, with both nodes sharing CPU 0 with others’ work.',
];

/** The latest hold of each size in `dir` run against this checkout's server. */
export function latestHolds(dir: string): HoldResult[] {
  const latest = new Map<string, HoldResult>();
  for (const f of readdirSync(dir)
    .filter((f) => /-hold-\d+x\d\.json$/.test(f))
    .sort()) {
    const r = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as HoldResult;
    if (r.server === 'this checkout') latest.set(`${r.observers}x${r.nodes}`, r);
  }
  return [...latest.values()];
}

/** Puts the section (the latest holds in bench/results, `r` among them) into BENCHMARKS.md. */
export async function writeHoldSection(file: string, r: HoldResult): Promise<void> {
  const dir = path.join(path.dirname(file), 'bench/results');
  const results = latestHolds(dir).filter((x) => `${x.observers}x${x.nodes}` !== `${r.observers}x${r.nodes}`);
  writeFileSync(
    file,
    await format(HOLD_SECTION.replaceIn(readFileSync(file, 'utf8'), holdSection([...results, r])), MARKDOWN),
  );
}
