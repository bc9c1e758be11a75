import { AUDIT_GENESIS, type SealedAuditFields } from '@moot/protocol';
import type { Database, Queryable } from '../storage/database.ts';
import { isChained } from './auditChain.ts';
import type { AuditEntry } from './auditEntry.ts';
import { linkNow, linkSoon } from './auditLinker.ts';

export type { AuditEntry } from './auditEntry.ts';

/**
 * The append-only record of every state change: who, what, when. Written in the same
 * transaction as the change it records, so neither exists without the other. Never a ballot.
 * The database refuses to change or delete an entry; each public entry is chained to the one
 * before it (auditChain.ts) once its transaction has committed (auditLinker.ts), so an export
 * shows whether anything was changed since — and commands never wait for each other's commits.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (assembly_id, actor_id, action, target, detail, at)
     VALUES ($1, $2, $3, $4, $5, date_trunc('milliseconds', now()))`,
    [entry.assemblyId, entry.actorId, entry.action, entry.target ?? null, JSON.stringify(entry.detail ?? {})],
  );
  if (isChained(entry.action)) tx.afterCommit?.((db) => linkSoon(db, entry.assemblyId));
}

/** An entry as read back: its place in the chain and what the chain seals of it. */
export type ChainedEntry = AuditEntry & {
  seq: number;
  at: Date;
  sealed: SealedAuditFields;
  prev: string;
  hash: string;
};

export async function readAudit(db: Database, assemblyId: string): Promise<ChainedEntry[]> {
  await linkNow(db, assemblyId);
  return readAuditPage(db, assemblyId, { after: 0, limit: null });
}

/**
 * The last public entry of an assembly: how many there are and the hash that seals them all.
 * Every entry committed before the call is linked first, so the head covers them.
 */
export async function readAuditHead(db: Database, assemblyId: string): Promise<{ seq: number; hash: string }> {
  await linkNow(db, assemblyId);
  const [head] = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_heads WHERE assembly_id = $1',
    [assemblyId],
  );
  return head ?? { seq: 0, hash: AUDIT_GENESIS };
}

/**
 * One page of the log in chain order: entries after `after` (a `seq`) up to `upTo` (all when
 * omitted), at most `limit` (null: all). Security entries (`security.*`: refused commands,
 * crafted packets) are for operators, read with SQL; they are never part of the assembly's
 * record, so they have no `seq` and no place in the chain.
 */
export async function readAuditPage(
  db: Queryable,
  assemblyId: string,
  page: { after: number; limit: number | null; upTo?: number },
): Promise<ChainedEntry[]> {
  const rows = await db.query<{
    seq: number;
    actor_id: string | null;
    action: string;
    target: string | null;
    detail: Record<string, unknown>;
    at: Date;
    sealed: SealedAuditFields;
    prev_hash: string;
    hash: string;
  }>(
    `SELECT seq, actor_id, action, target, detail, at, sealed, prev_hash, hash FROM audit_log
     WHERE assembly_id = $1 AND seq > $2 AND seq <= $4 ORDER BY seq LIMIT $3`,
    [assemblyId, page.after, page.limit, page.upTo ?? 2 ** 31 - 1],
  );
  return rows.map((r) => ({
    seq: r.seq,
    assemblyId,
    actorId: r.actor_id,
    action: r.action,
    target: r.target ?? undefined,
    detail: r.detail,
    at: r.at,
    sealed: r.sealed,
    prev: r.prev_hash,
    hash: r.hash,
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
