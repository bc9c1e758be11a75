import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import * as decoding from 'lib0/decoding';
import { toBytes } from '@moot/protocol';
import { CollabClient } from '../../../apps/server/test/support/collabClient.ts';
import {
  connectMember,
  connectWatcher,
  type MemberSocket,
  type WatcherSocket,
} from '../../../apps/server/test/support/harness.ts';
import { createScratchDatabase } from '../../../apps/server/test/support/services.ts';
import { keyOf, STEP2, UPDATE, updateKeys } from '../clients.ts';
import { seedDocuments } from '../mootSeed.ts';
import { BENCH_ROOT, freePort, mootNodeEnv, Proc, REPO_ROOT, TASKSET, waitForHttp } from '../procs.ts';
import { Histogram } from '../stats.ts';
import { topFrames, writePeakSection, type PeakResult } from './peakSection.ts';
import { writeResult } from '../results.ts';

/**
 * P1, the peak of a sitting (issue 18): one Moot node; `members` members typing in `standards`
 * standards (members spread evenly, each at `rate` edits/s, open loop, Poisson), for `seconds`,
 * while `observers` observers watch every standard (as the watch page opens every standard).
 * Measured: each member's edit from sending to its ack (the edit is stored), each update from
 * its author's send to its arrival at every observer (one clock: all clients are here), who was
 * disconnected, the node's event-loop delay and CPU, and this process's own loop delay (when it
 * is late, the latencies are partly the generator's).
 *
 * `npm run bench -- --peak [--members=100] [--standards=10] [--observers=500] [--rate=2] [--seconds=30]`.
 * The clients run in this process, pinned to CPU 1; the node to CPU 0, on loopback. Every wait is
 * bounded. `BENCH_PROFILE=1` writes the node's CPU profile of the typing window to
 * results/profiles/ and prints its top frames. Writes bench/results/<date>-peak.json and the
 * section between the `peak` markers in BENCHMARKS.md.
 */
const MAIN = path.join(REPO_ROOT, 'apps/server/src/main.ts');
let addresses = 0;
const ownAddress = () => {
  const n = addresses++;
  return { 'x-forwarded-for': `10.201.${(n >> 8) & 255}.${n & 255}` };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n * 10) / 10;
const load = () => round(loadavg()[0]!);

export interface PeakOptions {
  members: number;
  standards: number;
  observers: number;
  /** Edits per second per member. */
  rate: number;
  seconds: number;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size)
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}

export async function runPeak(options: PeakOptions): Promise<PeakResult> {
  if (TASKSET) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)]);
  const scratch = await createScratchDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-peak-'));
  let node: Proc | null = null;
  const sockets: (MemberSocket | WatcherSocket)[] = [];
  let expectedClose = false;
  const disconnects = { members: 0, observers: 0 };
  try {
    const seeded = await seedDocuments(scratch.url, {
      docs: options.standards,
      writers: options.members,
      prefillBytes: 0,
    });
    const port = await freePort();
    node = Proc.node('moot-peak', MAIN, {
      cpu: 0,
      env: {
        PORT: String(port),
        ...mootNodeEnv({ databaseUrl: scratch.url, dataDir, ballotSecret: randomBytes(32).toString('hex') }),
      },
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/`, node);
    const docs = await seeded.redeem(url);
    const watchKey = docs[0]!.watchKey!;
    if (docs.some((d) => d.watchKey !== watchKey)) throw new Error('the standards must be in one assembly');
    const cookies = docs[0]!.cookies!;

    // Members: member i edits standard i mod standards (sessions are shared two ways past 50: mootSeed.ts).
    const sentAt = new Map<number, number>();
    const ackMs = new Histogram();
    const observerMs = new Histogram();
    let measuring = false;
    const members = await inBatches(options.members, 10, async (i) => {
      const cookie = cookies[i % cookies.length]!;
      const { socket } = await connectMember(url, cookie, { headers: ownAddress() });
      sockets.push(socket);
      socket.on('disconnect', () => void (expectedClose || disconnects.members++));
      const client = new CollabClient(socket, docs[i % docs.length]!.name);
      const sent = new Map<string, number>();
      // The ack of a labelled edit pushes its label: that is when it was stored.
      client.acked.push = (...labels: string[]) => {
        const t = performance.now();
        for (const label of labels) {
          const at = sent.get(label);
          sent.delete(label);
          if (at !== undefined && measuring) ackMs.record(t - at);
        }
        return 0;
      };
      socket.on('doc:sync', () => void (client.received.length = 0)); // kept for tests; a benchmark cannot
      await client.open();
      let n = 0;
      return {
        client,
        write() {
          if (socket.disconnected) return;
          const label = `e${n++}`;
          const key = keyOf(client.doc);
          const t = performance.now();
          sent.set(label, t);
          sentAt.set(key, t);
          (client as unknown as { nextLabel: string }).nextLabel = label;
          client.text.insert(client.text.length, 'x');
        },
      };
    });

    // Observers: every standard, as the watch page opens them. Arrivals counted per update.
    let arrivals = 0;
    const observers = await inBatches(options.observers, 25, async () => {
      const { socket } = await connectWatcher(url, watchKey, () => {}, ownAddress());
      sockets.push(socket);
      socket.on('disconnect', () => void (expectedClose || disconnects.observers++));
      let synced = 0;
      socket.on('doc:sync', ({ message }) => {
        const d = decoding.createDecoder(toBytes(message));
        const kind = decoding.readVarUint(d);
        if (kind === STEP2) synced++;
        if (kind !== UPDATE && kind !== STEP2) return;
        const t = performance.now();
        for (const key of updateKeys(decoding.readVarUint8Array(d))) {
          const at = sentAt.get(key);
          if (at === undefined) continue;
          arrivals++;
          if (measuring) observerMs.record(t - at);
        }
      });
      for (const doc of docs) {
        const ack = await socket.timeout(30_000).emitWithAck('doc:open', { docId: doc.name });
        if (!ack.ok) throw new Error(`watch open refused: ${ack.error.code}`);
      }
      return { socket, synced: () => synced };
    });
    await waitUntil(() => observers.every((o) => o.synced() >= docs.length), 60_000);
    await sleep(1500);

    // Typing: open loop, each member on its own Poisson schedule, caught up (bounded) when late.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const next = members.map(() => performance.now() + (-Math.log(1 - Math.random()) * 1000) / options.rate);
    let writes = 0;
    const tick = setInterval(() => {
      const t = performance.now();
      for (const [i, m] of members.entries()) {
        for (let bounded = 20; next[i]! <= t && bounded > 0; bounded--) {
          next[i]! += (-Math.log(1 - Math.random()) * 1000) / options.rate;
          m.write();
          writes++;
        }
      }
    }, 5);
    const profile = process.env.BENCH_PROFILE
      ? path.join(BENCH_ROOT, 'results/profiles', `peak-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`)
      : null;
    if (profile) mkdirSync(path.dirname(profile), { recursive: true });
    await node.sample({ reset: true });
    if (profile) node.child.send({ type: 'profile-start' });
    loop.enable();
    const cpuBefore = node.cpuMs();
    const loadBefore = load();
    measuring = true;
    const started = performance.now();
    await sleep(options.seconds * 1000);
    clearInterval(tick);
    const typedMs = performance.now() - started;
    const serverCpuMs = node.cpuMs() - cpuBefore;
    const serverLoop = await node.sample();
    if (profile) node.child.send({ type: 'profile-stop', file: profile });
    // Everything sent still arrives (bounded): acks, then every observer's copy of every update.
    const expected = () => writes * observers.length;
    await waitUntil(() => members.every((m) => m.client.unacked === 0), 60_000);
    await waitUntil(() => arrivals >= expected(), 60_000);
    measuring = false;
    loop.disable();
    const result: PeakResult = {
      date: new Date().toISOString(),
      ...options,
      typedMs: round(typedMs),
      writes,
      updatesPerSecond: round((writes / typedMs) * 1000),
      ackMs: ackMs.summary(),
      observerMs: observerMs.summary(),
      unacked: members.reduce((n, m) => n + m.client.unacked, 0),
      refused: members.reduce((n, m) => n + m.client.refusals.length, 0),
      observerArrivals: arrivals,
      observerArrivalsExpected: expected(),
      disconnects: { ...disconnects },
      serverCpuPercent: round((serverCpuMs / typedMs) * 100),
      serverLoop: serverLoop ? { p99: round(serverLoop.loopP99), max: round(serverLoop.loopMax) } : null,
      generatorLoop: { p99: round(loop.percentile(99) / 1e6 - 10), max: round(loop.max / 1e6 - 10) },
      loadAverage: [loadBefore, load()],
      droppedLogged: (node.log.match(/observer\.dropped/g) ?? []).length,
    };
    if (profile) {
      await waitUntil(() => {
        try {
          return readFileSync(profile).length > 0;
        } catch {
          return false;
        }
      }, 30_000);
      result.profile = { file: path.relative(REPO_ROOT, profile), top: topFrames(profile, 12) };
    }
    console.log(JSON.stringify(result));
    return result;
  } finally {
    expectedClose = true;
    for (const s of sockets) s.disconnect();
    await node?.kill();
    await scratch.drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- --peak …` lands here (run.ts). */
export async function main(args: string[]): Promise<void> {
  const number = (name: string, fallback: number) =>
    Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const result = await runPeak({
    members: number('members', 100),
    standards: number('standards', 10),
    observers: number('observers', 500),
    rate: number('rate', 2),
    seconds: number('seconds', 30),
  });
  await writeResult(result, 'peak');
  if (!args.includes('--no-report')) await writePeakSection(path.join(REPO_ROOT, 'BENCHMARKS.md'), result);
}
