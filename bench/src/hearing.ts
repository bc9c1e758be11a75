import type { Plan } from './matrix.ts';
import type { Measurement } from './measure.ts';
import { SYSTEMS } from './systems.ts';

/**
 * The public hearing (issue 18): one member typing at 20 updates/s, watched by 500 or 1,000
 * observers, on one node of every system. Three repetitions of each cell, interleaved (every
 * system once, then again) so a noisy minute on the shared machine hurts every system alike; the
 * report gives the median and the range of the three.
 */
export const HEARING_OBSERVERS = [500, 1000] as const;
export const HEARING_REPETITIONS = 3;
export const HEARING_RATE = 20;
const HEARING_SYSTEMS = ['moot-1', 'hocuspocus-1', 'y-websocket-1', 'socketio-1'];

export const hearingId = (observers: number): string => `PH-1w-${observers}o`;

export function hearingPlans(): Plan[] {
  const out: Plan[] = [];
  for (let rep = 0; rep < HEARING_REPETITIONS; rep++) {
    for (const observers of HEARING_OBSERVERS) {
      for (const system of SYSTEMS.filter((s) => HEARING_SYSTEMS.includes(s.id))) {
        out.push({
          system,
          workload: {
            id: hearingId(observers),
            label: `PH public hearing, 1 writer × ${HEARING_RATE}/s, ${observers} observers`,
            docs: 1,
            writersPerDoc: 1,
            readersPerDoc: observers,
            rate: HEARING_RATE,
            prefillBytes: 0,
            warmupMs: 2000,
            measureMs: 6000,
            connectSpreadMs: 0,
            mode: 'steady',
          },
        });
      }
    }
  }
  return out;
}

type M = Measurement;

const fmt = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median of the repetitions, with their range: `12.3 (11.0–14.1)`. */
function spread(xs: number[], digits = 1): string {
  const m = median(xs);
  if (m === null) return 'n/a';
  return xs.length > 1
    ? `${fmt(m, digits)} (${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)})`
    : fmt(m, digits);
}

/**
 * Server CPU per delivered *update*: what an observer receives may carry several updates in one
 * packet (Moot coalesces observers' traffic), so the generator counts the writer's characters each
 * message carries, not messages. For the peers, which send one message per update, the two agree.
 */
export function cpuPerThousandUpdates(m: M): number | null {
  const updates = m.gen?.deliveredUpdates ?? m.gen?.delivered ?? 0;
  return m.serverCpuMs != null && updates > 0 ? (m.serverCpuMs / updates) * 1000 : null;
}

interface Cells {
  label: string;
  runs: M[];
  cpu: number[];
  p50: number[];
  p99: number[];
  heap: number[];
  heapConnected: number[];
  genLoop: number[];
  loopP99: number[];
  drops: number;
  disconnects: number;
  failed: number;
  messagesPerUpdate: number[];
}

function cells(all: M[], workload: string, system: string): Cells | null {
  const runs = all.filter((m) => m.workload === workload && m.system === system);
  if (runs.length === 0) return null;
  const ok = runs.filter((m) => m.ok && m.gen);
  const nums = (f: (m: M) => number | null | undefined) =>
    ok.map(f).filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x));
  return {
    label: runs[0]!.systemLabel,
    runs,
    cpu: nums(cpuPerThousandUpdates),
    p50: nums((m) => m.gen!.latency.p50),
    p99: nums((m) => m.gen!.latency.p99),
    heap: nums((m) => m.heapPerConnKB),
    heapConnected: nums((m) => m.heapConnectedBytes),
    genLoop: nums((m) => m.gen!.loopP99),
    loopP99: nums((m) => m.serverLoopP99),
    drops: ok.reduce((s, m) => s + m.gen!.drops, 0),
    disconnects: ok.reduce((s, m) => s + m.gen!.disconnects, 0),
    failed: runs.length - ok.length,
    messagesPerUpdate: nums((m) =>
      m.gen!.deliveredUpdates ? m.gen!.delivered / m.gen!.deliveredUpdates : m.gen!.delivered > 0 ? 1 : null,
    ),
  };
}

/** The PH tables and the issue's targets, for BENCHMARKS.md (empty when the run has no PH cells). */
export function hearingSection(all: M[]): string[] {
  const ids = HEARING_OBSERVERS.map(hearingId).filter((id) => all.some((m) => m.workload === id));
  if (ids.length === 0) return [];
  const out: string[] = [
    '## PH public hearing (issue 18): 1 writer × 20 updates/s, 500 and 1,000 observers, one node',
    '',
    `Median of ${HEARING_REPETITIONS} repetitions (range in brackets), interleaved across systems. CPU is per delivered **update** (a Moot observer packet may carry several, see "messages / update"). ` +
      'Heap / observer is the slope between the 500- and 1,000-observer cells (medians); heap / conn is each cell’s own (connected − idle) ÷ clients. ' +
      'Generator loop p99 above 5 ms (⚠) means the load generator was saturated and latency is partly its own.',
    '',
  ];
  const hp = (id: string) => cells(all, id, 'hocuspocus-1');
  const floor = (id: string) => cells(all, id, 'socketio-1');
  for (const id of ids) {
    const observers = Number(/-(\d+)o$/.exec(id)![1]);
    out.push(
      `### ${observers} observers`,
      '',
      '| system | CPU-ms / 1k updates delivered (×HP) | p50 ms | p99 ms (×HP) | drops | disconnects | messages / update | heap / conn KB | server loop p99 ms | generator loop p99 ms |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const system of HEARING_SYSTEMS) {
      const c = cells(all, id, system);
      if (!c) continue;
      const h = hp(id);
      const x = (a: number[], b: number[] | undefined) => {
        const [ma, mb] = [median(a), b ? median(b) : null];
        return ma !== null && mb ? ` (${(ma / mb).toFixed(2)}×)` : '';
      };
      const sat = c.genLoop.some((l) => l > 5) ? ' ⚠' : '';
      out.push(
        `| ${c.label}${c.failed ? ` (${c.failed} failed)` : ''} | ${spread(c.cpu)}${x(c.cpu, h?.cpu)} | ${spread(c.p50)} | ${spread(c.p99)}${x(c.p99, h?.p99)} | ` +
          `${c.drops} | ${c.disconnects} | ${spread(c.messagesPerUpdate, 2)} | ${spread(c.heap)} | ${spread(c.loopP99)} | ${spread(c.genLoop)}${sat} |`,
      );
    }
    out.push('');
  }
  // Heap per observer: the slope between the two sizes, per system.
  const slopes: string[] = [];
  for (const system of HEARING_SYSTEMS) {
    const [low, high] = HEARING_OBSERVERS.map((o) => median(cells(all, hearingId(o), system)?.heapConnected ?? []));
    if (low == null || high == null) continue;
    const kb = (high - low) / (HEARING_OBSERVERS[1] - HEARING_OBSERVERS[0]) / 1024;
    slopes.push(`${cells(all, hearingId(1000), system)!.label} ${fmt(kb)} KB`);
  }
  if (slopes.length) out.push(`Heap per observer (slope 500 → 1,000): ${slopes.join('; ')}.`, '');

  out.push('### Targets (issue 18), from this run', '');
  for (const id of ids) {
    const moot = cells(all, id, 'moot-1');
    if (!moot) continue;
    const [cpu, hpCpu, floorCpu] = [median(moot.cpu), median(hp(id)?.cpu ?? []), median(floor(id)?.cpu ?? [])];
    const [p99, hpP99] = [median(moot.p99), median(hp(id)?.p99 ?? [])];
    const met = (b: boolean) => `**${b ? 'met' : 'missed'}**`;
    const observers = Number(/-(\d+)o$/.exec(id)![1]);
    const line =
      `- ${observers} observers: CPU / 1k updates ${fmt(cpu)} vs ≤ 0.8 × Hocuspocus ${fmt(hpCpu)} = ${fmt(hpCpu != null ? 0.8 * hpCpu : null)} ` +
      `${met(cpu != null && hpCpu != null && cpu <= 0.8 * hpCpu)}; vs ≤ bare Socket.IO ${fmt(floorCpu)} ${met(cpu != null && floorCpu != null && cpu <= floorCpu)}; ` +
      `p99 ${fmt(p99)} ms vs Hocuspocus ${fmt(hpP99)} ${met(p99 != null && hpP99 != null && p99 <= hpP99)}` +
      (observers === 1000 ? ` and ≤ 250 ms ${met(p99 != null && p99 <= 250)}` : '') +
      `; drops ${moot.drops}, disconnects ${moot.disconnects} ${met(moot.drops === 0 && moot.disconnects === 0)}.`;
    out.push(line);
  }
  const [mLow, mHigh] = HEARING_OBSERVERS.map((o) => median(cells(all, hearingId(o), 'moot-1')?.heapConnected ?? []));
  if (mLow != null && mHigh != null) {
    const kb = (mHigh - mLow) / (HEARING_OBSERVERS[1] - HEARING_OBSERVERS[0]) / 1024;
    out.push(`- Heap per observer (slope): ${fmt(kb)} KB; target ≤ 10 KB **${kb <= 10 ? 'met' : 'missed'}**.`);
  }
  out.push('', ...HEARING_NOTES, '');
  return out;
}

/**
 * What the figures above do not say by themselves: the profiles, the before/after comparison and
 * the capacity model (issue 18). Written after reading the runs named here; a rerun regenerates the
 * tables above, not these words.
 */
export const HEARING_NOTES: string[] = [
  '### What changed, and the profiles (issue 18)',
  '',
  "**This run (7 December, 14:07 UTC, `bench/results/2026-12-07T14-07-32-712Z.json`) is the observers' stream with its leading edge**: an update that finds the stream quiet for a whole window (50 ms, `LIMITS.observerCadenceMs`) goes out at once; what follows within the window after a packet waits for the window's end and goes merged, as before. Nothing else ran (load average 2–5); all four systems, 3 interleaved repetitions, medians. This session's machine is slower than the one of 12:09 below: every peer spent 20–40 % more CPU per delivery (Hocuspocus 20.2 against 14.9 at 500 observers), so compare ratios within a run.",
  '',
  '- **CPU per delivered update: met at both sizes** — 0.75× Hocuspocus at 500 observers (15.1 vs 20.2; target ≤ 0.8×) and 0.63× at 1,000, below bare Socket.IO at both. The leading edge sends more packets (0.63–0.66 messages per update, 0.51 before) at no cost in ratio: 0.75× and 0.67× at 12:09 without it.',
  '- **p99 ≤ 250 ms at 1,000 observers: met** (96 ms), nothing dropped, nobody disconnected.',
  "- **p99 ≤ Hocuspocus's in the same run: still missed, by less** — 74.5 vs 25.9 ms at 500 (2.87×, 3.97× without the leading edge) and 95.6 vs 64.6 ms at 1,000 (1.48×, 2.04× before); p50 fell from 53–57 ms to 31–41 ms. What is left is not only the window: the writer's updates arrive as a Poisson stream (20/s on average), so about 63 % of them land within 50 ms of the last packet and wait for the rest of the window; the tail beyond the window (about 25 ms) is shared by the generator's own loop (p99 10–24 ms in the Moot cells, ⚠) and the node's (the writes are spread over event-loop turns, 100 observers a turn, between which the members' work and PGlite's in-process writes run), not measured apart here. A window short enough to tie Hocuspocus's p99 sends nearly one packet per update, the shape in which Moot spends as much CPU as the peers; the 50 ms window keeps the CPU target, and the target on latency is named as missed rather than traded for it.",
  '- **Heap per observer: missed** — 15.0 KB (slope), 17–19 KB per connection; Hocuspocus 7.8, bare Socket.IO 10.6 KB. See (b) below: the Socket.IO stack alone is over the 10 KB target.',
  '',
  "**The run of 7 December, 12:09 UTC** (`bench/results/2026-12-07T12-09-39-034Z.json`, a quiet machine, Moot, Hocuspocus and bare Socket.IO only), before the leading edge: Moot 11.2 and 8.9 CPU-ms per 1,000 updates at 500 and 1,000 observers (0.75× and 0.67× Hocuspocus's 14.9 and 13.3); p50 53 and 57 ms, the 50 ms window plus a few milliseconds (an update arriving into an empty window waited the whole window); p99 68 and 84 ms against Hocuspocus's 17 and 41.",
  '',
  "**The runs of 6 December** were on a machine shared with other engineers' test suites: load average 20–30 on 2 cores for the whole session, the generator's event-loop p99 above 50 ms in nearly every cell. Latency there was mostly queueing on a starved machine, for every system (Hocuspocus dropped characters in several cells); server CPU per delivered update, read from `/proc`, is the figure that held its shape.",
  '',
  '**Before** (6 December, `main` at f25e670; `bench/results/2026-12-06T21-50-08-339Z-before-moot.json`, load 20–30): Moot 11.8 (9.4–14.2) CPU-ms per 1,000 updates at 500 observers and 8.6 (8.4–13.6) at 1,000, one message per update; p99 1.5 s (0.5–3.3) and 10 s (4.0–10, the histogram’s cap), with 86,037 drops and 807 disconnects in one 1,000-observer repetition; heap 17.8 / 15.8 KB per connection, 13.9 KB per observer (slope). With the inspector on (`…21-32-18-521Z-before-moot-profiled.json`, 1,000 observers): 15.7 (15.5–17.7).',
  '',
  '**After** (6 December, same load, `…22-22-25-415Z.json`, all four systems): 6.7 and 4.8 CPU-ms per 1,000 updates (0.55× and 0.37× Hocuspocus, 0.53× and 0.51× bare Socket.IO in the same run); 0.31–0.37 observer messages per update; 0 drops, 0 disconnects; heap 12.9 KB per observer (slope), 14.7 KB per connection at 1,000. Profiled the same way as before: 7.9–9.1 with the first version of the stream (`…21-47-41-838Z-moot-stream-v1-profiled.json`).',
  '',
  '**Top frames before** (1,000 observers, 6 s window, the server busy 29 % of it): `socketFanout.update` 22.1 % inclusive → Socket.IO `BroadcastOperator.emit` → `InMemoryAdapter.apply` 21.9 % → per socket `Client.writeToEngine` → engine.io `sendPacket` 20.6 % → `flush` → ws `Sender.send`/`dispatch` → `cork`/`uncork` → `writev` **14.4 % self** (the syscall, one per observer per update); the rest per socket: `emit` 2.4 %, the slow-consumer `packetCreate` listener 1.3 %, `InMemoryAdapter.apply` 0.9 %, engine `flush` 0.8 %, `onDrain` 0.6 %, ws `_onSentLast` 0.6 %.',
  '',
  '**Top frames after** (same workload; the server busy 25 %, 7 % of it the profiler’s own `dispatch`): `ObserverStream.flush` 14.2 % inclusive (one per document per window, not per update) → `writeTo` 12.6 % → ws `sendFrame` → `Socket._write` → `writeBuffer` **11.1 % self** (one write of a pre-built frame per observer per window); the stream’s own work: `flush` 0.8 %, `backlogOf` 0.5 %, `bufferedAmount` 0.3 %. Socket.IO’s broadcast, engine.io’s per-packet events and ws’s framing are gone from the observer path; what is left is the kernel write. The merge (`Y.mergeUpdates`) and the single encode do not reach 0.3 %.',
  '',
  '**What did it**: (1) observers get what arrived within 50 ms as one merged update (3 writes per 10 updates instead of 10; members are untouched), (2) the packet is encoded once and framed once and the same bytes go to every observer, straight to the WebSocket when engine.io has nothing queued, (3) nothing per socket besides a backlog check and the write. Measured and kept.',
  '',
  '**Misses on 6 December, with the figures.** (a) **p99 at 1,000 observers was 362 ms (196–621), over the 250 ms target** (met on the quiet machine: 84 ms) — though 0.11× Hocuspocus’s 3.3 s in the same run. The generator’s event loop p99 was 57–135 ms in those cells and the machine at load 20–30, and under that load the window widens by design (the flush timer runs late, so the cadence doubles, up to 1 s): observers then get fewer, later packets. On the quieter machine of the issue (bare Socket.IO’s floor 71–79 ms) the 50 ms window adds at most 50 ms; that run could not show whether that meets 250 ms; the quiet run above does (84 ms). (b) **Heap per observer is 12.9 KB, over the 10 KB target** (before 13.9). Socket.IO + engine.io + ws alone cost 10.7 KB per connection here (the bare Socket.IO slope), so 10 KB cannot be met on Socket.IO; what Moot adds above it was cut (engine.io’s upgrade request is let go once connected — it was held for the connection’s life by a close listener —, one assembly view per assembly, one clock for all token buckets, no bound `socket.on` copies, a lazy `InOrder`), and `bench/src/tools/observerHeap.ts` breaks down the rest: mostly Socket.IO/engine.io/ws objects, closures and bound functions (17 `native_bind` per connection), the TCP wrap and the ws receiver. Meeting 10 KB means observers on a plain WebSocket endpoint speaking the same frames (y-websocket’s 3.3 KB shows the room) — not done.',
  '',
  '**Under overload** (100 members typing in 10 standards with 500 observers, the “100 hands” workload another engineer is adding): not measured in this run. What the code does: members’ updates go out at once as before; observers’ window doubles while the node is late, up to 1 s (`observer.cadence` logged at each change), so each observer gets about one packet a second instead of ten; an observer with more than 1 MiB waiting when its packet is due is dropped with `{"event":"observer.dropped","reason":"slow-consumer",…}` in the JSON log; members are never dropped by this (only by the 4 MiB bound every connection has).',
  '',
  '### Capacity model: one hearing, many observers',
  '',
  "From the 6 December run: an observer costs **c ≈ 15 µs of CPU per packet** (4.8 ms per 1,000 updates ÷ 0.31 packets per update; the quiet run of 7 December gives 8.9 ÷ 0.51 ≈ 17 µs) and gets **p ≈ 6–8 packets/s** when one member types 20 updates/s (20 × 0.31–0.37); the writer’s own work (apply, store, ack) is fixed per update and vanishes in the per-observer figure. So one observer costs ≈ 0.1 ms of CPU per second, and one core at 70 % serves **≈ 6,000 observers** of a typing hearing at the 50 ms window (≈ 40,000 at the 1 s overload window, with 1 s of delay). Memory is not what binds: 13 KB of heap per observer (plus kernel socket buffers) is ≈ 80 MB at 6,000. **Measured held** (“Observers held” below, 60 s, every update delivered, quiet machine): 14.8 KB of heap and 12 KB of RSS per observer at 5,000 on one node, 15.2–15.4 KB of heap (11–14 KB RSS) per observer on each of two nodes at 10,000 — the same slope; the loaded holds of the morning showed up to 26 KB of RSS, so ≈ 20–25 KB per observer is the figure to provision (≈ 150 MB at 6,000). CPU per packet held was 17.0 µs on one node and 17.9 µs on two (the model's c), 83 and 53 µs of CPU per observer per second at 4.9 and 3.0 packets a second: a second node halves each node’s share, as the model assumes. Cross-node document traffic does not grow with observers: the writer’s node publishes each stored batch once (0.2–1.0 Redis commands per update, W1 on 2 nodes), and every node that holds the document receives it once from Redis.",
  '',
  '| observers of one hearing | nodes at 50 ms (≈ 6,000 each, 70 % CPU)     | Redis for document traffic (20 updates/s)                                                                                                                                                                                                    | what breaks first                                                                                         |',
  '| ------------------------ | ------------------------------------------- | -------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------- | --------------------------------------------------------------------------------------------------------- |',
  '| 10,000                   | 2 (+1 spare)                                | one Redis: ≤ 20 publishes/s in, ≤ 60 messages/s out                                                                                                                                                                                          | was the “N watching” count (fixed, below); now the join wave (≈ 8–11 ms of server CPU per join, measured) |',
  '| 100,000                  | 17 (+2)                                     | one Redis: ≤ 20 in, ≤ 380 messages/s out (~0.2 MB/s)                                                                                                                                                                                         | join waves (a snapshot and a sync per observer: ≈ 8–11 ms of server CPU each, measured in the hold)       |',
  '| 1,000,000                | 170 (+10), or 25 at the 1 s overload window | one Redis: ≤ 3,600 messages/s out (~1 MB/s); the sharded adapter (Redis ≥ 7, already used with Redis Cluster) spreads _different_ rooms over shards, but one hearing’s document is one channel on one shard, which this load does not strain | join waves long before fan-out; a load balancer holding 1 M WebSockets                                    |',
  '',
  '**What broke first was “N watching”; fixed (issue 18, measured in “Observers held” below).** `WatcherCount` counted with `watch.in(room).fetchSockets()` through the adapter, so every count asked every node for every observer socket of the assembly (id, handshake, rooms, data) over Redis: O(total observers) bytes per count, each node counting up to 4 times a second while people join. Now each node answers with its own room’s size (`adapter.rooms.get(room).size`) over `serverSideEmitWithAck`, one number per node, summed (a closed node is no longer asked; one that does not answer within 5 s is left out of that count). The next thing that broke, measured by the hold: the count’s _broadcast_ to every watcher, 4 times a second during a join wave — O(N) per broadcast, O(N²) per wave; at 3,000 watchers it held a starved node’s joins at 2–10/s. It is now gathered 0.5 ms per watcher (at least 250 ms: 2.5 s at 5,000), which keeps its share of a node’s CPU flat. Next after those: the join itself (≈ 8–10 ms of server CPU per observer measured in the ramps: the snapshot from PostgreSQL, the first sync), so a join wave of 10,000 costs ≈ 90 s of one core, and the kernel’s write cost per packet, which only fewer packets (a wider window) or more cores reduce.',
];
