import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createClient } from 'redis';
import { vi } from 'vitest';
import { servicesRequired } from './services.ts';
import { BOUNDS } from '../../../../vitest.bounds.ts';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function redisAvailable(url = REDIS_URL): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    if (servicesRequired) throw new Error(`Redis is required but unreachable at ${url}: ${String(error)}`);
    console.warn(`Skipping Redis tests: unreachable at ${url}`);
    return false;
  } finally {
    await client.quit().catch(() => {});
  }
}

/** A prefix of its own per test, so tests sharing one Redis never see each other's keys or channels. */
export const uniquePrefix = () => `t${randomBytes(4).toString('hex')}`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A `redis-server` of the test's own on a spare port, to stop and start mid-session. */
export class OwnRedis {
  private process: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    private readonly extraArgs: string[],
  ) {}

  /** `extraArgs` go to redis-server as they are (e.g. `['--requirepass', secret]`). */
  static async start(extraArgs: string[] = []): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort(), extraArgs);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...this.extraArgs],
      {
        stdio: 'ignore',
      },
    );
    const answers = async () => {
      const client = createClient({ url: this.url, socket: { reconnectStrategy: false } });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.quit();
        return true;
      } catch (error) {
        // Up, but asking for the password it was started with.
        return /NOAUTH|WRONGPASS/.test(String(error));
      }
    };
    await vi
      .waitUntil(answers, { timeout: BOUNDS.conditionMs, interval: 50 })
      .catch(() => Promise.reject(new Error(`redis-server did not start on ${this.port}`)));
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }
}
