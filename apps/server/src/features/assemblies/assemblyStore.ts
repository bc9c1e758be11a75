import { randomUUID } from 'node:crypto';
import type { AssemblyDetails, AssemblyView, ListedAssembly } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { hashSecret, newSecret } from '../../storage/secrets.ts';

interface AssemblyRow {
  id: string;
  title: string;
  charge: string;
}
const view = (row: AssemblyRow): AssemblyView => ({ id: row.id, title: row.title, charge: row.charge });

/**
 * A new assembly and its first watch link (shown once; kept readable only while the assembly is
 * listed, since the home page then shows it to everyone). Organisers create assemblies through
 * `organiseStore.ts`, which also makes them its organiser and audits it.
 */
export async function createAssembly(
  db: Queryable,
  input: { title: string; charge: string; slug?: string } & Partial<Omit<AssemblyDetails, 'title' | 'charge'>>,
): Promise<{ assembly: AssemblyView; watchKey: string }> {
  const watchKey = newSecret();
  const [row] = await db.query<AssemblyRow>(
    `INSERT INTO assemblies (id, slug, title, charge, watch_key_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, title, charge`,
    [randomUUID(), input.slug ?? null, input.title, input.charge, hashSecret(watchKey)],
  );
  // The details organisers give (migration 10); without them the row keeps its defaults, so
  // tests of earlier migrations can still make an assembly.
  if (input.languages) {
    await db.query(
      `UPDATE assemblies SET description = $2, languages = $3, starts_on = $4, ends_on = $5, commissioned_by = $6,
         listed = $7, public_watch_key = CASE WHEN $7 THEN $8 ELSE NULL END
       WHERE id = $1`,
      [
        row!.id,
        input.description ?? '',
        input.languages,
        input.startsOn ?? null,
        input.endsOn ?? null,
        input.commissionedBy ?? '',
        input.listed ?? false,
        watchKey,
      ],
    );
  }
  return { assembly: view(row!), watchKey };
}

/**
 * Changes an assembly's details. Listing an unlisted assembly issues a new watch link (the old
 * one's secret is only a hash, and the home page needs the link itself), returned as `watchKey`;
 * unlisting forgets the readable copy (the link keeps working until rotated).
 */
export async function updateAssemblyDetails(
  db: Queryable,
  assemblyId: string,
  details: AssemblyDetails,
): Promise<{ watchKey: string | null }> {
  const [was] = await db.query<{ listed: boolean }>('SELECT listed FROM assemblies WHERE id = $1', [assemblyId]);
  const watchKey = details.listed && !was?.listed ? newSecret() : null;
  await db.query(
    `UPDATE assemblies SET title = $2, charge = $3, description = $4, languages = $5, starts_on = $6, ends_on = $7,
       commissioned_by = $8, listed = $9,
       public_watch_key = CASE WHEN $9 THEN coalesce($10, public_watch_key) ELSE NULL END,
       watch_key_hash = coalesce($11, watch_key_hash)
     WHERE id = $1`,
    [
      assemblyId,
      details.title,
      details.charge,
      details.description,
      details.languages,
      details.startsOn,
      details.endsOn,
      details.commissionedBy,
      details.listed,
      watchKey,
      watchKey ? hashSecret(watchKey) : null,
    ],
  );
  return { watchKey };
}

/** Archived: read-only for good (its record and watch page stay readable). False if it already was. */
export async function archiveAssembly(db: Queryable, assemblyId: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE assemblies SET archived_at = now() WHERE id = $1 AND archived_at IS NULL RETURNING id',
    [assemblyId],
  );
  return rows.length > 0;
}

export async function isArchived(db: Queryable, assemblyId: string): Promise<boolean> {
  const [row] = await db.query<{ archived: boolean }>(
    'SELECT archived_at IS NOT NULL AS archived FROM assemblies WHERE id = $1',
    [assemblyId],
  );
  return row?.archived ?? false;
}

/** The home page's list: listed assemblies (archived ones too: their record stays readable), newest first, with their public watch links. */
export async function listListedAssemblies(db: Queryable): Promise<ListedAssembly[]> {
  const rows = await db.query<{
    id: string;
    title: string;
    charge: string;
    description: string;
    languages: ListedAssembly['languages'];
    starts_on: string | null;
    ends_on: string | null;
    commissioned_by: string;
    public_watch_key: string;
    archived: boolean;
  }>(
    `SELECT id, title, charge, description, languages, to_char(starts_on, 'YYYY-MM-DD') AS starts_on,
       to_char(ends_on, 'YYYY-MM-DD') AS ends_on, commissioned_by, public_watch_key,
       archived_at IS NOT NULL AS archived
     FROM assemblies WHERE listed AND public_watch_key IS NOT NULL
     ORDER BY created_at DESC LIMIT 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    charge: r.charge,
    description: r.description,
    languages: r.languages,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    commissionedBy: r.commissioned_by,
    watchKey: r.public_watch_key,
    archived: r.archived,
  }));
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
  await db.query(
    'UPDATE assemblies SET watch_key_hash = $2, public_watch_key = CASE WHEN listed THEN $3 ELSE NULL END WHERE id = $1',
    [assemblyId, hashSecret(watchKey), watchKey],
  );
  return watchKey;
}
