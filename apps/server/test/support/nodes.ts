import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { connectCluster, type ClusterLink } from '../../src/cluster/connectCluster.ts';
import { openDatabase } from '../../src/storage/open.ts';
import type { QuorumWatchOptions } from '../../src/features/votes/quorumWatch.ts';
import { seedAssembly, startApp, TEST_BALLOT_SECRET, type RunningApp, type SeededAssembly } from './harness.ts';
import { freePort, REDIS_URL, uniquePrefix } from './redis.ts';
import { createScratchDatabase } from './services.ts';
import { BOUNDS } from '../../../../vitest.bounds.ts';

/** One node in this process: its own PostgreSQL pool, its own Redis links, the real app. */
export async function startNode(options: {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  /** Quorum while a vote is open: a test's shorter grace and sweep. */
  quorum?: QuorumWatchOptions;
}): Promise<RunningApp & { link: ClusterLink }> {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = await openDatabase({ databaseUrl: options.databaseUrl });
  const link = await connectCluster(options.redisUrl, logger, options.prefix);
  const running = await startApp({ db, cluster: link, ...(options.quorum ? { quorum: options.quorum } : {}) });
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

export type Node = Awaited<ReturnType<typeof startNode>>;

export interface TwoNodes {
  /** Node A (`nodes[0]`) and node B (`nodes[1]`): one database, one Redis prefix. */
  nodes: Node[];
  /** The database both nodes use. */
  databaseUrl: string;
  /** The Redis key prefix both nodes share, as one deployment's nodes do. */
  prefix: string;
  /** Closes both nodes, then drops the scratch database if it was made here. */
  close(): Promise<void>;
}

export interface TwoNodesOptions {
  /** A database the test keeps (not dropped on close); without it, a scratch database of their own. */
  databaseUrl?: string;
  /** One Redis for both, or one each (node B through a proxy); the local Redis by default. */
  redisUrl?: string | [string, string];
  /** Quorum while a vote is open: a test's shorter grace and sweep. */
  quorum?: QuorumWatchOptions;
  /** Seeds an assembly through node A's database. */
  seed?: boolean;
}

/**
 * Two nodes of one deployment in this process, as the cluster tests start them: a scratch
 * PostgreSQL database and a Redis prefix of their own, shared by both. A node that fails to start
 * closes the ones already started, so a broken setup leaves no pool or Redis link open.
 */
export async function twoNodes(options: TwoNodesOptions & { seed: true }): Promise<TwoNodes & { seed: SeededAssembly }>;
export async function twoNodes(options?: TwoNodesOptions): Promise<TwoNodes>;
export async function twoNodes(options: TwoNodesOptions = {}): Promise<TwoNodes & { seed?: SeededAssembly }> {
  const scratch = options.databaseUrl === undefined ? await createScratchDatabase() : null;
  const databaseUrl = options.databaseUrl ?? scratch!.url;
  const redisUrls = Array.isArray(options.redisUrl)
    ? options.redisUrl
    : [options.redisUrl ?? REDIS_URL, options.redisUrl ?? REDIS_URL];
  const prefix = uniquePrefix();
  const nodes: Node[] = [];
  const close = async () => {
    for (const node of nodes) await node.close();
    await scratch?.drop();
  };
  try {
    for (const redisUrl of redisUrls)
      nodes.push(
        await startNode({ databaseUrl, redisUrl, prefix, ...(options.quorum ? { quorum: options.quorum } : {}) }),
      );
    const seed = options.seed ? await seedAssembly(nodes[0]!.db) : undefined;
    return { nodes, databaseUrl, prefix, close, ...(seed ? { seed } : {}) };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
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
