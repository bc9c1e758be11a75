import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCluster } from '../src/cluster/connectCluster.ts';
import { startApp } from './support/harness.ts';
import { OwnRedis } from './support/redis.ts';
import { servicesRequired } from './support/services.ts';

const redisServerInstalled = spawnSync('redis-server', ['--version']).status === 0;
if (!redisServerInstalled && servicesRequired) throw new Error('redis-server is required for the Redis password test');

const PASSWORD = 'correct-horse-battery-staple';
const logger = pino({ level: 'silent' });

/** Redis is no open door: the compose file gives it a password, and the app must use it (REDIS_URL). */
describe.skipIf(!redisServerInstalled)('a password-protected Redis', () => {
  let redis: OwnRedis;
  beforeAll(async () => {
    redis = await OwnRedis.start(['--requirepass', PASSWORD]);
  });
  afterAll(() => redis?.stop());

  const withPassword = (password: string) => redis.url.replace('redis://', `redis://:${password}@`);

  it('the app connects with the password in REDIS_URL and reports Redis up', async () => {
    const link = await connectCluster(withPassword(PASSWORD), logger, 'pw');
    const running = await startApp({ cluster: link });
    expect(await (await fetch(`${running.url}/healthz`)).json()).toMatchObject({ redis: 'up' });
    await running.close();
    await link.close();
  });

  it.each([
    ['a wrong password', () => withPassword('wrong'), /WRONGPASS|invalid username-password/i],
    ['no password', () => redis.url, /NOAUTH|authentication required/i],
  ])('refuses to start with %s, saying why', async (_name, url, why) => {
    await expect(connectCluster(url(), logger, 'pw')).rejects.toThrow(why);
  });
});

describe('the compose cluster', () => {
  const compose = readFileSync(path.resolve(import.meta.dirname, '../../../docker-compose.yml'), 'utf8');
  const service = (name: string) => compose.split(/\n {2}(?=[a-z-]+:\n)/).find((s) => s.startsWith(`${name}:`)) ?? '';

  it('runs Redis with a password and the nodes connect with it', () => {
    expect(service('redis')).toMatch(/'--requirepass', '\$\{REDIS_PASSWORD/);
    expect(compose).toMatch(/REDIS_URL: redis:\/\/:\$\{REDIS_PASSWORD[^}]*\}@redis:6379/);
  });

  it('publishes Redis and PostgreSQL on the host loopback only, never beyond it', () => {
    for (const name of ['redis', 'postgres']) {
      const ports = [...service(name).matchAll(/ports: \[([^\]]*)\]/g)].flatMap((m) => m[1]!.split(','));
      expect(ports.length).toBeGreaterThan(0);
      for (const port of ports) expect(port.trim()).toMatch(/^'127\.0\.0\.1:/);
    }
  });
});
