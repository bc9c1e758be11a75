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
  const rows = await db.query<{
    actor_id: string | null;
    action: string;
    target: string | null;
    detail: Record<string, unknown>;
    at: Date;
  }>('SELECT actor_id, action, target, detail, at FROM audit_log WHERE assembly_id = $1 ORDER BY id', [assemblyId]);
  return rows.map((r) => ({
    assemblyId,
    actorId: r.actor_id,
    action: r.action,
    target: r.target ?? undefined,
    detail: r.detail,
    at: r.at,
  }));
}
