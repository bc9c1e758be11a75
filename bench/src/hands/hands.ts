import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { SessionReplica, type SessionState } from '@moot/protocol';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  type MemberSocket,
  type WatcherSocket,
} from '../../../apps/server/test/support/harness.ts';
import { createScratchDatabase } from '../../../apps/server/test/support/services.ts';
import { inviteParticipant } from '../../../apps/server/src/features/identity/participantStore.ts';
import { openDatabase } from '../../../apps/server/src/storage/open.ts';
import { freePort, mootNodeEnv, Proc, REPO_ROOT, TASKSET, waitForHttp } from '../procs.ts';
import { writeHandsSection, type HandsResult, type PhaseResult } from './handsSection.ts';
import { writeResult } from '../results.ts';

/**
 * "100 hands in a second" (issue 18): one Moot node, a moderator, `members` members and
 * `observers` observers in one live session; every member raises a hand once, spread evenly
 * over one second (open loop), then every member lowers it the same way. Measured: each
 * command's ack latency (send → ack, one clock), what every socket received meanwhile (bytes
 * off the wire, per command per socket), how many whole states and patches went out, and how
 * long after the last ack every observer showed the whole queue.
 *
 * `npm run bench -- --hands [--members=100] [--observers=500]`. The clients run in this process,
 * pinned to CPU 1; the node to CPU 0. Writes bench/results/<date>-hands.json and the section
 * between the `hands` markers in BENCHMARKS.md.
 */
const MAIN = path.join(REPO_ROOT, 'apps/server/src/main.ts');
let addresses = 0;
/** Each client from its own address (the node trusts loopback's X-Forwarded-For), as in mootClients.ts. */
const ownAddress = () => {
  const n = addresses++;
  return { 'x-forwarded-for': `10.200.${(n >> 8) & 255}.${n & 255}` };
};

/** Bytes and packets off one socket's wire, and its copy of the session. */
class Tap {
  bytes = 0;
  packets = 0;
  wholeStates = 0;
  patches = 0;
  readonly replica: SessionReplica;

  constructor(readonly socket: MemberSocket | WatcherSocket) {
    const s = socket as MemberSocket;
    this.replica = new SessionReplica(async () => {
      const ack = await s.timeout(30_000).emitWithAck('session:resync', {});
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.data;
    });
    s.on('session:state', (state) => {
      this.wholeStates++;
      this.replica.replace(state);
    });
    s.on('session:patch', (patch) => {
      this.patches++;
      this.replica.patch(patch);
    });
    const engine = s.io.engine;
    engine.on('packet', (packet: { data?: unknown }) => {
      this.packets++;
      const d = packet.data;
      this.bytes +=
        typeof d === 'string'
          ? Buffer.byteLength(d)
          : d instanceof ArrayBuffer || ArrayBuffer.isView(d)
            ? (d as ArrayBuffer).byteLength
            : 0;
    });
  }

  reset(): void {
    this.bytes = this.packets = this.wholeStates = this.patches = 0;
    this.replica.asked = 0;
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size)
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(5);
  }
  return true;
}

/**
 * Time PostgreSQL spent executing statements (lock waits and commit flushes included) and
 * transactions committed, in the scratch database, from `pg_stat_database`. A backend reports
 * these when idle, within 10 s, so readings are taken after the pool has been idle that long.
 */
async function databaseStats(url: string): Promise<{ activeMs: number; commits: number }> {
  await sleep(11_000);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ active: number; commits: string }>(
      'SELECT active_time AS active, xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()',
    );
    return { activeMs: Number(rows[0]!.active), commits: Number(rows[0]!.commits) };
  } finally {
    await client.end();
  }
}
const load = () => Math.round(loadavg()[0]! * 10) / 10;

export async function runHands(options: { members: number; observers: number }): Promise<HandsResult> {
  if (TASKSET) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)]);
  const scratch = await createScratchDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-hands-'));
  let node: Proc | null = null;
  const sockets: (MemberSocket | WatcherSocket)[] = [];
  try {
    const db = await openDatabase({ databaseUrl: scratch.url });
    const seed = await seedAssembly(db);
    const invites = [...seed.memberInvites];
    while (invites.length < options.members)
      invites.push((await inviteParticipant(db, seed.assemblyId, 'member')).inviteSecret);
    await db.close();

    const port = await freePort();
    node = Proc.node('moot-hands', MAIN, {
      cpu: 0,
      env: {
        PORT: String(port),
        ...mootNodeEnv({ databaseUrl: scratch.url, dataDir, ballotSecret: randomBytes(32).toString('hex') }),
      },
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/`, node);

    const mod = (await connectMember(url, await redeem(url, seed.moderatorInvite, 'Mo'), { headers: ownAddress() }))
      .socket;
    sockets.push(mod);
    const members = await inBatches(options.members, 10, async (i) => {
      const cookie = await redeem(url, invites[i]!, `Member ${i + 1}`);
      return (await connectMember(url, cookie, { headers: ownAddress() })).socket;
    });
    sockets.push(...members);
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Hands' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    await inBatches(members.length, 20, async (i) =>
      acked(await members[i]!.emitWithAck('attendance:checkIn', { sessionId })),
    );
    const observers = await inBatches(options.observers, 25, async () => {
      const { socket } = await connectWatcher(url, seed.watchKey, () => {}, ownAddress());
      return socket;
    });
    sockets.push(...observers);
    const memberTaps = [mod, ...members].map((s) => new Tap(s));
    const observerTaps = observers.map((s) => new Tap(s));
    const allTaps = [...memberTaps, ...observerTaps];
    for (const tap of allTaps) tap.replica.resync();
    // Settled: everyone holds the session, presence broadcasts are over.
    await waitUntil(() => allTaps.every((t) => t.replica.state?.status === 'live'), 60_000);
    await sleep(1500);

    const phase = async (name: string, event: 'queue:raise' | 'queue:lower', expectQueue: number) => {
      const dbBefore = await databaseStats(scratch.url);
      const loadBefore = load();
      for (const tap of allTaps) tap.reset();
      await node!.sample({ reset: true });
      const cpuBefore = node!.cpuMs();
      const latencies: number[] = [];
      let refused = 0;
      let lastAck = 0;
      const generatorLoop = monitorEventLoopDelay({ resolution: 10 });
      generatorLoop.enable();
      const started = performance.now();
      await Promise.all(
        members.map(async (member, i) => {
          // Open loop: member i sends at i/n of the second, whatever the earlier ones are waiting for.
          await sleep(started + (1000 * i) / members.length - performance.now());
          const sent = performance.now();
          const payload = event === 'queue:raise' ? { sessionId, kind: 'new_point' as const } : { sessionId };
          const ack = await member.timeout(60_000).emitWithAck(event as 'queue:raise', payload as never);
          const now = performance.now();
          latencies.push(now - sent);
          lastAck = Math.max(lastAck, now);
          if (!ack.ok) refused++;
        }),
      );
      generatorLoop.disable();
      const current = (s: SessionState | null | undefined) => s?.queue.length === expectQueue;
      await waitUntil(() => observerTaps.every((t) => current(t.replica.state)), 60_000);
      const observersCurrentMs = performance.now() - lastAck;
      await waitUntil(() => memberTaps.every((t) => current(t.replica.state)), 60_000);
      await sleep(500); // whatever was still on its way (presence) counts too
      const serverCpuMs = node!.cpuMs() - cpuBefore;
      const loop = await node!.sample();
      const loadAfter = load();
      const dbAfter = await databaseStats(scratch.url);
      latencies.sort((a, b) => a - b);
      const commands = members.length;
      const sum = (taps: Tap[], f: (t: Tap) => number) => taps.reduce((n, t) => n + f(t), 0);
      const result: PhaseResult = {
        phase: name,
        commands,
        refused,
        ackMs: {
          p50: round(quantile(latencies, 0.5)),
          p99: round(quantile(latencies, 0.99)),
          max: round(latencies.at(-1)!),
        },
        bytesPerCommandPerSocket: {
          members: round(sum(memberTaps, (t) => t.bytes) / commands / memberTaps.length),
          observers: round(sum(observerTaps, (t) => t.bytes) / commands / observerTaps.length),
        },
        packetsPerSocket: {
          members: round(sum(memberTaps, (t) => t.packets) / memberTaps.length),
          observers: round(sum(observerTaps, (t) => t.packets) / observerTaps.length),
        },
        wholeStates: sum(allTaps, (t) => t.wholeStates),
        patches: sum(allTaps, (t) => t.patches),
        resyncs: sum(allTaps, (t) => t.replica.asked),
        observersCurrentMs: round(observersCurrentMs),
        serverLoopMaxMs: loop ? round(loop.loopMax) : null,
        // The generator's own lateness over the burst (its 601 sockets decode every patch): an ack
        // it reads late is counted late.
        generatorLoopMs: {
          p99: round(generatorLoop.percentile(99) / 1e6 - 10),
          max: round(generatorLoop.max / 1e6 - 10),
        },
        serverCpuMsPerCommand: round(serverCpuMs / commands),
        dbMsPerCommand: round((dbAfter.activeMs - dbBefore.activeMs) / commands),
        transactionsPerCommand: round((dbAfter.commits - dbBefore.commits) / commands),
        loadAverage: [loadBefore, loadAfter],
      };
      console.log(JSON.stringify(result));
      return result;
    };
    // Service time: one command at a time, nothing queued behind it (less sensitive to the machine's load).
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      acked(await members[i]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
      alone.push(performance.now() - t);
      acked(await members[i]!.emitWithAck('queue:lower', { sessionId }));
    }
    alone.sort((a, b) => a - b);
    const oneRaiseMs = { p50: round(quantile(alone, 0.5)), max: round(alone.at(-1)!) };
    console.log(`one raise at a time: p50 ${oneRaiseMs.p50} ms, max ${oneRaiseMs.max} ms`);
    await sleep(1000);
    const phases = [await phase('raise', 'queue:raise', members.length), await phase('lower', 'queue:lower', 0)];
    return {
      date: new Date().toISOString(),
      members: options.members,
      observers: options.observers,
      oneRaiseMs,
      phases,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await node?.kill();
    await scratch.drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- --hands …` lands here (run.ts). */
export async function main(args: string[]): Promise<void> {
  const number = (name: string, fallback: number) =>
    Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const result = await runHands({ members: number('members', 100), observers: number('observers', 500) });
  await writeResult(result, 'hands');
  if (!args.includes('--no-report')) await writeHandsSection(path.join(REPO_ROOT, 'BENCHMARKS.md'), result);
}
