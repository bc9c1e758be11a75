import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createScratchDatabase } from '../../apps/server/test/support/services.ts';
import { prefilledState } from './prefill.ts';
import { BENCH_ROOT, freePort, Proc, REPO_ROOT, waitForHttp } from './procs.ts';
import type { ClientKind, DocTarget } from './types.ts';

/** Moot's `/metrics` answers only this bearer token (METRICS_TOKEN), which the bench gives its nodes. */
export const BENCH_METRICS_TOKEN = randomBytes(24).toString('hex');

/** What a workload needs seeded before clients connect. */
export interface SeedSpec {
  docs: number;
  /** Writers over all documents (Moot: one session each, up to 50 per assembly). */
  writers: number;
  prefillBytes: number;
}

export interface Deployment {
  urls: string[];
  nodes: Proc[];
  docs: DocTarget[];
  /** Stateful systems: start node `i` again after a crash; resolves with the URL clients use. */
  restart?(i: number): Promise<string>;
  stop(): Promise<void>;
}

export interface SystemUnderTest {
  id: string;
  label: string;
  kind: ClientKind;
  nodes: 1 | 2;
  /** Has stored document state (W3 applies). */
  stateful: boolean;
  start(seed: SeedSpec, redisUrl: string | null): Promise<Deployment>;
}

const server = (file: string) => path.join(BENCH_ROOT, 'src/servers', file);
const MOOT_MAIN = path.join(REPO_ROOT, 'apps/server/src/main.ts');
let prefixes = 0;
const uniquePrefix = () => `bench${process.pid}x${prefixes++}`;

/** Starts `count` nodes of one script on CPU 0, each on its own port, and waits until they answer HTTP. */
async function startNodes(name: string, script: string, count: number, env: (i: number) => Record<string, string>) {
  const nodes: Proc[] = [];
  const urls: string[] = [];
  const spawnNode = async (i: number) => {
    const port = await freePort();
    nodes[i] = Proc.node(`${name}-${i}`, script, { cpu: 0, env: { PORT: String(port), ...env(i) } });
    urls[i] = `http://127.0.0.1:${port}`;
  };
  for (let i = 0; i < count; i++) await spawnNode(i);
  try {
    await Promise.all(urls.map((url, i) => waitForHttp(`${url}/`, nodes[i]!)));
  } catch (error) {
    await Promise.all(nodes.map((n) => n.kill()));
    throw error;
  }
  /** W4's crash: node `i` starts again (same settings, new port) after being killed; resolves with its URL. */
  const restart = async (i: number): Promise<string> => {
    await nodes[i]!.kill();
    await spawnNode(i);
    await waitForHttp(`${urls[i]}/`, nodes[i]!);
    return urls[i]!;
  };
  return { nodes, urls, restart };
}

const names = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `doc-${i}` }));

function moot(nodes: 1 | 2): SystemUnderTest {
  return {
    id: `moot-${nodes}`,
    label: nodes === 1 ? 'Moot, 1 node' : 'Moot, 2 nodes + Redis',
    kind: 'moot',
    nodes,
    stateful: true,
    async start(seed, redisUrl) {
      const scratch = await createScratchDatabase();
      const prefix = uniquePrefix();
      // Both nodes share one data directory and ballot secret, as a deployment would; never the repo's ./data.
      const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-moot-'));
      const ballotSecret = randomBytes(32).toString('hex');
      try {
        // Loaded here, not at the top: it imports the app, and a Moot tree mid-edit must fail only Moot's cells.
        const { seedDocuments } = await import('./mootSeed.ts');
        const seeded = await seedDocuments(scratch.url, seed);
        const {
          nodes: procs,
          urls,
          restart,
        } = await startNodes('moot', MOOT_MAIN, nodes, () => ({
          HOST: '127.0.0.1',
          DATABASE_URL: scratch.url,
          SEED_DEMO: '0',
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
          BALLOT_SECRET: ballotSecret,
          // The generator's clients each name their own address (mootClients.ts); /metrics by token.
          TRUST_PROXY: 'loopback',
          METRICS_TOKEN: BENCH_METRICS_TOKEN,
          ...(nodes === 2 && redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } : {}),
        }));
        const docs = await seeded.redeem(urls[0]!);
        return {
          urls,
          nodes: procs,
          docs,
          restart,
          stop: async () => {
            await Promise.all(procs.map((p) => p.kill()));
            await scratch.drop();
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        await scratch.drop().catch(() => {});
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    },
  };
}

function hocuspocus(nodes: 1 | 2): SystemUnderTest {
  return {
    id: `hocuspocus-${nodes}`,
    label: nodes === 1 ? 'Hocuspocus 3, 1 node (Database ext.)' : 'Hocuspocus 3, 2 nodes + Redis ext.',
    kind: 'hocuspocus',
    nodes,
    stateful: true,
    async start(seed, redisUrl) {
      const scratch = await createScratchDatabase();
      const docs = names(seed.docs);
      try {
        const client = new pg.Client({ connectionString: scratch.url });
        await client.connect();
        await client.query('CREATE TABLE hp_docs (name text PRIMARY KEY, data bytea NOT NULL)');
        const state = seed.prefillBytes > 0 ? prefilledState(seed.prefillBytes) : null;
        for (const d of state ? docs : []) await client.query('INSERT INTO hp_docs VALUES ($1, $2)', [d.name, state]);
        await client.end();
        const prefix = uniquePrefix();
        const {
          nodes: procs,
          urls,
          restart,
        } = await startNodes('hocuspocus', server('hocuspocus.ts'), nodes, () => ({
          DATABASE_URL: scratch.url,
          ...(nodes === 2 && redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } : {}),
        }));
        return {
          urls: urls.map((u) => u.replace('http', 'ws')),
          nodes: procs,
          docs,
          restart: async (i) => (await restart(i)).replace('http', 'ws'),
          stop: async () => {
            await Promise.all(procs.map((p) => p.kill()));
            await scratch.drop();
          },
        };
      } catch (error) {
        await scratch.drop().catch(() => {});
        throw error;
      }
    },
  };
}

const yWebsocket: SystemUnderTest = {
  id: 'y-websocket-1',
  label: '@y/websocket-server 0.1.1, 1 node',
  kind: 'yws',
  nodes: 1,
  stateful: true,
  async start(seed) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-yws-'));
    const docs = names(seed.docs);
    if (seed.prefillBytes > 0) {
      const state = prefilledState(seed.prefillBytes);
      for (const d of docs) writeFileSync(path.join(dataDir, encodeURIComponent(d.name) + '.bin'), state);
    }
    const { nodes, urls } = await startNodes('y-websocket', server('ywebsocket.ts'), 1, () => ({ DATA_DIR: dataDir }));
    return {
      urls: urls.map((u) => u.replace('http', 'ws')),
      nodes,
      docs,
      stop: async () => {
        await Promise.all(nodes.map((p) => p.kill()));
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

function socketIo(nodes: 1 | 2): SystemUnderTest {
  return {
    id: `socketio-${nodes}`,
    label: nodes === 1 ? 'bare Socket.IO + msgpack, 1 node' : 'bare Socket.IO + msgpack, 2 nodes + Redis',
    kind: 'sio',
    nodes,
    stateful: false,
    async start(seed, redisUrl) {
      const prefix = uniquePrefix();
      const env: Record<string, string> = nodes === 2 && redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: prefix } : {};
      const { nodes: procs, urls } = await startNodes('socketio', server('socketio.ts'), nodes, () => env);
      return {
        urls,
        nodes: procs,
        docs: names(seed.docs),
        stop: async () => void (await Promise.all(procs.map((p) => p.kill()))),
      };
    },
  };
}

export const SYSTEMS: SystemUnderTest[] = [
  moot(1),
  moot(2),
  hocuspocus(1),
  hocuspocus(2),
  yWebsocket,
  socketIo(1),
  socketIo(2),
];
