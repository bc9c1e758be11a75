import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// bigint columns (sequence numbers) come back as strings by default; ours fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** A PostgreSQL server, for several nodes sharing one database. */
export async function openPostgres(connectionString: string, maxConnections = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const toParams = (params: readonly unknown[]) =>
    params.map((p) =>
      p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p,
    );
  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, toParams(params));
      return result.rows as Row[];
    },
  });
  const db: Database = {
    engine: 'postgres',
    ...asQueryable(pool),
    afterCommit: (then) => queueMicrotask(() => then(db)),
    async transaction(work) {
      const client = await pool.connect();
      const committed: ((db: Database) => void)[] = [];
      try {
        await client.query('BEGIN');
        const result = await work({ ...asQueryable(client), afterCommit: (then) => committed.push(then) });
        await client.query('COMMIT');
        for (const then of committed) then(db);
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
  return db;
}
