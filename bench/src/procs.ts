import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { cpuMs, rssBytes } from './stats.ts';

export const BENCH_ROOT = path.resolve(import.meta.dirname, '..');
export const REPO_ROOT = path.resolve(BENCH_ROOT, '..');
const MONITOR = path.join(BENCH_ROOT, 'src/servers/monitor.ts');

/** `taskset` keeps servers on CPU 0 and the generator on CPU 1, so neither steals the other's core. */
export const TASKSET = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** What the preloaded monitor (servers/monitor.ts) reports from inside a server process. */
export interface MonitorSample {
  heapUsed: number;
  rss: number;
  loopP99: number;
  loopMax: number;
}

const running = new Set<Proc>();

/** A child process we started; every one is SIGKILLed at exit, even when the run fails. */
export class Proc {
  private output = '';
  private nextId = 0;
  private readonly waiting = new Map<number, (s: MonitorSample) => void>();

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    running.add(this);
    child.stdout?.on('data', (d: Buffer) => this.remember(d));
    child.stderr?.on('data', (d: Buffer) => this.remember(d));
    child.on('message', (m: { type?: string; id?: number } & MonitorSample) => {
      if (m.type !== 'sample' || m.id === undefined) return;
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
    child.on('exit', () => running.delete(this));
  }

  /** A Node script (TypeScript through tsx) with the event-loop/heap monitor preloaded, pinned to `cpu`. */
  static node(name: string, script: string, options: { cpu: number; env?: Record<string, string>; monitor?: boolean }) {
    const nodeArgs = ['--expose-gc', '--import', 'tsx', ...(options.monitor === false ? [] : ['--import', MONITOR])];
    const argv = [...nodeArgs, script];
    // taskset execs node in place, so the pid (for /proc) and the IPC channel are node's own.
    const [cmd, args] = TASKSET
      ? ['taskset', ['-c', String(options.cpu), process.execPath, ...argv]]
      : [process.execPath, argv];
    const child = spawn(cmd, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    return new Proc(name, child);
  }

  /** Any other program (redis-server), pinned to `cpu`. */
  static exec(name: string, program: string, args: string[], cpu: number): Proc {
    const [cmd, argv] = TASKSET ? ['taskset', ['-c', String(cpu), program, ...args]] : [program, args];
    return new Proc(name, spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get log(): string {
    return this.output;
  }

  private lastCpuMs = 0;

  /** CPU used so far; once the process is gone (W4 kills one), the last reading stands. */
  cpuMs(): number {
    this.lastCpuMs = cpuMs(this.pid) ?? this.lastCpuMs;
    return this.lastCpuMs;
  }

  rss(): number {
    return rssBytes(this.pid) ?? 0;
  }

  /** Heap after a full GC and event-loop delay since the last reset; null if the monitor does not answer. */
  sample(options: { gc?: boolean; reset?: boolean } = {}): Promise<MonitorSample | null> {
    if (!this.alive || !this.child.connected) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, 10_000);
      this.waiting.set(id, (s) => {
        clearTimeout(timer);
        resolve(s);
      });
      this.child.send({ type: 'sample', id, ...options });
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await Promise.race([exited, sleep(5000)]);
    if (this.alive) this.child.kill('SIGKILL');
  }

  private remember(d: Buffer): void {
    this.output = (this.output + d.toString()).slice(-20_000);
  }
}

export async function killAll(): Promise<void> {
  await Promise.all([...running].map((p) => p.kill('SIGKILL')));
}

// Belt and braces: whatever happens to the runner, no server or generator outlives it.
process.on('exit', () => {
  for (const p of running) if (p.alive) p.child.kill('SIGKILL');
});

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls an HTTP URL until it answers (any status), bounded like any start-up (a busy machine can take a minute); fails with the process's output. */
export async function waitForHttp(url: string, proc: Proc, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!proc.alive) throw new Error(`${proc.name} exited early:\n${proc.log}`);
    const up = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return;
    await sleep(100);
  }
  throw new Error(`${proc.name} did not answer at ${url}:\n${proc.log}`);
}

/** What every Moot node a workload starts is told: loopback, its scratch database and data directory, no demo, clients naming their own address. */
export function mootNodeEnv(o: { databaseUrl: string; dataDir: string; ballotSecret: string }): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    DATABASE_URL: o.databaseUrl,
    SEED_DEMO: '0',
    LOG_LEVEL: 'warn',
    DATA_DIR: o.dataDir,
    BALLOT_SECRET: o.ballotSecret,
    TRUST_PROXY: 'loopback',
  };
}
