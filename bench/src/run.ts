import { readFileSync } from 'node:fs';
import path from 'node:path';
import { machine, type Run } from './machine.ts';
import { measure, type Measurement } from './measure.ts';
import { plan } from './matrix.ts';
import { killAll, REPO_ROOT, TASKSET } from './procs.ts';
import { writeResult } from './results.ts';
import { BenchRedis } from './redisStats.ts';
import { writeReport } from './report.ts';

/**
 * `npm run bench [-- --quick] [-- --only=moot-1,hocuspocus-1] [-- --workloads=W1,W3] [-- --report=<results.json>]`:
 * every system in fresh processes, one run, one JSON file and a regenerated BENCHMARKS.md.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string) =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    ?.split(',');
const only = option('only');
const workloads = option('workloads');
const noReport = args.includes('--no-report');

process.on('SIGINT', () => void killAll().then(() => process.exit(130)));

async function main(): Promise<void> {
  // Issue 18's session workload has its own runner and its own section of BENCHMARKS.md.
  if (args.includes('--hands')) return (await import('./hands/hands.ts')).main(args);
  // The consensus map's recomputation cost (issue 17), in process: no servers.
  if (args.includes('--consensus')) return (await import('./consensus/consensusCost.ts')).main(args);
  if (args.includes('--peak')) return (await import('./peak/peak.ts')).main(args);
  // Thousands of observers held on one or two nodes, the generator in several processes (issue 18).
  if (args.includes('--hold')) return (await import('./hold/hold.ts')).main(args);
  const fromJson = option('report');
  if (fromJson) {
    // Regenerates BENCHMARKS.md from stored runs (after the report's notes changed), measuring nothing.
    // Several runs (comma-separated) are merged, each workload's cells from the run that has them.
    // npm runs this in bench/; a relative path is the caller's (INIT_CWD).
    const runs = fromJson.map(
      (f) => JSON.parse(readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), f), 'utf8')) as Run,
    );
    const run: Run =
      runs.length === 1
        ? runs[0]!
        : {
            ...runs.at(-1)!,
            measurements: runs.flatMap((r) => r.measurements),
            sources: runs.map(
              (r) =>
                `${r.date}: \`${r.command}\` (${[...new Set(r.measurements.map((m) => m.workload.split('-')[0]))].join(', ')})`,
            ),
          };
    await writeReport(run, path.join(REPO_ROOT, 'BENCHMARKS.md'));
    return console.log('wrote BENCHMARKS.md');
  }
  const started = new Date();
  const cells = plan(quick).filter(
    (p) => (!only || only.includes(p.system.id)) && (!workloads || workloads.some((w) => p.workload.id.startsWith(w))),
  );
  const redis = await BenchRedis.start().catch((error: unknown) => {
    console.warn(`no redis-server of our own (${String(error)}); two-node systems are skipped`);
    return null;
  });
  const measurements: Measurement[] = [];
  let file = '';
  const record = async (): Promise<Run> => {
    const run: Run = {
      date: started.toISOString(),
      durationS: Math.round((Date.now() - started.getTime()) / 1000),
      command: `npm run bench${args.length ? ' -- ' + args.join(' ') : ''}`,
      quick,
      taskset: TASKSET ? 'servers and redis-server on CPU 0, load generator on CPU 1' : 'not available: unpinned',
      machine: machine(),
      measurements,
    };
    // Written after every cell, so an interrupted run still leaves its figures (`--report=` renders them).
    file = await writeResult(run, quick ? 'quick' : '');
    return run;
  };
  try {
    for (const [i, { system, workload }] of cells.entries()) {
      if (system.nodes === 2 && !redis) continue;
      const t = performance.now();
      const m = await measure(system, workload, redis);
      measurements.push(m);
      const g = m.gen;
      console.log(
        `[${i + 1}/${cells.length}] ${workload.id} ${system.id}: ` +
          (m.ok && g
            ? `cpu/1k=${m.cpuPer1000} p50=${g.latency.p50} p99=${g.latency.p99} drops=${g.drops} delivered/s=${m.deliveredPerSec} ` +
              `sync p99=${g.syncMs.p99.toFixed(0)}ms loop=${m.serverLoopMax?.toFixed(0)}ms genLoop p99=${g.loopP99.toFixed(1)}` +
              (m.redis ? ` redis/update=${m.redis.perUpdate}` : '') +
              (g.kill
                ? ` lost=${g.kill.ackedLost}/${g.kill.ackedAtKill} converge=${g.kill.convergeMs?.toFixed(0)}ms`
                : '')
            : `FAILED ${m.error?.split('\n')[0]}`) +
          ` (${((performance.now() - t) / 1000).toFixed(0)} s)`,
      );
      await record();
    }
  } finally {
    await redis?.stop();
    await killAll();
  }
  const run = await record();
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
  if (!noReport) {
    await writeReport(run, path.join(REPO_ROOT, 'BENCHMARKS.md'));
    console.log('wrote BENCHMARKS.md');
  }
}

await main().catch(async (error: unknown) => {
  console.error(error);
  await killAll();
  process.exit(1);
});
