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
export const HEARING_NOTES: string[] = [];
