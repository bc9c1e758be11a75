import { randomUUID } from 'node:crypto';
import type { AssemblyView } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { hashSecret, newSecret } from '../../storage/secrets.ts';

interface AssemblyRow {
  id: string;
  title: string;
  charge: string;
}
const view = (row: AssemblyRow): AssemblyView => ({ id: row.id, title: row.title, charge: row.charge });

export async function createAssembly(
  db: Queryable,
  input: { title: string; charge: string; slug?: string },
): Promise<{ assembly: AssemblyView; watchKey: string }> {
  const watchKey = newSecret();
  const [row] = await db.query<AssemblyRow>(
    `INSERT INTO assemblies (id, slug, title, charge, watch_key_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, title, charge`,
    [randomUUID(), input.slug ?? null, input.title, input.charge, hashSecret(watchKey)],
  );
  return { assembly: view(row!), watchKey };
}

export async function findAssembly(db: Queryable, id: string): Promise<AssemblyView | null> {
  const [row] = await db.query<AssemblyRow>('SELECT id, title, charge FROM assemblies WHERE id = $1', [id]);
  return row ? view(row) : null;
}

export async function findAssemblyBySlug(db: Queryable, slug: string): Promise<AssemblyView | null> {
  const [row] = await db.query<AssemblyRow>('SELECT id, title, charge FROM assemblies WHERE slug = $1', [slug]);
  return row ? view(row) : null;
}

export async function findAssemblyByWatchKey(db: Queryable, watchKey: string): Promise<AssemblyView | null> {
  const [row] = await db.query<AssemblyRow>('SELECT id, title, charge FROM assemblies WHERE watch_key_hash = $1', [
    hashSecret(watchKey),
  ]);
  return row ? view(row) : null;
}

/** Issues a new public watch link; the old one stops working. */
export async function rotateWatchKey(db: Queryable, assemblyId: string): Promise<string> {
  const watchKey = newSecret();
  await db.query('UPDATE assemblies SET watch_key_hash = $2 WHERE id = $1', [assemblyId, hashSecret(watchKey)]);
  return watchKey;
}
