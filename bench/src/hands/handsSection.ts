import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { MarkedSection } from '../markedSection.ts';

/** What `hands.ts` measured (bench/results/<date>-hands.json). */
export interface HandsResult {
  date: string;
  members: number;
  observers: number;
  /** One raise (and its lower) at a time, 20 times before the phases: the service time. */
  oneRaiseMs?: { p50: number; max: number };
  phases: PhaseResult[];
}
export interface PhaseResult {
  phase: string;
  commands: number;
  refused: number;
  ackMs: { p50: number; p99: number; max: number };
  /** Bytes every socket received during the phase, ÷ commands ÷ sockets. */
  bytesPerCommandPerSocket: { members: number; observers: number };
  packetsPerSocket: { members: number; observers: number };
  wholeStates: number;
  patches: number;
  resyncs: number;
  /** From the last ack until every observer showed the final queue. */
  observersCurrentMs: number;
  serverLoopMaxMs: number | null;
  /** The load generator's event-loop delay over the burst (ms late at p99 and worst). */
  generatorLoopMs?: { p99: number; max: number };
  /** The node's user+system CPU over the phase (/proc, 10 ms ticks) ÷ commands. */
  serverCpuMsPerCommand: number;
  /** PostgreSQL's time executing statements for the phase (lock waits, commit flushes) ÷ commands. */
  dbMsPerCommand?: number;
  transactionsPerCommand?: number;
  /** The machine's 1-minute load average before and after the phase. */
  loadAverage?: [number, number];
}

/** Where this workload's part of BENCHMARKS.md stands. */
export const HANDS_SECTION = new MarkedSection('hands');

/** The BENCHMARKS.md section, between markers, so a regenerated report keeps it (report.ts). */
export function handsSection(r: HandsResult): string {
  const rows = r.phases.map(
    (p) =>
      `| ${p.phase} | ${p.ackMs.p50} | ${p.ackMs.p99} | ${p.ackMs.max} | ${p.refused} | ${p.bytesPerCommandPerSocket.members} | ${p.bytesPerCommandPerSocket.observers} | ${p.packetsPerSocket.observers} | ${p.wholeStates} | ${p.patches} | ${p.resyncs} | ${p.observersCurrentMs} | ${p.serverLoopMaxMs ?? '—'} | ${p.generatorLoopMs ? `${p.generatorLoopMs.p99} / ${p.generatorLoopMs.max}` : '—'} | ${p.serverCpuMsPerCommand} | ${p.dbMsPerCommand ?? '—'} | ${p.loadAverage?.join(' → ') ?? '—'} |`,
  );
  return [
    HANDS_SECTION.start,
    '',
    `## H1 100 hands in a second (session patches, issue 18)`,
    '',
    `${r.date}, \`npm run bench -- --hands --members=${r.members} --observers=${r.observers}\`: one node (PostgreSQL), a moderator, ${r.members} members and ${r.observers} observers in one live session; each member raises a hand once, evenly over one second (open loop), then lowers it the same way. Bytes are everything each socket received off the wire during the phase (until every client showed the final queue, plus 0.5 s), ÷ commands ÷ sockets. Target: ack p99 ≤ 250 ms.`,
    '',
    '| phase | ack p50 ms | ack p99 ms | ack max ms | refused | bytes / command / member socket | bytes / command / observer socket | packets / observer | whole states received | patches received | resyncs | observers current after last ack, ms | server loop max ms | generator loop p99 / max ms | server CPU ms / command | PostgreSQL ms / command | load average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...(r.oneRaiseMs
      ? [`One raise at a time (20, nothing queued): p50 ${r.oneRaiseMs.p50} ms, max ${r.oneRaiseMs.max} ms.`, '']
      : []),
    HANDS_SECTION.end,
  ].join('\n');
}

/** Puts the section into BENCHMARKS.md, replacing an earlier one. */
export async function writeHandsSection(file: string, r: HandsResult): Promise<void> {
  const md = readFileSync(file, 'utf8');
  writeFileSync(file, await format(HANDS_SECTION.replaceIn(md, handsSection(r)), MARKDOWN));
}

const MARKDOWN = { parser: 'markdown', printWidth: 120, proseWrap: 'preserve' } as const;
