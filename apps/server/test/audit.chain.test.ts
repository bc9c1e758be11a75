import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  HTTP_ROUTES,
  pseudonym,
  verifyAuditExports,
  WATCH_KEY_HEADER,
  type AuditExport,
  type AuditVerification,
} from '@moot/protocol';
import { readAuditHead, recordAudit } from '../src/audit/auditLog.ts';
import { createAssembly } from '../src/features/assemblies/assemblyStore.ts';
import { exportAudit } from '../src/features/exports/auditExport.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import type { Database } from '../src/storage/database.ts';
import { MIGRATIONS, migrate } from '../src/storage/migrations.ts';
import { openPglite } from '../src/storage/pglite.ts';
import { openPostgres } from '../src/storage/postgres.ts';
import { acked, connectMember, redeem, seedAssembly, startApp, type RunningApp } from './support/harness.ts';
import { createScratchDatabase, describeOnEngines, postgresAvailable, type OpenEngine } from './support/services.ts';
import { memoryDatabase } from './support/memoryDatabase.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const clone = <T>(value: T): T => structuredClone(value);
const failure = (result: AuditVerification) => (result.ok ? null : { position: result.position, seq: result.seq });

/** The audit log's chain and its append-only table, on one engine (a migrated database). */
function chainSuite(open: OpenEngine) {
  let db: Database;
  let dispose: () => Promise<void>;
  let running: RunningApp;
  let observerExport: AuditExport;
  let watchKey: string;
  let assemblyId: string;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    running = await startApp({ db });
    // A realistic run: invites redeemed, a session with its agenda, the floor, a vote, a
    // hidden comment — and a refused command, whose security entry stays out of the chain.
    const seed = await seedAssembly(db);
    ({ watchKey, assemblyId } = seed);
    const mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    const members = [];
    for (const [i, invite] of seed.memberInvites.entries())
      members.push((await connectMember(running.url, await redeem(running.url, invite, `M${i}`))).socket);
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'First sitting' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));
    const { itemId } = acked(
      await mod.emitWithAck('agenda:add', { sessionId, title: 'Opening', kind: 'deliberate', plannedMinutes: 5 }),
    );
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    expect(await members[0]!.emitWithAck('session:end', { sessionId })).toMatchObject({ ok: false });
    acked(await members[1]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    acked(await mod.emitWithAck('announcement:post', { text: 'Break at eleven' }));
    const { commentId } = acked(
      await members[2]!.emitWithAck('comment:post', { standardId: seed.standardId, text: 'Off topic' }),
    );
    acked(await mod.emitWithAck('comment:hide', { commentId, reason: { code: 'off_topic', note: 'private' } }));
    acked(await mod.emitWithAck('agenda:end', { itemId }));
    for (const s of [mod, ...members]) s.disconnect();
    observerExport = await exported({ [WATCH_KEY_HEADER]: watchKey });
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    await dispose?.();
  });

  const exported = async (headers: Record<string, string>, query = ''): Promise<AuditExport> => {
    const response = await fetch(`${running.url}${HTTP_ROUTES.auditJson}${query}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as AuditExport;
  };

  it('refuses to change, delete or empty an entry, public or security, in the database itself', async () => {
    const [before] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    for (const sql of [
      `UPDATE audit_log SET action = 'standard.removed' WHERE action = 'standard.added'`,
      `UPDATE audit_log SET detail = '{}' WHERE action = 'security.denied'`,
      `DELETE FROM audit_log WHERE action = 'announcement.posted'`,
      `DELETE FROM audit_log WHERE action = 'security.denied'`,
      'TRUNCATE audit_log',
    ])
      await expect(db.query(sql), sql).rejects.toThrow(/append-only/);
    expect(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).toEqual([before]);
    expect((await verifyAuditExports([await exported({ [WATCH_KEY_HEADER]: watchKey })])).ok).toBe(true);
  });

  it('chains every public entry, and the export verifies end to end to the head it shows', async () => {
    const result = await verifyAuditExports([observerExport]);
    expect(result).toEqual({
      ok: true,
      first: 1,
      last: observerExport.entries.length,
      head: observerExport.head,
      complete: true,
    });
    expect(observerExport.head).toEqual(await readAuditHead(db, assemblyId));
    expect(observerExport.head).toEqual({
      seq: observerExport.entries.length,
      hash: observerExport.entries.at(-1)!.hash,
    });
    expect(observerExport.entries.map((e) => e.seq)).toEqual(observerExport.entries.map((_, i) => i + 1));
    expect(observerExport.entries.map((e) => e.action)).toContain('comment.hidden');
    expect(observerExport.entries.map((e) => e.action)).not.toContain('security.denied');
    // The chain seals pseudonyms and ids: an observer's export names no hidden member.
    // Members stay pseudonyms to the public; a moderator is a public figure, named.
    expect(JSON.stringify(observerExport)).not.toMatch(/"(M0|M1|M2)"/);
    const redeemed = observerExport.entries.filter((e) => e.action === 'invite.redeemed');
    expect(redeemed.map((e) => e.sealed.actor)).toEqual(redeemed.map(() => expect.stringMatching(/^Member \d+$/)));
  });

  it('gives members, with names, the same chain and head as observers', async () => {
    const [mod] = await db.query<{ seat: number }>(
      `SELECT seat FROM participants WHERE assembly_id = $1 AND display_name = 'Mo'`,
      [assemblyId],
    );
    const cookie = await redeem(running.url, (await inviteParticipant(db, assemblyId, 'member')).inviteSecret, 'Late');
    const asMember = await exported({ cookie });
    expect(asMember.entries.map((e) => e.actor)).toContain('Mo');
    expect(asMember.entries.find((e) => e.actor === 'Mo')!.sealed.actor).toBe(pseudonym(mod!.seat));
    expect(await verifyAuditExports([asMember])).toMatchObject({ ok: true, complete: true });
    // The late member's redeemed invite is one more entry, on the same chain.
    expect(asMember.head.seq).toBe(observerExport.head.seq + 1);
    expect(asMember.entries.slice(0, -1).map((e) => e.hash)).toEqual(observerExport.entries.map((e) => e.hash));
  });

  it('verifies an export read a page at a time, the pages in order', async () => {
    const pages: AuditExport[] = [];
    let after = 0;
    for (;;) {
      const page = await exported({ [WATCH_KEY_HEADER]: watchKey }, `?after=${after}&limit=4`);
      pages.push(page);
      if (page.next === null) break;
      after = page.next;
    }
    expect(pages.length).toBeGreaterThan(2);
    expect(await verifyAuditExports(pages)).toMatchObject({ ok: true, complete: true });
    expect(await verifyAuditExports(pages.slice(1))).toMatchObject({ ok: true, complete: false });
    expect(failure(await verifyAuditExports([pages[0]!, pages[2]!]))).toEqual({ position: 5, seq: 9 });
  });

  it('fails at the entry that was changed, removed or moved', async () => {
    const base = clone(observerExport);
    const edited = clone(base);
    edited.entries[3]!.sealed.actor = 'Member 99';
    expect(failure(await verifyAuditExports([edited]))).toEqual({ position: 4, seq: 4 });
    const retimed = clone(base);
    retimed.entries[5]!.at = new Date(Date.parse(retimed.entries[5]!.at) + 1).toISOString();
    expect(failure(await verifyAuditExports([retimed]))).toEqual({ position: 6, seq: 6 });
    const renamedAction = clone(base);
    renamedAction.entries[2]!.action = 'standard.removed';
    expect(failure(await verifyAuditExports([renamedAction]))).toEqual({ position: 3, seq: 3 });

    const removed = clone(base);
    removed.entries.splice(4, 1);
    expect(failure(await verifyAuditExports([removed]))).toEqual({ position: 5, seq: 6 });
    // Renumbered after the removal: the next entry no longer follows the one before it.
    for (const [i, e] of removed.entries.entries()) e.seq = i + 1;
    expect(failure(await verifyAuditExports([removed]))).toEqual({ position: 5, seq: 5 });

    const swapped = clone(base);
    [swapped.entries[6], swapped.entries[7]] = [swapped.entries[7]!, swapped.entries[6]!];
    expect(failure(await verifyAuditExports([swapped]))).toEqual({ position: 7, seq: 8 });

    // The last entry dropped with the head left as exported: chained, but not the whole log.
    const cut = clone(base);
    cut.entries.pop();
    expect(await verifyAuditExports([cut])).toMatchObject({ ok: true, complete: false });
    const otherHead = clone(base);
    otherHead.head.hash = 'f'.repeat(64);
    expect(failure(await verifyAuditExports([otherHead]))).toEqual({
      position: base.entries.length,
      seq: base.head.seq,
    });
  });
}

/** `npm run verify-audit`, as someone holding only the exported file runs it. */
function verifyAuditCommand(files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/verifyAudit.ts', ...files],
      { cwd: ROOT },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run verify-audit', () => {
  it('prints the head of an intact export, and the position of the first tampered entry', async () => {
    const db = await memoryDatabase();
    const { assembly } = await createAssembly(db, { title: 'Command check', charge: 'Why?' });
    for (let i = 0; i < 5; i++)
      await db.transaction((tx) =>
        recordAudit(tx, {
          assemblyId: assembly.id,
          actorId: null,
          action: 'standard.added',
          detail: { title: `S${i}` },
        }),
      );
    const audit = await exportAudit(db, { assembly, audience: 'observer' }, { after: 0, limit: 500 });
    await db.close();
    const dir = await mkdtemp(path.join(tmpdir(), 'moot-audit-'));
    const file = (name: string, value: unknown) => {
      const where = path.join(dir, name);
      return writeFile(where, typeof value === 'string' ? value : JSON.stringify(value)).then(() => where);
    };

    const intact = await verifyAuditCommand([await file('audit.json', audit)]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain(`head: seq 5 ${audit.head.hash}`);

    const tampered = clone(audit);
    tampered.entries[2]!.sealed.detail = { title: 'Something else' };
    const refused = await verifyAuditCommand([await file('tampered.json', tampered)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/entry 3 \(seq 3\): its content does not match its hash/);

    const partial = await verifyAuditCommand([
      await file('partial.json', { ...audit, entries: audit.entries.slice(1) }),
    ]);
    expect(partial.code).toBe(3);
    const garbage = await verifyAuditCommand([await file('garbage.json', '{"entries": 3}')]);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toMatch(/is not an audit export/);
  }, 300_000);
});

describe('the chain over entries written before it existed', () => {
  it('is computed by the migration, so an old log verifies and goes on', async () => {
    const db = await openPglite();
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.id < 8),
    );
    const { assembly } = await createAssembly(db, { title: 'Old', charge: 'Why?' });
    const { assembly: other } = await createAssembly(db, { title: 'Other', charge: 'Why?' });
    const { participant } = await inviteParticipant(db, assembly.id, 'member');
    const insert = (assemblyId: string, action: string, detail: object, at: string) =>
      db.query(
        'INSERT INTO audit_log (assembly_id, actor_id, action, target, detail, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [assemblyId, participant.id, action, randomUUID(), JSON.stringify(detail), at],
      );
    await insert(assembly.id, 'standard.added', { title: 'Honesty' }, '2026-01-01T10:00:00.123456Z');
    await insert(other.id, 'standard.added', { title: 'Elsewhere' }, '2026-01-01T10:00:01Z');
    await insert(assembly.id, 'security.denied', { role: 'member' }, '2026-01-01T10:00:02Z');
    await insert(assembly.id, 'queue.called', { participantId: participant.id }, '2026-01-01T10:00:03.999999Z');

    await migrate(db);
    const reader = { assembly, audience: 'observer' as const };
    const old = await exportAudit(db, reader, { after: 0, limit: 500 });
    expect(old.entries.map((e) => e.action)).toEqual(['standard.added', 'queue.called']);
    expect(old.entries[1]!.sealed).toMatchObject({
      actor: pseudonym(participant.seat),
      detail: { participant: pseudonym(participant.seat) },
    });
    expect(await verifyAuditExports([old])).toMatchObject({ ok: true, complete: true, head: { seq: 2 } });
    expect((await exportAudit(db, { assembly: other, audience: 'observer' }, { after: 0, limit: 500 })).head.seq).toBe(
      1,
    );

    await db.transaction((tx) =>
      recordAudit(tx, { assemblyId: assembly.id, actorId: participant.id, action: 'queue.lowered' }),
    );
    const now = await exportAudit(db, reader, { after: 0, limit: 500 });
    expect(now.entries[2]!.prev).toBe(old.head.hash);
    expect(await verifyAuditExports([now])).toMatchObject({ ok: true, complete: true, head: { seq: 3 } });
    await db.close();
  }, 180_000);
});

await describeOnEngines('the tamper-evident audit log', chainSuite);

if (await postgresAvailable()) {
  describe('concurrent appends on PostgreSQL', () => {
    it('from two nodes at once make one chain, without a fork or a lost entry', async () => {
      const scratch = await createScratchDatabase();
      const nodes = [await openPostgres(scratch.url), await openPostgres(scratch.url)];
      try {
        await migrate(nodes[0]!);
        const { assembly } = await createAssembly(nodes[0]!, { title: 'Busy', charge: 'Why?' });
        const APPENDS = 40;
        // Every append in its own transaction, with work before it, all in flight at once.
        const appends = nodes.flatMap((db, node) =>
          Array.from({ length: APPENDS }, (_, i) =>
            db.transaction(async (tx) => {
              await tx.query('SELECT 1 FROM assemblies WHERE id = $1', [assembly.id]);
              await recordAudit(tx, {
                assemblyId: assembly.id,
                actorId: null,
                action: 'announcement.posted',
                detail: { text: `node ${node} #${i}` },
              });
            }),
          ),
        );
        const settled = await Promise.allSettled(appends);
        expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
        // Linked by the two nodes' linkers after their commits, before anyone reads.
        await vi.waitFor(async () =>
          expect(await nodes[0]!.query(`SELECT id FROM audit_log WHERE seq IS NULL`)).toEqual([]),
        );
        expect(await readAuditHead(nodes[0]!, assembly.id)).toMatchObject({ seq: 2 * APPENDS });
        const audit = await exportAudit(nodes[1]!, { assembly, audience: 'observer' }, { after: 0, limit: 500 });
        expect(audit.head.seq).toBe(2 * APPENDS);
        expect(new Set(audit.entries.map((e) => e.prev)).size).toBe(2 * APPENDS);
        expect(await verifyAuditExports([audit])).toMatchObject({ ok: true, complete: true });
      } finally {
        for (const db of nodes) await db.close();
        await scratch.drop();
      }
    }, 120_000);
  });
}
