import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Paragraph } from '@moot/protocol';
import { mapOf } from '../../../apps/server/src/features/consensus/standardMap.ts';
import type { StoredMark } from '../../../apps/server/src/features/consensus/markStore.ts';
import { REPO_ROOT } from '../procs.ts';
import { writeConsensusSection } from './consensusSection.ts';

/**
 * `npm run bench -- --consensus`: what recomputing one standard's consensus map costs the server
 * after a mark (issue 17: "cheap for 100 members × 200 paragraphs"), measured here and never in a
 * timed test. The marks have structure, as a real room's would: three camps of members with their
 * own leanings, a fifth of the cells left unmarked, some noise. Reports the median and the
 * slowest of the runs, for the whole recomputation (`mapOf`: wordings, matrix, PCA, k-means for
 * k = 2…5 with silhouettes, bridging) on one core.
 */
export interface ConsensusCost {
  members: number;
  paragraphs: number;
  runs: number;
  medianMs: number;
  maxMs: number;
  groups: number;
}

/** A seeded generator (mulberry32), so every run measures the same marks. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticRoom(
  members: number,
  paragraphs: number,
  seed = 7,
): { paragraphs: Paragraph[]; marks: StoredMark[] } {
  const next = random(seed);
  const texts = Array.from({ length: paragraphs }, (_, i) => ({
    key: `1:${i * 10}`,
    text: `Paragraph ${i} of the standard.`,
  }));
  const leanings = Array.from({ length: 3 }, () => texts.map(() => next() * 2 - 1));
  const marks: StoredMark[] = [];
  for (let m = 0; m < members; m++) {
    const camp = leanings[m % 3]!;
    texts.forEach((p, i) => {
      if (next() < 0.2) return;
      const lean = camp[i]! + (next() - 0.5) * 0.8;
      const mark = lean > 0.25 ? 'agree' : lean < -0.25 ? 'disagree' : 'pass';
      marks.push({ paragraph: p.key, participantId: `member-${m}`, mark, wording: '' });
    });
  }
  return { paragraphs: texts, marks };
}

export function measureConsensus(members = 100, paragraphs = 200, runs = 15): ConsensusCost {
  const room = syntheticRoom(members, paragraphs);
  // Marks carry the wording they were given to: the current one.
  const wordings = new Map(mapOf('s', room.paragraphs, []).paragraphs.map((p) => [p.paragraph, p.wording]));
  const marks = room.marks.map((m) => ({ ...m, wording: wordings.get(m.paragraph)! }));
  mapOf('s', room.paragraphs, marks); // warm up
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    groups = mapOf('s', room.paragraphs, marks).groupSizes.length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { members, paragraphs, runs, medianMs: times[Math.floor(runs / 2)]!, maxMs: times.at(-1)!, groups };
}

/** `npm run bench -- --consensus [--no-report]`: three room sizes, and their section of BENCHMARKS.md. */
export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const costs = (
    [
      [30, 20],
      [100, 50],
      [100, 200],
    ] as const
  ).map(([members, paragraphs]) => {
    const cost = measureConsensus(members, paragraphs);
    console.log(
      `consensus map, ${members} members × ${paragraphs} paragraphs: median ${cost.medianMs.toFixed(1)} ms, ` +
        `slowest ${cost.maxMs.toFixed(1)} ms over ${cost.runs} runs (${cost.groups} opinion groups found)`,
    );
    return cost;
  });
  if (!args.includes('--no-report')) await writeConsensusSection(path.join(REPO_ROOT, 'BENCHMARKS.md'), costs);
}
