import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import type { Database } from '../../src/storage/database.ts';
import { openDatabase } from '../../src/storage/open.ts';
import { memoryDatabase } from './memoryDatabase.ts';

/**
 * Tests that need a real service run when it is reachable. Under `REQUIRE_SERVICES=1` (set by
 * `.ci/run`) an unreachable service fails the test instead of skipping it.
 */
export const servicesRequired = process.env.REQUIRE_SERVICES === '1';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (servicesRequired)
      throw new Error(`PostgreSQL is required but unreachable at ${POSTGRES_ADMIN_URL}: ${String(error)}`);
    console.warn(`Skipping PostgreSQL tests: unreachable at ${POSTGRES_ADMIN_URL}`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, empty database for one test file; `drop()` removes it. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `moot_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A database for one suite, and how to be rid of it. */
export type OpenEngine = () => Promise<{ db: Database; dispose: () => Promise<void> }>;

/**
 * Declares `suite` once per engine: PGlite always, PostgreSQL (a scratch database per open) when
 * reachable, or a visible skip. Each open is a migrated, empty database.
 */
export async function describeOnEngines(
  title: string,
  suite: (open: OpenEngine, engine: 'pglite' | 'postgres') => void,
): Promise<void> {
  describe(`${title}: pglite`, () =>
    suite(async () => {
      const db = await memoryDatabase();
      return { db, dispose: () => db.close() };
    }, 'pglite'));
  if (!(await postgresAvailable())) {
    describe.skip(`${title}: postgres (unreachable)`, () => it('skipped', () => {}));
    return;
  }
  describe(`${title}: postgres`, () =>
    suite(async () => {
      const scratch = await createScratchDatabase();
      const db = await openDatabase({ databaseUrl: scratch.url });
      return {
        db,
        dispose: async () => {
          await db.close();
          await scratch.drop();
        },
      };
    }, 'postgres'));
}
