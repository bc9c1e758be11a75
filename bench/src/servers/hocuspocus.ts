import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import pg from 'pg';

/**
 * Hocuspocus 3.x as people deploy it: the Database extension storing the whole document state
 * (debounced, 2 s default) to PostgreSQL, plus the Redis extension when REDIS_URL is set.
 */
// The runner creates the `hp_docs` table before any node starts (two nodes would race to create it).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });

const extensions: Extension[] = [
  new Database({
    fetch: async ({ documentName }) => {
      const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM hp_docs WHERE name = $1', [documentName]);
      return rows[0] ? new Uint8Array(rows[0].data) : null;
    },
    store: async ({ documentName, state }) => {
      await pool.query(
        'INSERT INTO hp_docs (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data',
        [documentName, state],
      );
    },
  }),
];
if (process.env.REDIS_URL) {
  const url = new URL(process.env.REDIS_URL);
  extensions.push(new Redis({ host: url.hostname, port: Number(url.port), prefix: process.env.REDIS_PREFIX ?? 'hp' }));
}

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true, extensions });
await server.listen();
