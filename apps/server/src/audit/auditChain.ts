import { createHash } from 'node:crypto';
import { auditHashInput, pseudonym, type AuditLink, type SealedAuditFields } from '@moot/protocol';
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

/** How many entries one linking statement chains at most (a backlog is linked in several). */
export const LINK_BATCH = 500;

/**
 * Links the assembly's unchained public entries to the end of its chain, in the order they were
 * written (`id`), in one statement; returns how many. Run in its own short transaction: the head
 * row's lock, taken first, makes every linker of this assembly (on any node) wait for the one
 * before it, and the entries it reads are those committed when it holds the lock — so two never
 * link the same entry, and the chain never forks. An entry committed later by a transaction that
 * began earlier (a lower `id`) is linked by the next run, after the ones already linked: the
 * chain's order is the order entries became visible, which is what a reader could have seen.
 */
export async function linkPending(tx: Queryable, assemblyId: string, limit = LINK_BATCH): Promise<number> {
  const [head] = await tx.query<{ seq: number; hash: string }>(
    `INSERT INTO audit_heads AS h (assembly_id) VALUES ($1)
     ON CONFLICT (assembly_id) DO UPDATE SET assembly_id = h.assembly_id
     RETURNING h.seq, h.hash`,
    [assemblyId],
  );
  const rows = await tx.query<{
    id: number;
    actor_id: string | null;
    action: string;
    target: string | null;
    detail: Record<string, unknown>;
    at: Date;
  }>(
    `SELECT id, actor_id, action, target, detail, at FROM audit_log
     WHERE assembly_id = $1 AND seq IS NULL AND action NOT LIKE 'security.%' ORDER BY id LIMIT $2`,
    [assemblyId, limit],
  );
  if (rows.length === 0) return 0;
  const entries = rows.map((row) => ({
    id: row.id,
    at: row.at,
    entry: {
      assemblyId,
      actorId: row.actor_id,
      action: row.action,
      target: row.target ?? undefined,
      detail: row.detail,
    } satisfies AuditEntry,
  }));
  const seatRows = await tx.query<{ id: string; seat: number }>(
    'SELECT id, seat FROM participants WHERE assembly_id = $1 AND id = ANY($2::uuid[])',
    [assemblyId, [...new Set(entries.flatMap((e) => namedIds(e.entry)))]],
  );
  const seats = new Map(seatRows.map((r) => [r.id, r.seat]));
  let { seq, hash: prev } = head!;
  const links = entries.map(({ id, at, entry }) => {
    const sealed = sealEntry(entry, seats);
    seq += 1;
    const hash = sha256({ assemblyId, seq, prev, action: entry.action, atMs: at.getTime(), sealed });
    const link = { id, seq, prev, hash, sealed };
    prev = hash;
    return link;
  });
  const linked = await tx.query(
    `UPDATE audit_log AS l SET seq = v.seq, prev_hash = v.prev, hash = v.hash, sealed = v.sealed
     FROM jsonb_to_recordset($2::jsonb) AS v(id bigint, seq integer, prev text, hash text, sealed jsonb)
     WHERE l.id = v.id AND l.assembly_id = $1 AND l.seq IS NULL
     RETURNING l.id`,
    [assemblyId, JSON.stringify(links)],
  );
  // Under the head's lock nobody else links these; if the count differs, roll back, chain nothing.
  if (linked.length !== links.length) throw new Error(`audit chain: linked ${linked.length} of ${links.length}`);
  await tx.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE assembly_id = $1', [assemblyId, seq, prev]);
  return links.length;
}

/**
 * Chains the entries written before the chain existed, in the order they were written (run once,
 * by the migration that adds the chain, before the log becomes append-only). Their times are
 * cut to milliseconds, as every later entry's are, so the export's time is the hashed time.
 */
export async function chainExistingEntries(tx: Queryable): Promise<void> {
  await tx.query(`UPDATE audit_log SET at = date_trunc('milliseconds', at) WHERE action NOT LIKE 'security.%'`);
  const assemblies = await tx.query<{ assembly_id: string }>(
    `SELECT DISTINCT assembly_id FROM audit_log WHERE action NOT LIKE 'security.%'`,
  );
  for (const { assembly_id } of assemblies) while ((await linkPending(tx, assembly_id)) === LINK_BATCH);
}
