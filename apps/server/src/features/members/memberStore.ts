import { randomUUID } from 'node:crypto';
import {
  MEMBER_LIMITS,
  type AccessNeed,
  type MemberRecord,
  type MemberSettings,
  type MemberStatus,
  type Quota,
  type Replacement,
} from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';

/**
 * The members feature's tables (migration 11). Only this folder reads them: names, contact
 * details and demographics live here and in no table any member's or observer's payload is
 * built from.
 */
export interface MemberRow {
  id: string;
  assembly_id: string;
  participant_id: string | null;
  reference: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  demographics: Record<string, string>;
  status: MemberStatus;
  needs: AccessNeed[];
  needs_consent: boolean;
  card_issued_at: Date | null;
  updated_at: Date;
}

const COLUMNS = `m.id, m.assembly_id, m.participant_id, m.reference, m.name, m.email, m.phone, m.address,
  m.demographics, m.status, m.needs, m.needs_consent, m.card_issued_at, m.updated_at`;

export async function memberRows(db: Queryable, assemblyId: string): Promise<MemberRow[]> {
  return db.query<MemberRow>(`SELECT ${COLUMNS} FROM members m WHERE m.assembly_id = $1 ORDER BY m.name, m.id`, [
    assemblyId,
  ]);
}

/** One member of this assembly, or null (another assembly's id is not found, as if it did not exist). */
export async function memberRow(db: Queryable, assemblyId: string, memberId: string): Promise<MemberRow | null> {
  const [row] = await db.query<MemberRow>(`SELECT ${COLUMNS} FROM members m WHERE m.assembly_id = $1 AND m.id = $2`, [
    assemblyId,
    memberId,
  ]);
  return row ?? null;
}

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

export async function listMembers(db: Queryable, assemblyId: string): Promise<MemberRecord[]> {
  const rows = await db.query<
    MemberRow & { seat: number | null; display_name: string | null; invite_expires_at: Date | null }
  >(
    `SELECT ${COLUMNS}, p.seat, p.display_name, p.invite_expires_at
     FROM members m LEFT JOIN participants p ON p.id = m.participant_id
     WHERE m.assembly_id = $1 ORDER BY m.name, m.id`,
    [assemblyId],
  );
  return rows.map((row) => ({
    memberId: row.id,
    reference: row.reference,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    status: row.status,
    demographics: row.demographics,
    needs: row.needs,
    needsConsent: row.needs_consent,
    seat: row.seat,
    joined: row.display_name !== null,
    cardIssuedAt: iso(row.card_issued_at),
    cardExpiresAt: row.card_issued_at ? iso(row.invite_expires_at) : null,
  }));
}

export async function listReplacements(db: Queryable, assemblyId: string): Promise<Replacement[]> {
  const rows = await db.query<{
    dropped_id: string;
    dropped_name: string;
    replacement_id: string;
    replacement_name: string;
    at: Date;
  }>(
    `SELECT r.dropped_id, d.name AS dropped_name, r.replacement_id, n.name AS replacement_name, r.at
     FROM member_replacements r JOIN members d ON d.id = r.dropped_id JOIN members n ON n.id = r.replacement_id
     WHERE r.assembly_id = $1 ORDER BY r.at, r.id`,
    [assemblyId],
  );
  return rows.map((r) => ({
    droppedId: r.dropped_id,
    droppedName: r.dropped_name,
    replacementId: r.replacement_id,
    replacementName: r.replacement_name,
    at: iso(r.at)!,
  }));
}

export async function recordReplacement(
  db: Queryable,
  assemblyId: string,
  droppedId: string,
  replacementId: string,
  organiserId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO member_replacements (id, assembly_id, dropped_id, replacement_id, by_organiser_id) VALUES ($1, $2, $3, $4, $5)`,
    [randomUUID(), assemblyId, droppedId, replacementId, organiserId],
  );
}

export const DEFAULT_GAP_POINTS = 10;

export async function memberSettings(db: Queryable, assemblyId: string): Promise<MemberSettings> {
  const [row] = await db.query<{ invite_days: number; published_categories: string[]; gap_points: number }>(
    'SELECT invite_days, published_categories, gap_points FROM member_settings WHERE assembly_id = $1',
    [assemblyId],
  );
  return {
    inviteDays: row?.invite_days ?? MEMBER_LIMITS.defaultInviteDays,
    publishedCategories: row?.published_categories ?? [],
    gapPoints: row?.gap_points ?? DEFAULT_GAP_POINTS,
  };
}

export async function saveMemberSettings(db: Queryable, assemblyId: string, settings: MemberSettings): Promise<void> {
  await db.query(
    `INSERT INTO member_settings (assembly_id, invite_days, published_categories, gap_points) VALUES ($1, $2, $3, $4)
     ON CONFLICT (assembly_id) DO UPDATE SET invite_days = $2, published_categories = $3, gap_points = $4`,
    [assemblyId, settings.inviteDays, settings.publishedCategories, settings.gapPoints],
  );
}

export async function listQuotas(db: Queryable, assemblyId: string): Promise<Quota[]> {
  return db.query<Quota>(
    'SELECT category, value, share FROM member_quotas WHERE assembly_id = $1 ORDER BY category, value',
    [assemblyId],
  );
}

export async function replaceQuotas(db: Queryable, assemblyId: string, quotas: Quota[]): Promise<void> {
  await db.query('DELETE FROM member_quotas WHERE assembly_id = $1', [assemblyId]);
  for (const q of quotas) {
    await db.query('INSERT INTO member_quotas (assembly_id, category, value, share) VALUES ($1, $2, $3, $4)', [
      assemblyId,
      q.category,
      q.value,
      q.share,
    ]);
  }
}

/** The categories the imported members carry, in the order first seen. */
export function categoriesOf(rows: Pick<MemberRow, 'demographics'>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const category of Object.keys(row.demographics)) seen.add(category);
  return [...seen];
}
