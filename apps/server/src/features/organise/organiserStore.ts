import { randomUUID } from 'node:crypto';
import { LIMITS, type OrganiserView } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { hashSecret, newSecret } from '../../storage/secrets.ts';

/**
 * Organisers of this instance: who they are, the one-time links that sign them in, and their
 * sessions. Links and session cookies are 128-bit secrets of which only the SHA-256 is stored
 * (`secrets.ts`); a link is used up when opened. The operator is the first organiser, created on
 * the first start; `npm run moot -- organiser-link` gives them a new link (revoking any unused
 * one), and `--new` one for another organiser.
 */
export interface Organiser {
  id: string;
  number: number;
}

export const organiserView = (o: Organiser): OrganiserView => ({ id: o.id, label: `Organiser ${o.number}` });

export async function createOrganiser(db: Queryable, operator = false): Promise<Organiser> {
  const [row] = await db.query<Organiser>(
    'INSERT INTO organisers (id, operator) VALUES ($1, $2) RETURNING id, number',
    [randomUUID(), operator],
  );
  return row!;
}

/** The operator (the instance's first organiser), created if there is none yet; `created` says so. */
export async function ensureOperator(db: Queryable): Promise<{ organiser: Organiser; created: boolean }> {
  const [found] = await db.query<Organiser>('SELECT id, number FROM organisers WHERE operator');
  if (found) return { organiser: found, created: false };
  const [row] = await db.query<Organiser>(
    `INSERT INTO organisers (id, operator) VALUES ($1, true) ON CONFLICT DO NOTHING RETURNING id, number`,
    [randomUUID()],
  );
  if (row) return { organiser: row, created: true };
  // Another node created it meanwhile.
  const [other] = await db.query<Organiser>('SELECT id, number FROM organisers WHERE operator');
  return { organiser: other!, created: false };
}

/** A sign-in link for an organiser; their earlier unused links stop working. Returns the secret (shown once). */
export async function issueOrganiserLink(db: Queryable, organiserId: string): Promise<string> {
  const secret = newSecret();
  await db.query(
    'UPDATE organiser_links SET revoked_at = now() WHERE organiser_id = $1 AND used_at IS NULL AND revoked_at IS NULL',
    [organiserId],
  );
  await db.query('INSERT INTO organiser_links (secret_hash, organiser_id) VALUES ($1, $2)', [
    hashSecret(secret),
    organiserId,
  ]);
  return secret;
}

/** A link that makes whoever opens it a co-organiser of one assembly; the assembly's earlier unused one stops working. */
export async function issueCoOrganiserLink(db: Queryable, assemblyId: string, issuedBy: string): Promise<string> {
  const secret = newSecret();
  await db.query(
    'UPDATE organiser_links SET revoked_at = now() WHERE assembly_id = $1 AND used_at IS NULL AND revoked_at IS NULL',
    [assemblyId],
  );
  await db.query('INSERT INTO organiser_links (secret_hash, assembly_id, issued_by) VALUES ($1, $2, $3)', [
    hashSecret(secret),
    assemblyId,
    issuedBy,
  ]);
  return secret;
}

/**
 * Uses up a link (once, even when two requests race: the UPDATE decides) and says whose it is:
 * a sign-in link names its organiser; a co-organiser link adds `current` (the organiser already
 * signed in on this browser, or a new organiser) to its assembly. Null for a wrong, used or
 * revoked link, or a full assembly.
 */
export async function useOrganiserLink(
  db: Queryable,
  secret: string,
  current: Organiser | null,
): Promise<{ organiser: Organiser; joinedAssembly: string | null } | null> {
  const [link] = await db.query<{ organiser_id: string | null; assembly_id: string | null }>(
    `UPDATE organiser_links SET used_at = now()
     WHERE secret_hash = $1 AND used_at IS NULL AND revoked_at IS NULL
     RETURNING organiser_id, assembly_id`,
    [hashSecret(secret)],
  );
  if (!link) return null;
  if (link.organiser_id) {
    const [organiser] = await db.query<Organiser>('SELECT id, number FROM organisers WHERE id = $1', [
      link.organiser_id,
    ]);
    return organiser ? { organiser, joinedAssembly: null } : null;
  }
  const [{ count } = { count: 0 }] = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM assembly_organisers WHERE assembly_id = $1',
    [link.assembly_id],
  );
  if (count >= LIMITS.maxOrganisersPerAssembly) return null;
  const organiser = current ?? (await createOrganiser(db));
  await db.query('INSERT INTO assembly_organisers (assembly_id, organiser_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    link.assembly_id,
    organiser.id,
  ]);
  return { organiser, joinedAssembly: link.assembly_id };
}

export async function openOrganiserSession(db: Queryable, organiserId: string, lifetimeMs: number): Promise<string> {
  const token = newSecret();
  await db.query('INSERT INTO organiser_sessions (token_hash, organiser_id, expires_at) VALUES ($1, $2, $3)', [
    hashSecret(token),
    organiserId,
    new Date(Date.now() + lifetimeMs),
  ]);
  return token;
}

export async function findOrganiserSession(db: Queryable, token: string): Promise<Organiser | null> {
  const [row] = await db.query<Organiser>(
    `SELECT o.id, o.number FROM organiser_sessions s JOIN organisers o ON o.id = s.organiser_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [hashSecret(token)],
  );
  return row ?? null;
}

export async function closeOrganiserSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM organiser_sessions WHERE token_hash = $1', [hashSecret(token)]);
}

/**
 * The hash of every organiser secret that opens something now: unused, unrevoked organiser and
 * co-organiser links, and unexpired organiser sessions (for `throttle/knownSecrets.ts`, beside
 * the participants' `liveSecretHashes`).
 */
export async function liveOrganiserSecretHashes(db: Queryable): Promise<Buffer[]> {
  const rows = await db.query<{ hash: Uint8Array }>(
    `SELECT secret_hash AS hash FROM organiser_links WHERE used_at IS NULL AND revoked_at IS NULL
     UNION ALL
     SELECT token_hash FROM organiser_sessions WHERE expires_at > now()`,
  );
  return rows.map((row) => Buffer.from(row.hash));
}
