/**
 * `npx tsx scripts/cluster.ts`: docker-compose.yml's topology without Docker. Server processes on
 * CLUSTER_PORTS (default 3001,3002) share one PostgreSQL database and one Redis, as the containers
 * do, so an edit on one node reaches a browser on the other through Redis. No load balancer: each
 * node is opened on its own port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(ROOT, 'apps/server/src/main.ts');
const HEALTHY_WITHIN_S = 60;
const STOP_WITHIN_MS = 20_000; // the server writes pending edits when signalled; past this it is killed

const ports = (process.env.CLUSTER_PORTS ?? '3001,3002').split(',').map((p) => Number(p.trim()));
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/moot_cluster';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Its own prefix, so this cluster's streams and channels never mix with another deployment's.
const redisPrefix = process.env.REDIS_PREFIX ?? 'moot_cluster';
// Shared by every node: the demo's links are written there once (by the first node).
const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? 'data/cluster');
const publicUrl = `http://localhost:${ports[0]}`;

/** `closed` settles once the process has exited and its output is fully printed. */
type ClusterNode = { name: string; port: number; child: ChildProcess; closed: Promise<void> };
const nodes: ClusterNode[] = [];
let stopping = false;
let failed = false;

const say = (line: string) => console.log(`[cluster] ${line}`);
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const running = (node: ClusterNode) => node.child.exitCode === null && node.child.signalCode === null;

function fail(message: string): never {
  console.error(`[cluster] ${message}`);
  process.exit(1);
}

/** Each output line prefixed with the node's name, so two interleaved logs stay readable. */
function prefixLines(input: NodeJS.ReadableStream, name: string, output: NodeJS.WriteStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  lines.on('line', (line) => output.write(`[${name}] ${line}\n`));
  return new Promise((resolve) => lines.once('close', resolve));
}

/** The build the server serves (WEB_ROOT's default); rebuilt only if its sources changed, like `npm start`. */
async function ensureWebBuild(): Promise<void> {
  const build = spawn(TSX, [path.join(ROOT, 'scripts/buildWeb.ts')], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
  if (code !== 0) fail(`the web build failed (exit ${code})`);
}

/** The nodes migrate the schema themselves, but cannot create their database: this does. */
async function ensureDatabase(): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString();
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (name && found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      say(`created database ${name}`);
    }
  } catch (error) {
    fail(`PostgreSQL at ${redact(admin)}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether something accepts TCP connections there (Redis; or a port that is already taken). */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    const settle = (up: boolean) => (socket.destroy(), resolve(up));
    for (const [event, up] of [
      ['connect', true],
      ['error', false],
      ['timeout', false],
    ] as const)
      socket.once(event, () => settle(up));
  });
}

type Health = { ok?: boolean; redis?: string };
const health = (port: number): Promise<Health | null> =>
  fetch(`http://127.0.0.1:${port}/healthz`)
    .then((r) => r.json() as Promise<Health>)
    .catch(() => null);

function start(index: number): ClusterNode {
  if (stopping) throw new Error('stopped while starting');
  const port = ports[index]!;
  const name = `node-${String.fromCharCode(97 + index)}`;
  const child = spawn(TSX, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1', // local only; docker-compose.yml is the networked deployment
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      DATA_DIR: dataDir,
      PUBLIC_URL: publicUrl,
      // One seeder: two would race to create the demo assembly.
      SEED_DEMO: index === 0 ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl+C reaches only this script, which signals each node's tsx
    // once to relay it (a second copy that the server is slow to acknowledge makes tsx SIGKILL it).
    detached: true,
  });
  child.once('error', (error) => console.error(`[cluster] ${name}: ${error.message}`));
  const output = Promise.all((['stdout', 'stderr'] as const).map((s) => prefixLines(child[s]!, name, process[s])));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const node: ClusterNode = { name, port, child, closed: Promise.all([output, exited]).then(() => {}) };
  void exited.then(() => {
    const how = child.signalCode ?? `code ${child.exitCode}`;
    // A clean stop is exit 0. A node gone otherwise leaves no cluster: stop the rest, do not limp on.
    failed ||= child.exitCode !== 0 || !stopping;
    say(stopping ? `${name} stopped (${how})` : `${name} exited unexpectedly (${how}); stopping the other nodes`);
    stopAll('SIGTERM');
  });
  nodes.push(node);
  return node;
}

/** SIGKILL for every node's whole process group: tsx and the server it runs. */
function killAll(): void {
  for (const { child } of nodes.filter(running)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {} // the group ended between the check and the signal
  }
}

function stopAll(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  for (const { child } of nodes.filter(running)) child.kill(signal);
  setTimeout(killAll, STOP_WITHIN_MS).unref();
}

async function waitHealthy(node: ClusterNode): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_S * 1000;
  while (Date.now() < deadline) {
    if (!running(node)) throw new Error(`${node.name} exited while starting`);
    // Healthy here means both shared services are in use: the database up and Redis "up".
    const answer = await health(node.port);
    if (answer?.ok && answer.redis === 'up') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${node.name} did not report a healthy database and Redis within ${HEALTHY_WITHIN_S} s`);
}

if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535) || new Set(ports).size < ports.length)
  fail(`CLUSTER_PORTS must be distinct ports separated by commas, not "${process.env.CLUSTER_PORTS}"`);
for (const port of ports) if (await listening('127.0.0.1', port)) fail(`port ${port} is already in use`);
// A node waits for Redis forever (it reconnects); checking first gives a clear message instead.
const redis = new URL(redisUrl);
if (!(await listening(redis.hostname, Number(redis.port || 6379)))) fail(`no Redis at ${redact(redisUrl)}`);
await ensureWebBuild();
await ensureDatabase();

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    // Repeats are ignored: when run through tsx, a terminal's Ctrl+C arrives here twice (direct
    // and relayed by tsx). A stop that hangs is cut short by STOP_WITHIN_MS instead.
    if (!stopping) say(`${signal}: stopping the nodes (each writes its pending edits first)`);
    stopAll(signal);
  });
// Last resort if this script dies of an error: leave no node behind.
process.on('exit', killAll);

try {
  // The first node alone: it migrates the schema and seeds the demo before any other starts,
  // so no two nodes ever migrate an empty database at once.
  await waitHealthy(start(0));
  await Promise.all(ports.slice(1).map((_, i) => waitHealthy(start(i + 1))));
  say(`${nodes.length} nodes share PostgreSQL ${redact(databaseUrl)} and Redis ${redact(redisUrl)}:`);
  for (const node of nodes) say(`  ${node.name}  http://localhost:${node.port}`);
  say(`The demo links point at ${nodes[0]!.name}; change a link's port to reach another node. Ctrl+C stops all.`);
} catch (error) {
  if (!stopping) say(`${(error as Error).message}; stopping`);
  failed ||= !stopping;
  stopAll('SIGTERM');
}

await Promise.all(nodes.map((node) => node.closed));
process.exit(failed ? 1 : 0);
