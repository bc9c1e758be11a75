import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import type { LatencySummary } from '../types.ts';
import { MarkedSection } from '../markedSection.ts';

/** What `peak.ts` measured (bench/results/<date>-peak.json). */
export interface PeakResult {
  date: string;
  members: number;
  standards: number;
  observers: number;
  rate: number;
  seconds: number;
  typedMs: number;
  writes: number;
  updatesPerSecond: number;
  /** A member's edit, from sending to the server's ack (stored). */
  ackMs: LatencySummary;
  /** An update, from its author's send to its arrival at an observer (every observer, every update). */
  observerMs: LatencySummary;
  unacked: number;
  refused: number;
  observerArrivals: number;
  observerArrivalsExpected: number;
  disconnects: { members: number; observers: number };
  serverCpuPercent: number;
  serverLoop: { p99: number; max: number } | null;
  generatorLoop: { p99: number; max: number };
  loadAverage: [number, number];
  /** `observer.dropped` lines in the node's log. */
  droppedLogged: number;
  profile?: { file: string; top: Frame[] };
}

export interface Frame {
  name: string;
  selfPercent: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most self time in a V8 CPU profile, as a share of the samples. */
export function topFrames(file: string, count: number): Frame[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0) || 1;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? ` ${path.basename(url)}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where}`;
    self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0));
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, hits]) => ({ name, selfPercent: Math.round((hits / total) * 1000) / 10 }));
}

/** Where this workload's part of BENCHMARKS.md stands. */
export const PEAK_SECTION = new MarkedSection('peak');
const ms = (l: LatencySummary) => `${l.p50} / ${l.p99} / ${Math.round(l.max)}`;

/** The BENCHMARKS.md section, between markers, so a regenerated report keeps it (report.ts). */
export function peakSection(r: PeakResult): string {
  return [
    PEAK_SECTION.start,
    '',
    '## P1 peak of a sitting: 100 members typing, 500 observers (issue 18)',
    '',
    `${r.date}, \`npm run bench -- --peak --members=${r.members} --standards=${r.standards} --observers=${r.observers} --rate=${r.rate} --seconds=${r.seconds}\`: one node (PostgreSQL), ${r.members} members typing in ${r.standards} standards (${r.rate} edits/s each, open loop), ${r.observers} observers watching every standard, for ${r.seconds} s. Targets: members' edit acks p99 ≤ 250 ms, observers' p99 ≤ 1 s, nobody disconnected.`,
    '',
    '| updates/s | member ack p50 / p99 / max ms | observer p50 / p99 / max ms | delivered to observers | disconnected (members, observers) | observers dropped (logged) | server CPU % | server loop p99 / max ms | generator loop p99 / max ms | load average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${r.updatesPerSecond} | ${ms(r.ackMs)} | ${ms(r.observerMs)} | ${r.observerArrivals} of ${r.observerArrivalsExpected} | ${r.disconnects.members}, ${r.disconnects.observers} | ${r.droppedLogged} | ${r.serverCpuPercent} | ${r.serverLoop ? `${r.serverLoop.p99} / ${r.serverLoop.max}` : '—'} | ${r.generatorLoop.p99} / ${r.generatorLoop.max} | ${r.loadAverage.join(' → ')} |`,
    '',
    ...(r.profile
      ? [
          `Top frames by self time (\`${r.profile.file}\`): ${r.profile.top.map((f) => `\`${f.name}\` ${f.selfPercent} %`).join(', ')}.`,
          '',
        ]
      : []),
    PEAK_SECTION.end,
  ].join('\n');
}

/** Puts the section into BENCHMARKS.md, replacing an earlier one. */
export async function writePeakSection(file: string, r: PeakResult): Promise<void> {
  writeFileSync(file, await format(PEAK_SECTION.replaceIn(readFileSync(file, 'utf8'), peakSection(r)), MARKDOWN));
}

const MARKDOWN = { parser: 'markdown', printWidth: 120, proseWrap: 'preserve' } as const;
