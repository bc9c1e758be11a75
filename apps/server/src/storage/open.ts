import { linkEverything } from '../audit/auditLinker.ts';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type DatabaseConfig = { databaseUrl: string } | { dataDir: string } | { inMemory: true };

/** Opens the configured engine, brings its schema up to date and links what a crash left unlinked in the audit chain. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db =
    'databaseUrl' in config
      ? await openPostgres(config.databaseUrl)
      : await openPglite('dataDir' in config ? config.dataDir : undefined);
  await migrate(db);
  await linkEverything(db);
  return db;
}
