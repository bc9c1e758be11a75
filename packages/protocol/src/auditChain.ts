import { z } from 'zod';
import type { AuditExport, AuditRecord, SealedAuditFields } from './http.ts';

/**
 * The audit log's hash chain, written once for the server that seals entries, the command that
 * verifies an export and the record page. Each assembly has its own chain over its public
 * entries: entry `seq` carries the hash of entry `seq - 1` (64 zeros before the first), and its
 * own hash is SHA-256 over the canonical JSON of
 * `["moot-audit/1", assemblyId, seq, prev, sealed.actor, action, sealed.target, sealed.detail, atMs]`
 * (UTF-8, hex digest). Canonical JSON: `JSON.stringify` of each value, object keys sorted by
 * UTF-16 code unit at every depth, no spaces.
 */
export const AUDIT_GENESIS = '0'.repeat(64);
const CHAIN_VERSION = 'moot-audit/1';

/** JSON with object keys sorted at every depth; undefined object fields are left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    const keys = Object.keys(fields)
      .filter((key) => fields[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(fields[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** One link of the chain: everything its hash covers. */
export interface AuditLink {
  assemblyId: string;
  seq: number;
  prev: string;
  action: string;
  /** The entry's time in milliseconds since 1970 (the log keeps milliseconds). */
  atMs: number;
  sealed: SealedAuditFields;
}

/** The exact text an entry's hash is taken over. */
export function auditHashInput(link: AuditLink): string {
  const { assemblyId, seq, prev, action, atMs, sealed } = link;
  return canonicalJson([
    CHAIN_VERSION,
    assemblyId,
    seq,
    prev,
    sealed.actor,
    action,
    sealed.target,
    sealed.detail,
    atMs,
  ]);
}

/** SHA-256 as lowercase hex, by Web Crypto (Node and browsers in a secure context). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash as 64 lowercase hex digits');
const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** An exported audit log as a verifier reads it from a file: only the fields it needs, typed. */
export const auditExportFileSchema = z.object({
  assembly: z.object({ id: z.string().min(1), title: z.string() }),
  head: z.object({ seq: z.number().int().min(0), hash }),
  entries: z.array(
    z.object({
      seq: z.number().int().min(1),
      at: z.iso.datetime(),
      action: z.string(),
      sealed: z.object({
        actor: z.string().nullable(),
        target: z.string().nullable(),
        detail: z.record(z.string(), detailValue),
      }),
      prev: hash,
      hash,
    }),
  ),
});
export type AuditExportFile = z.infer<typeof auditExportFileSchema>;

export type AuditVerification =
  | {
      ok: true;
      /** The entries checked, first and last seq (0 and 0 when there are none). */
      first: number;
      last: number;
      /** The head the (last) export names, and whether the entries reach it from the first entry. */
      head: { seq: number; hash: string };
      complete: boolean;
    }
  | {
      ok: false;
      /** 1-based position of the first entry that fails, counted through every file given. */
      position: number;
      seq: number | null;
      problem: string;
    };

/**
 * Verifies one export, or several pages of one assembly's log in order, end to end: every
 * entry's seq follows the one before, its `prev` is that entry's hash, its hash matches its
 * sealed content, and the entry at the head's seq has the head's hash. An export that starts
 * after entry 1 is checked from where it starts (`complete` is false).
 */
export async function verifyAuditExports(
  exports: readonly (AuditExport | AuditExportFile)[],
): Promise<AuditVerification> {
  const last = exports.at(-1);
  if (!last) return { ok: false, position: 0, seq: null, problem: 'No export given' };
  const assemblyId = last.assembly.id;
  if (exports.some((e) => e.assembly.id !== assemblyId))
    return { ok: false, position: 0, seq: null, problem: 'The exports are of different assemblies' };
  const entries: Pick<AuditRecord, 'seq' | 'at' | 'action' | 'sealed' | 'prev' | 'hash'>[] = exports.flatMap(
    (e) => e.entries,
  );
  const fail = (index: number, problem: string): AuditVerification => ({
    ok: false,
    position: index + 1,
    seq: entries[index]?.seq ?? null,
    problem,
  });

  for (const [index, entry] of entries.entries()) {
    const before = entries[index - 1];
    if (before && entry.seq !== before.seq + 1)
      return fail(index, `seq ${entry.seq} follows seq ${before.seq}: an entry is missing, added or out of order`);
    const expectedPrev = before ? before.hash : entry.seq === 1 ? AUDIT_GENESIS : entry.prev;
    if (entry.prev !== expectedPrev)
      return fail(index, `its previous hash is not the hash of ${before ? 'the entry before it' : 'the start'}`);
    const atMs = Date.parse(entry.at);
    const link = { assemblyId, seq: entry.seq, prev: entry.prev, action: entry.action, atMs, sealed: entry.sealed };
    if ((await sha256Hex(auditHashInput(link))) !== entry.hash)
      return fail(index, 'its content does not match its hash: it was changed');
    if (entry.seq > last.head.seq) return fail(index, `it comes after the head (seq ${last.head.seq})`);
    if (entry.seq === last.head.seq && entry.hash !== last.head.hash)
      return fail(index, 'it is at the head but its hash is not the head hash');
  }
  const first = entries[0]?.seq ?? 0;
  const lastSeq = entries.at(-1)?.seq ?? 0;
  return {
    ok: true,
    first,
    last: lastSeq,
    head: last.head,
    complete: (first === 1 || last.head.seq === 0) && lastSeq === last.head.seq,
  };
}
