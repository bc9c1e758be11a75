import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parsePeertubeHosts } from '@moot/protocol';
import { compileTrust, type ProxyTrust } from './http/clientAddress.ts';

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('moot'),
  UPDATE_BATCH_MS: z.coerce.number().int().min(1).max(5000).default(10),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  WEB_ROOT: z.string().optional(),
  SEED_DEMO: z.enum(['0', '1']).optional(),
  TRUST_PROXY: z.string().optional(),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  // Empty counts as unset (docker-compose passes `${BALLOT_SECRET:-}`).
  BALLOT_SECRET: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be 64 hex characters (32 random bytes)')
      .optional(),
  ),
  BALLOT_SECRET_FILE: z.string().min(1).optional(),
  PEERTUBE_HOSTS: z.string().optional(),
});

export type Config = ReturnType<typeof readConfig>;

/** Where the ballot secret's key file goes unless `BALLOT_SECRET_FILE` says: the user's config directory. */
export function defaultSecretFile(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(config, 'moot', 'ballot-secret');
}

/**
 * `TRUST_PROXY`: unset, empty or `false` trusts no proxy (a client's address is its TCP peer,
 * and any X-Forwarded-For is ignored); a number trusts that many hops; otherwise a comma list of
 * addresses, CIDR ranges or `loopback` / `linklocal` / `uniquelocal`. `true` is refused: it would
 * let any client name its own address and step around every per-address limit.
 */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') {
    throw new Error(
      "Invalid configuration:\n  TRUST_PROXY: true would let any client choose its own address; give the proxy's address or range (e.g. loopback, 172.29.0.10) or a hop count",
    );
  }
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim());
  try {
    compileTrust(list);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  TRUST_PROXY: ${(error as Error).message}`);
  }
  return list;
}

/** Reads the environment once, at start; a bad value stops the process with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    updateBatchMs: e.UPDATE_BATCH_MS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES === '1',
    ballotSecret: e.BALLOT_SECRET ?? null,
    // Never inside DATA_DIR (main refuses to start): see features/votes/ballotSecret.ts.
    ballotSecretFile: path.resolve(e.BALLOT_SECRET_FILE ?? defaultSecretFile(env)),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    metricsToken: e.METRICS_TOKEN ?? null,
    peertubeHosts: peertubeHosts(e.PEERTUBE_HOSTS),
    webRoot: path.resolve(e.WEB_ROOT ?? path.join(import.meta.dirname, '../../web/dist')),
    // The embedded database seeds the demo by default; a shared PostgreSQL only where asked (one node).
    seedDemo: (e.SEED_DEMO ?? (e.DATABASE_URL ? '0' : '1')) === '1',
  };
}

/** `PEERTUBE_HOSTS`: a comma list of host names whose PeerTube videos may be embedded on the watch page. */
function peertubeHosts(value: string | undefined): string[] {
  try {
    return parsePeertubeHosts(value);
  } catch (error) {
    throw new Error(`Invalid configuration:\n  PEERTUBE_HOSTS: ${(error as Error).message}`);
  }
}
