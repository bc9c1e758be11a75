import { createHash } from 'node:crypto';
import { AUDIT_GENESIS, auditHashInput, pseudonym, type AuditLink, type SealedAuditFields } from '@moot/protocol';
import type { Queryable } from '../storage/database.ts';
import type { AuditEntry } from './auditEntry.ts';
import { publicAuditRecord } from './publicAudit.ts';

/**
 * Each assembly's public entries form a hash chain (see the protocol's auditChain.ts). The chain
 * seals the public form of an entry — the form the public export prints — so anyone holding an
 * export can verify it without the database: participants by their seat's pseudonym (stable;
 * chosen names change and depend on the reader), the target by id (titles change), and the
 * detail the public-audit policy allowed when the entry was written. Security entries
 * (`security.*`) are for operators and stay out of the chain, as they stay out of the record.
 */
export const isChained = (action: string): boolean => !action.startsWith('security.');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id an entry may name a participant by: its actor, its target, its detail's strings and lists. */
function namedIds(entry: AuditEntry): string[] {
  const details = Object.values(entry.detail ?? {}).flatMap((value) => (Array.isArray(value) ? value : [value]));
  const candidates = [entry.actorId, entry.target, ...details];
  return [...new Set(candidates.filter((c): c is string => typeof c === 'string' && UUID.test(c)))];
}

/** The public form of an entry, naming each participant of its assembly by seat. */
export function sealEntry(entry: AuditEntry, seats: ReadonlyMap<string, number>): SealedAuditFields {
  const nameOf = (id: string) => {
    const seat = seats.get(id);
    return seat === undefined ? null : pseudonym(seat);
  };
  const shown = publicAuditRecord({ ...entry, seq: 0, at: new Date(0) }, nameOf, (target) => nameOf(target) ?? target);
  return { actor: shown.actor, target: shown.subject, detail: shown.detail };
}

const sha256 = (link: AuditLink): string => createHash('sha256').update(auditHashInput(link)).digest('hex');

/**
 * Appends a public entry at the end of its assembly's chain, inside the caller's transaction.
 * The head row's lock (taken by the upsert, held to commit) serialises appends per assembly
 * across every node, so two transactions never fork the chain; it is taken last in the
 * transaction, so it is held only for the commit.
 */
export async function appendChained(tx: Queryable, entry: AuditEntry): Promise<void> {
  const [head] = await tx.query<{ seq: number; hash: string; at: Date; seats: Record<string, number> | null }>(
    `INSERT INTO audit_heads AS h (assembly_id) VALUES ($1)
     ON CONFLICT (assembly_id) DO UPDATE SET assembly_id = h.assembly_id
     RETURNING h.seq, h.hash, date_trunc('milliseconds', now()) AS at,
       (SELECT json_object_agg(p.id, p.seat) FROM participants p
        WHERE p.assembly_id = $1 AND p.id = ANY($2::uuid[])) AS seats`,
    [entry.assemblyId, namedIds(entry)],
  );
  const seq = head!.seq + 1;
  const sealed = sealEntry(entry, new Map(Object.entries(head!.seats ?? {})));
  const link = {
    assemblyId: entry.assemblyId,
    seq,
    prev: head!.hash,
    action: entry.action,
    atMs: head!.at.getTime(),
    sealed,
  };
  const hash = sha256(link);
  await tx.query(
    `WITH moved AS (UPDATE audit_heads SET seq = $6, hash = $8 WHERE assembly_id = $1)
     INSERT INTO audit_log (assembly_id, actor_id, action, target, detail, at, seq, prev_hash, hash, sealed)
     VALUES ($1, $2, $3, $4, $5, date_trunc('milliseconds', now()), $6, $7, $8, $9)`,
    [
      entry.assemblyId,
      entry.actorId,
      entry.action,
      entry.target ?? null,
      JSON.stringify(entry.detail ?? {}),
      seq,
      head!.hash,
      hash,
      JSON.stringify(sealed),
    ],
  );
}

/**
 * Chains the entries written before the chain existed, in the order they were written (run once,
 * by the migration that adds the chain, before the log becomes append-only). Their times are
 * cut to milliseconds, as every later entry's are, so the export's time is the hashed time.
 */
export async function chainExistingEntries(tx: Queryable): Promise<void> {
  const participants = await tx.query<{ id: string; assembly_id: string; seat: number }>(
    'SELECT id, assembly_id, seat FROM participants',
  );
  const rows = await tx.query<{
    id: number;
    assembly_id: string;
    actor_id: string | null;
    action: string;
    target: string | null;
    detail: Record<string, unknown>;
    at: Date;
  }>(
    `SELECT id, assembly_id, actor_id, action, target, detail, date_trunc('milliseconds', at) AS at
     FROM audit_log WHERE action NOT LIKE 'security.%' ORDER BY assembly_id, id`,
  );
  const seatsIn = new Map<string, Map<string, number>>();
  for (const p of participants) seatsIn.set(p.assembly_id, (seatsIn.get(p.assembly_id) ?? new Map()).set(p.id, p.seat));
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const row of rows) {
    const head = heads.get(row.assembly_id) ?? { seq: 0, hash: AUDIT_GENESIS };
    const entry = {
      assemblyId: row.assembly_id,
      actorId: row.actor_id,
      action: row.action,
      target: row.target ?? undefined,
      detail: row.detail,
    };
    const sealed = sealEntry(entry, seatsIn.get(row.assembly_id) ?? new Map());
    const seq = head.seq + 1;
    const hash = sha256({
      assemblyId: row.assembly_id,
      seq,
      prev: head.hash,
      action: row.action,
      atMs: row.at.getTime(),
      sealed,
    });
    await tx.query(
      `UPDATE audit_log SET at = date_trunc('milliseconds', at), seq = $2, prev_hash = $3, hash = $4, sealed = $5
       WHERE id = $1`,
      [row.id, seq, head.hash, hash, JSON.stringify(sealed)],
    );
    heads.set(row.assembly_id, { seq, hash });
  }
  for (const [assemblyId, head] of heads)
    await tx.query('INSERT INTO audit_heads (assembly_id, seq, hash) VALUES ($1, $2, $3)', [
      assemblyId,
      head.seq,
      head.hash,
    ]);
}
