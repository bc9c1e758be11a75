import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** PGlite: PostgreSQL compiled to WebAssembly, in `dataDir` (or in memory when omitted). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
  });
  const db: Database = {
    engine: 'pglite',
    ...asQueryable(pg),
    afterCommit: (then) => queueMicrotask(() => then(db)),
    async transaction(work) {
      const committed: ((db: Database) => void)[] = [];
      const result = await pg.transaction((tx) =>
        work({ ...asQueryable(tx), afterCommit: (then) => committed.push(then) }),
      );
      for (const then of committed) then(db);
      return result;
    },
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
  return db;
}
