import type { Queryable } from '../../storage/database.ts';

/**
 * The append-only record of every state change: who, what, when. Written in the same
 * transaction as the change it records, so neither exists without the other. Never a ballot.
 */
export interface AuditEntry {
  assemblyId: string;
  actorId: string | null;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit_log (assembly_id, actor_id, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [
    entry.assemblyId,
    entry.actorId,
    entry.action,
    entry.target ?? null,
    JSON.stringify(entry.detail ?? {}),
  ]);
}

export async function readAudit(db: Queryable, assemblyId: string): Promise<(AuditEntry & { at: Date })[]> {
  return readAuditPage(db, assemblyId, { after: 0, limit: null });
}

/**
 * One page of the log in order: entries after `after` (a `seq`), at most `limit` (null: all),
 * none of the actions `without`. Security entries (`security.*`: refused commands, crafted
 * packets) are for operators, read with SQL; they are never part of the assembly's record.
 */
export async function readAuditPage(
  db: Queryable,
  assemblyId: string,
  page: { after: number; limit: number | null; without?: readonly string[] },
): Promise<(AuditEntry & { seq: number; at: Date })[]> {
  const rows = await db.query<{
    seq: string;
    actor_id: string | null;
    action: string;
    target: string | null;
    detail: Record<string, unknown>;
    at: Date;
  }>(
    `SELECT id AS seq, actor_id, action, target, detail, at FROM audit_log
     WHERE assembly_id = $1 AND id > $2 AND action NOT LIKE 'security.%' AND NOT (action = ANY($4::text[])) ORDER BY id LIMIT $3`,
    [assemblyId, page.after, page.limit, [...(page.without ?? [])]],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    assemblyId,
    actorId: r.actor_id,
    action: r.action,
    target: r.target ?? undefined,
    detail: r.detail,
    at: r.at,
  }));
}

/** The entries with these actions about these targets, in order (e.g. one session's agenda changes). */
export async function readAuditAbout(
  db: Queryable,
  assemblyId: string,
  about: { targets: string[]; actions: readonly string[] },
): Promise<{ action: string; target: string | undefined; at: Date }[]> {
  const rows = await db.query<{ action: string; target: string | null; at: Date }>(
    `SELECT action, target, at FROM audit_log
     WHERE assembly_id = $1 AND target = ANY($2::text[]) AND action = ANY($3::text[]) ORDER BY id`,
    [assemblyId, about.targets, [...about.actions]],
  );
  return rows.map((r) => ({ action: r.action, target: r.target ?? undefined, at: r.at }));
}
