import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { connectCluster, type ClusterLink } from '../../src/cluster/connectCluster.ts';
import { openDatabase } from '../../src/storage/open.ts';
import { startApp, TEST_BALLOT_SECRET, type RunningApp } from './harness.ts';
import { freePort } from './redis.ts';
import { BOUNDS } from '../../../../vitest.bounds.ts';

/** One node in this process: its own PostgreSQL pool, its own Redis links, the real app. */
export async function startNode(options: {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
}): Promise<RunningApp & { link: ClusterLink }> {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = await openDatabase({ databaseUrl: options.databaseUrl });
  const link = await connectCluster(options.redisUrl, logger, options.prefix);
  const running = await startApp({ db, cluster: link });
  return {
    ...running,
    link,
    close: async () => {
      await running.close();
      await link.close();
      await db.close();
    },
  };
}

const MAIN = path.resolve(import.meta.dirname, '../../src/main.ts');

/** A node as its own process (`main.ts`), for tests that must SIGKILL or SIGTERM it. */
export class NodeProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string>): Promise<NodeProcess> {
    const port = await freePort();
    // `node --import tsx` keeps the server in this one process, so a signal reaches it directly
    // (the `tsx` command would put a wrapper process in between).
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: '0',
        LOG_LEVEL: 'warn',
        // Every node shares the tests' secret (and none writes a key file in the home directory).
        BALLOT_SECRET: Buffer.from(TEST_BALLOT_SECRET).toString('hex'),
        // Its own data directory, never the checkout's ./data (which `npm start` may have filled).
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'moot-node-')),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    // Starting means compiling the server with tsx: on a busy machine that alone can take a while.
    const deadline = Date.now() + 4 * BOUNDS.conditionMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`node exited early:\n${output}`);
      const healthy = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return new NodeProcess(child, url);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`node did not become healthy:\n${output}`);
  }

  /** Sends `signal` and resolves with the exit code once the process is gone. */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill(signal);
    return exited;
  }
}
