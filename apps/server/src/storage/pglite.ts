import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in `dataDir` (or in memory when omitted). An
 * in-memory database may start from `template`, a copy of another's files (`dumpPglite`): that
 * skips initdb, which is most of a fresh database's cost (≈ 2–4 s of CPU against ≈ 0.5 s).
 */
export async function openPglite(dataDir?: string, template?: Blob): Promise<Database> {
  const pg = dataDir
    ? await PGlite.create(dataDir)
    : template
      ? await PGlite.create({ loadDataDir: template })
      : await PGlite.create();
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
  DUMPS.set(db, () => pg.dumpDataDir('none'));
  return db;
}

const DUMPS = new WeakMap<Database, () => Promise<Blob | File>>();

/** A PGlite database's files as one uncompressed tarball, for `openPglite`'s `template`. */
export async function dumpPglite(db: Database): Promise<Blob> {
  const dump = DUMPS.get(db);
  if (!dump) throw new Error('only a PGlite database opened by openPglite can be dumped');
  return dump();
}
