import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';

/** What `hands.ts` measured (bench/results/<date>-hands.json). */
export interface HandsResult {
  date: string;
  members: number;
  observers: number;
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
  /** The node's user+system CPU over the phase (/proc, 10 ms ticks) ÷ commands. */
  serverCpuMsPerCommand: number;
}

const START = '<!-- hands:start -->';
const END = '<!-- hands:end -->';

/** The BENCHMARKS.md section, between markers, so a regenerated report keeps it (report.ts). */
export function handsSection(r: HandsResult): string {
  const rows = r.phases.map(
    (p) =>
      `| ${p.phase} | ${p.ackMs.p50} | ${p.ackMs.p99} | ${p.ackMs.max} | ${p.refused} | ${p.bytesPerCommandPerSocket.members} | ${p.bytesPerCommandPerSocket.observers} | ${p.packetsPerSocket.observers} | ${p.wholeStates} | ${p.patches} | ${p.resyncs} | ${p.observersCurrentMs} | ${p.serverLoopMaxMs ?? '—'} | ${p.serverCpuMsPerCommand} |`,
  );
  return [
    START,
    '',
    `## H1 100 hands in a second (session patches, issue 18)`,
    '',
    `${r.date}, \`npm run bench -- --hands --members=${r.members} --observers=${r.observers}\`: one node (PostgreSQL), a moderator, ${r.members} members and ${r.observers} observers in one live session; each member raises a hand once, evenly over one second (open loop), then lowers it the same way. Bytes are everything each socket received off the wire during the phase (until every client showed the final queue, plus 0.5 s), ÷ commands ÷ sockets. Target: ack p99 ≤ 250 ms.`,
    '',
    '| phase | ack p50 ms | ack p99 ms | ack max ms | refused | bytes / command / member socket | bytes / command / observer socket | packets / observer | whole states received | patches received | resyncs | observers current after last ack, ms | server loop max ms | server CPU ms / command |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n');
}

/** Puts the section into BENCHMARKS.md, replacing an earlier one. */
export async function writeHandsSection(file: string, r: HandsResult): Promise<void> {
  const md = readFileSync(file, 'utf8');
  writeFileSync(file, await format(withHandsSection(md, handsSection(r)), MARKDOWN));
}

/** `md` with `section` in place of its hands section, or appended. */
export function withHandsSection(md: string, section: string | null): string {
  if (!section) return md;
  const start = md.indexOf(START);
  const end = md.indexOf(END);
  return start >= 0 && end > start
    ? md.slice(0, start) + section + md.slice(end + END.length)
    : `${md.trimEnd()}\n\n${section}\n`;
}

/** The hands section of an existing BENCHMARKS.md, so the main report keeps it when it regenerates the file. */
export function existingHandsSection(file: string): string | null {
  let md: string;
  try {
    md = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const start = md.indexOf(START);
  const end = md.indexOf(END);
  return start >= 0 && end > start ? md.slice(start, end + END.length) : null;
}

const MARKDOWN = { parser: 'markdown', printWidth: 120, proseWrap: 'preserve' } as const;
