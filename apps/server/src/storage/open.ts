import { linkEverything } from '../audit/auditLinker.ts';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { dumpPglite, openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/**
 * Where the data lives: PostgreSQL, PGlite in a folder, or PGlite in memory (tests, throwaway
 * demos), optionally started from a copy of a migrated one (`inMemoryTemplate`).
 */
export type DatabaseConfig = { databaseUrl: string } | { dataDir: string } | { inMemory: true; template?: Blob };

/** Opens the configured engine, brings its schema up to date and links what a crash left unlinked in the audit chain. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db =
    'databaseUrl' in config
      ? await openPostgres(config.databaseUrl)
      : 'dataDir' in config
        ? await openPglite(config.dataDir)
        : await openPglite(undefined, config.template);
  await migrate(db);
  await linkEverything(db);
  return db;
}

/**
 * An empty, migrated in-memory database's files: `openDatabase({ inMemory: true, template })`
 * then opens a fresh copy in a fraction of the time (migrations still run, and find nothing to do
 * when the template is current).
 */
export async function inMemoryTemplate(): Promise<Blob> {
  const db = await openDatabase({ inMemory: true });
  try {
    return await dumpPglite(db);
  } finally {
    await db.close();
  }
}
