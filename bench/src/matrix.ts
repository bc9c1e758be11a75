import type { Workload } from './measure.ts';
import { hearingPlans } from './hearing.ts';
import { SYSTEMS, type SystemUnderTest } from './systems.ts';

export interface Plan {
  system: SystemUnderTest;
  workload: Workload;
}

const w1 = (writers: number, observers: number, warmupMs: number, measureMs: number): Workload => ({
  id: `W1-${writers}w-${observers}o`,
  label: `W1 hot doc, ${writers} writers × 5/s, ${observers} observers`,
  docs: 1,
  writersPerDoc: writers,
  readersPerDoc: observers,
  rate: 5,
  prefillBytes: 0,
  warmupMs,
  measureMs,
  connectSpreadMs: 0,
  mode: 'steady',
});

const SIZES: [number, string][] = [
  [160_000, '160 KB'],
  [1_600_000, '1.6 MB'],
  [16_000_000, '16 MB'],
];

const W1_CELLS: [number, number][] = [
  [10, 100],
  [10, 1000],
  [50, 100],
];

/**
 * The matrix. The full one is scaled to fit about 20 minutes on 2 cores: 2 s warm-up and 6–8 s
 * measured per steady cell, one repetition (research §5.1 asks 30 s + 120 s × 3 — that would take hours).
 */
export function plan(quick: boolean): Plan[] {
  const out: Plan[] = [];
  if (quick) {
    for (const system of SYSTEMS) out.push({ system, workload: w1(10, 100, 1500, 3000) });
    return out;
  }
  // 50 writers × 500 or 1,000 observers (125k–262k deliveries/s) are left out: one generator core cannot read
  // them; 10 × 500 is left out for time (100 and 1,000 give the per-observer slope).
  for (const [writers, observers] of W1_CELLS) {
    for (const system of SYSTEMS) out.push({ system, workload: w1(writers, observers, 2000, 6000) });
  }
  for (const system of SYSTEMS) {
    out.push({
      system,
      workload: {
        id: 'W2-300rooms',
        label: 'W2 300 rooms × 3 clients, 1 writer × 2/s each',
        docs: 300,
        writersPerDoc: 1,
        readersPerDoc: 2,
        rate: 2,
        prefillBytes: 0,
        warmupMs: 2000,
        measureMs: 8000,
        connectSpreadMs: 0,
        mode: 'steady',
      },
    });
  }
  for (const [bytes, label] of SIZES) {
    for (const system of SYSTEMS.filter((s) => s.stateful && s.nodes === 1)) {
      out.push({
        system,
        workload: {
          id: `W3-${label.replace(' ', '')}`,
          label: `W3 cold load ${label}, 100 clients within 5 s`,
          docs: 1,
          writersPerDoc: 0,
          readersPerDoc: 100,
          rate: 0,
          prefillBytes: bytes,
          warmupMs: 0,
          measureMs: 0,
          connectSpreadMs: 5000,
          mode: 'cold',
        },
      });
    }
  }
  // The bare Socket.IO floor keeps no state, so there is nothing to converge to or lose: W4 is for Moot and Hocuspocus.
  for (const system of SYSTEMS.filter((s) => s.nodes === 2 && s.stateful)) {
    out.push({
      system,
      workload: {
        ...w1(10, 100, 3000, 8000),
        id: 'W4-kill',
        label: 'W4 SIGKILL node 2 of 2 under W1 (10 w, 100 o)',
        mode: 'kill',
      },
    });
  }
  out.push(...hearingPlans());
  // Cheapest and most telling first, so a run cut short still has every workload: the two
  // generator-bound W1 cells (1,000 observers, 50 writers) go last.
  const last = (p: Plan) => p.workload.id === 'W1-10w-1000o' || p.workload.id === 'W1-50w-100o';
  return [...out.filter((p) => !last(p)), ...out.filter(last)];
}
