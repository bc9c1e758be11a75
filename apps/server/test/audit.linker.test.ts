import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditExports } from '@moot/protocol';
import { recordAudit, type AuditEntry } from '../src/audit/auditLog.ts';
import { createAssembly } from '../src/features/assemblies/assemblyStore.ts';
import { exportAudit } from '../src/features/exports/auditExport.ts';
import type { Reader } from '../src/features/exports/reader.ts';
import type { Database } from '../src/storage/database.ts';
import { openDatabase } from '../src/storage/open.ts';
import { createScratchDatabase, postgresAvailable } from './support/services.ts';

/**
 * Public entries are written unchained by the command's transaction and linked into the chain
 * after it commits (audit/auditLinker.ts). These tests hold what that must keep: nothing stays
 * unlinked (a crash between a commit and its linking is repaired), commands never wait on the
 * chain, and the only change the log accepts is the linking itself.
 */
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** An engine that can be closed and opened again on the same data, as a restarted node does. */
interface Reopenable {
  open(): Promise<Database>;
  drop(): Promise<void>;
}
const engines: [string, () => Promise<Reopenable>][] = [
  [
    'pglite',
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'moot-linker-'));
      dirs.push(dataDir);
      return { open: () => openDatabase({ dataDir }), drop: async () => {} };
    },
  ],
];
const withPostgres = await postgresAvailable();
if (withPostgres)
  engines.push([
    'postgres',
    async () => {
      const scratch = await createScratchDatabase();
      return { open: () => openDatabase({ databaseUrl: scratch.url }), drop: scratch.drop };
    },
  ]);

const posted = (assemblyId: string, text: string): AuditEntry => ({
  assemblyId,
  actorId: null,
  action: 'announcement.posted',
  detail: { text },
});
/** Commits an entry and dies before linking it: the transaction never tells anyone it committed. */
const commitThenCrash = (db: Database, entry: AuditEntry) =>
  db.transaction((tx) => recordAudit({ query: (sql, params) => tx.query(sql, params) }, entry));
const unlinked = async (db: Database) =>
  (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL AND action NOT LIKE 'security.%'`,
    )
  )[0]!.n;
const exported = (db: Database, assembly: Reader['assembly']) =>
  exportAudit(db, { assembly, audience: 'observer' }, { after: 0, limit: 500 });
const texts = (audit: Awaited<ReturnType<typeof exported>>) => audit.entries.map((e) => e.sealed.detail.text);

describe.each(engines)('the audit chain linker: %s', (_, engine) => {
  it('links at the next start what a crash left committed but unlinked, in the order it was written', async () => {
    const data = await engine();
    let db = await data.open();
    try {
      const { assembly } = await createAssembly(db, { title: 'Crash', charge: 'Why?' });
      for (const text of ['a', 'b']) await db.transaction((tx) => recordAudit(tx, posted(assembly.id, text)));
      await vi.waitFor(async () => expect(await unlinked(db)).toBe(0));
      for (const text of ['c', 'd', 'e']) await commitThenCrash(db, posted(assembly.id, text));
      expect(await unlinked(db)).toBe(3);
      await db.close();

      db = await data.open();
      expect(await unlinked(db)).toBe(0);
      const audit = await exported(db, assembly);
      expect(texts(audit)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await verifyAuditExports([audit])).toMatchObject({ ok: true, complete: true, head: { seq: 5 } });
    } finally {
      await db.close();
      await data.drop();
    }
  }, 120_000);

  it("links them with the assembly's next append, before anyone reads", async () => {
    const data = await engine();
    const db = await data.open();
    try {
      const { assembly } = await createAssembly(db, { title: 'Next', charge: 'Why?' });
      const { assembly: other } = await createAssembly(db, { title: 'Other', charge: 'Why?' });
      for (const text of ['a', 'b']) await commitThenCrash(db, posted(assembly.id, text));
      await commitThenCrash(db, posted(other.id, 'elsewhere'));
      await db.transaction((tx) => recordAudit(tx, posted(assembly.id, 'c')));
      // The other assembly's entry waits for its own append (or a read, or the next start).
      await vi.waitFor(async () => expect(await unlinked(db)).toBe(1));
      const audit = await exported(db, assembly);
      expect(texts(audit)).toEqual(['a', 'b', 'c']);
      expect(await verifyAuditExports([audit])).toMatchObject({ ok: true, complete: true, head: { seq: 3 } });
      // Reading links first: the export never stops short of what was committed.
      const elsewhere = await exported(db, other);
      expect(texts(elsewhere)).toEqual(['elsewhere']);
      expect(await unlinked(db)).toBe(0);
    } finally {
      await db.close();
      await data.drop();
    }
  }, 120_000);

  it('accepts one change to an entry, its linking — all chain fields at once, nothing else — and refuses the rest', async () => {
    const data = await engine();
    const db = await data.open();
    try {
      const { assembly } = await createAssembly(db, { title: 'Guard', charge: 'Why?' });
      await commitThenCrash(db, posted(assembly.id, 'waiting'));
      await db.query(
        `INSERT INTO audit_log (assembly_id, actor_id, action, detail) VALUES ($1, NULL, 'security.denied', '{}')`,
        [assembly.id],
      );
      const link = `seq = 1, prev_hash = '${'0'.repeat(64)}', hash = '${'a'.repeat(64)}', sealed = '{}'`;
      for (const sql of [
        `UPDATE audit_log SET ${link}, detail = '{"text":"changed"}' WHERE action = 'announcement.posted'`,
        `UPDATE audit_log SET ${link}, at = at + interval '1 second' WHERE action = 'announcement.posted'`,
        `UPDATE audit_log SET ${link}, action = 'standard.added' WHERE action = 'announcement.posted'`,
        `UPDATE audit_log SET detail = '{"text":"changed"}' WHERE action = 'announcement.posted'`,
        `UPDATE audit_log SET ${link} WHERE action = 'security.denied'`,
      ])
        await expect(db.query(sql), sql).rejects.toThrow(/append-only/);
      // Half a link is refused by the table's check.
      await expect(db.query(`UPDATE audit_log SET seq = 1 WHERE action = 'announcement.posted'`)).rejects.toThrow();
      // The linker's own change goes through, once; after it, the entry is as unchangeable as any.
      const audit = await exported(db, assembly);
      expect(await verifyAuditExports([audit])).toMatchObject({ ok: true, complete: true, head: { seq: 1 } });
      await expect(db.query(`UPDATE audit_log SET ${link} WHERE action = 'announcement.posted'`)).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await db.close();
      await data.drop();
    }
  }, 120_000);
});

describe.runIf(withPostgres)('commands and the chain on PostgreSQL', () => {
  it("commit while another node holds the assembly's chain head, and are linked once it lets go", async () => {
    const scratch = await createScratchDatabase();
    const db = await openDatabase({ databaseUrl: scratch.url });
    const holder = new pg.Client({ connectionString: scratch.url });
    try {
      const { assembly } = await createAssembly(db, { title: 'Held', charge: 'Why?' });
      await db.transaction((tx) => recordAudit(tx, posted(assembly.id, 'first')));
      await vi.waitFor(async () => expect(await unlinked(db)).toBe(0));
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT seq FROM audit_heads WHERE assembly_id = $1 FOR UPDATE', [assembly.id]);
      // Before the linker, every append waited here for the head row, i.e. for every other command's commit.
      for (const text of ['second', 'third']) await db.transaction((tx) => recordAudit(tx, posted(assembly.id, text)));
      expect(await unlinked(db)).toBe(2);
      await holder.query('COMMIT');
      await vi.waitFor(async () => expect(await unlinked(db)).toBe(0));
      const audit = await exported(db, assembly);
      expect(texts(audit)).toEqual(['first', 'second', 'third']);
      expect(await verifyAuditExports([audit])).toMatchObject({ ok: true, complete: true, head: { seq: 3 } });
    } finally {
      await holder.end().catch(() => {});
      await db.close();
      await scratch.drop();
    }
  }, 120_000);
});
