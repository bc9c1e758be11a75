import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '@moot/protocol';
import { readAudit } from '../src/audit/auditLog.ts';
import { createAssembly, findAssemblyByWatchKey, rotateWatchKey } from '../src/features/assemblies/assemblyStore.ts';
import {
  addStandard,
  CharterError,
  listCharter,
  moveStandard,
  removeStandard,
  retitleStandard,
} from '../src/features/charter/charterStore.ts';
import {
  closeSession,
  findInvite,
  findSession,
  inviteParticipant,
  openSession,
  reissueInvite,
  claimDisplayName,
} from '../src/features/identity/participantStore.ts';
import { newSecret } from '../src/storage/secrets.ts';
import {
  appendUpdates,
  compactDocument,
  countLoggedUpdates,
  loadDocument,
  replay,
} from '../src/collab/documentStore.ts';
import type { Database, Queryable } from '../src/storage/database.ts';
import { MIGRATIONS, migrate } from '../src/storage/migrations.ts';
import { describeOnEngines, type OpenEngine } from './support/services.ts';
import { listCheckpoints, loadAttribution } from '../src/collab/authorship.ts';

/** One contract, every engine: PGlite and PostgreSQL must behave identically. */
function storageContract(open: OpenEngine) {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await open());
  });
  afterAll(async () => {
    await dispose();
  });

  it('migrates idempotently', async () => {
    await migrate(db);
    const rows = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('finds an assembly by its watch key only, and a rotated key replaces the old one', async () => {
    const { assembly, watchKey } = await createAssembly(db, { title: 'A', charge: 'Why?' });
    expect(await findAssemblyByWatchKey(db, watchKey)).toEqual(assembly);
    expect(await findAssemblyByWatchKey(db, newSecret())).toBeNull();
    const rotated = await rotateWatchKey(db, assembly.id);
    expect(await findAssemblyByWatchKey(db, watchKey)).toBeNull();
    expect(await findAssemblyByWatchKey(db, rotated)).toEqual(assembly);
  });

  it('gives invites consecutive seats, finds them by secret and opens sessions', async () => {
    const { assembly } = await createAssembly(db, { title: 'B', charge: 'Why?' });
    const mod = await inviteParticipant(db, assembly.id, 'moderator');
    const member = await inviteParticipant(db, assembly.id, 'member');
    expect([mod.participant.seat, member.participant.seat]).toEqual([1, 2]);
    expect(await findInvite(db, newSecret())).toBeNull();
    const found = await findInvite(db, member.inviteSecret);
    expect(found).toMatchObject({ named: false, participant: { id: member.participant.id, role: 'member' } });
    await claimDisplayName(db, member.participant.id, 'Ada');
    const token = await openSession(db, member.participant.id, 60_000);
    expect((await findSession(db, token))?.participant.displayName).toBe('Ada');
    expect(await findSession(db, newSecret())).toBeNull();
    await closeSession(db, token);
    expect(await findSession(db, token)).toBeNull();
    const expired = await openSession(db, member.participant.id, -1);
    expect(await findSession(db, expired)).toBeNull();
    const reissued = await reissueInvite(db, member.participant.id);
    expect(await findInvite(db, member.inviteSecret)).toBeNull();
    expect((await findInvite(db, reissued))?.named).toBe(true);
  });

  it('keeps the charter ordered through add, move, retitle and remove, and audits each', async () => {
    const { assembly } = await createAssembly(db, { title: 'C', charge: 'Why?' });
    const { participant } = await inviteParticipant(db, assembly.id, 'moderator');
    const [a, b, c] = [
      await addStandard(db, assembly.id, participant.id, 'Honesty'),
      await addStandard(db, assembly.id, participant.id, 'Openness'),
      await addStandard(db, assembly.id, participant.id, 'Care'),
    ];
    expect((await listCharter(db, assembly.id)).map((s) => s.title)).toEqual(['Honesty', 'Openness', 'Care']);
    const moved = await moveStandard(db, assembly.id, participant.id, c!.id, 0);
    expect(moved.map((s) => [s.title, s.position])).toEqual([
      ['Care', 0],
      ['Honesty', 1],
      ['Openness', 2],
    ]);
    await moveStandard(db, assembly.id, participant.id, c!.id, 99);
    expect((await listCharter(db, assembly.id)).map((s) => s.title)).toEqual(['Honesty', 'Openness', 'Care']);
    expect((await retitleStandard(db, assembly.id, participant.id, b!.id, 'Transparency')).title).toBe('Transparency');
    await removeStandard(db, assembly.id, participant.id, a!.id);
    expect((await listCharter(db, assembly.id)).map((s) => [s.title, s.position])).toEqual([
      ['Transparency', 0],
      ['Care', 1],
    ]);
    await expect(removeStandard(db, assembly.id, participant.id, a!.id)).rejects.toBeInstanceOf(CharterError);
    expect((await readAudit(db, assembly.id)).map((e) => e.action)).toEqual([
      'standard.added',
      'standard.added',
      'standard.added',
      'standard.moved',
      'standard.moved',
      'standard.retitled',
      'standard.removed',
    ]);
  });

  it('refuses a standard past the charter limit', async () => {
    const { assembly } = await createAssembly(db, { title: 'D', charge: 'Why?' });
    const { participant } = await inviteParticipant(db, assembly.id, 'member');
    await db.query(
      `INSERT INTO standards (id, assembly_id, position, title)
         SELECT gen_random_uuid(), $1, n, 'S' || n FROM generate_series(0, $2 - 1) AS n`,
      [assembly.id, LIMITS.maxStandardsPerAssembly],
    );
    await expect(addStandard(db, assembly.id, participant.id, 'One too many')).rejects.toMatchObject({
      reason: 'limit_reached',
    });
  });

  it('stores a document as log and snapshot, and compaction keeps its content exactly', async () => {
    const docId = `standard:${crypto.randomUUID()}`;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const text = source.getText('t');
    for (let i = 0; i < 50; i++) text.insert(i, String.fromCharCode(97 + (i % 26)));
    text.delete(3, 5);
    await appendUpdates(
      db,
      updates.slice(0, 30).map((update) => ({ docId, update, participantId: null })),
    );
    await appendUpdates(
      db,
      updates.slice(30).map((update) => ({ docId, update, participantId: null })),
    );

    const loaded = await loadDocument(db, docId);
    expect(loaded.snapshot).toBeNull();
    expect(replay(loaded.snapshot, loaded.updates).getText('t').toString()).toBe(text.toString());

    expect((await compactDocument(db, docId)).folded).toBe(updates.length);
    expect(await countLoggedUpdates(db, docId)).toBe(0);
    text.insert(0, 'Z');
    await appendUpdates(db, [{ docId, update: updates.at(-1)!, participantId: null }]);
    const [again] = await Promise.all([compactDocument(db, docId), compactDocument(db, docId)]);
    expect(again.folded).toBeLessThanOrEqual(1);
    const after = await loadDocument(db, docId);
    expect(after.updates).toHaveLength(0);
    expect(replay(after.snapshot, after.updates).getText('t').toString()).toBe(text.toString());
    expect(replay(after.snapshot, []).getText('t').toString().startsWith('Z')).toBe(true);
  });

  it('records who a client id belongs to with its first update, keeps it through a fold, and keeps a checkpoint', async () => {
    const docId = `standard:${crypto.randomUUID()}`;
    const [ada, ben] = [crypto.randomUUID(), crypto.randomUUID()];
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const first = (doc: Y.Doc, text: string) => {
      doc.getText('t').insert(0, text);
      return Y.encodeStateAsUpdate(doc);
    };
    // Ada's id is claimed with her first update; a later claim on it (Ben's) changes nothing.
    await appendUpdates(db, [{ docId, update: first(a, 'Ada'), participantId: ada, newClients: [a.clientID] }]);
    await appendUpdates(db, [{ docId, update: first(a, 'more'), participantId: ben, newClients: [a.clientID] }]);
    // Ben's row names no client (written before authors were kept): the fold attributes it.
    await appendUpdates(db, [{ docId, update: first(b, 'Ben'), participantId: ben }]);
    expect([...(await loadAttribution(db, docId))]).toEqual([[a.clientID, ada]]);
    expect((await compactDocument(db, docId)).folded).toBe(3);
    expect(new Map(await loadAttribution(db, docId))).toEqual(
      new Map([
        [a.clientID, ada],
        [b.clientID, ben],
      ]),
    );
    expect(await listCheckpoints(db, docId)).toHaveLength(1);
  });

  it('loads every edit even when a compaction runs between its reads', async () => {
    const docId = `standard:${crypto.randomUUID()}`;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'folded ');
    await appendUpdates(db, [{ docId, update: updates[0]!, participantId: null }]);
    await compactDocument(db, docId);
    source.getText('t').insert(7, 'and logged');
    await appendUpdates(db, [{ docId, update: updates[1]!, participantId: null }]);
    // Another node compacts the document right after the loader's first read.
    let reads = 0;
    const racing: Queryable = {
      query: async <Row>(sql: string, params?: readonly unknown[]) => {
        const rows = await db.query<Row>(sql, params);
        if (reads++ === 0) expect((await compactDocument(db, docId)).folded).toBe(1);
        return rows;
      },
    };
    const loaded = await loadDocument(racing, docId);
    expect(replay(loaded.snapshot, loaded.updates).getText('t').toString()).toBe('folded and logged');
  });

  describe('values larger than a read piece', () => {
    const PIECE = 1000;
    /** A document whose one logged update is several pieces long. */
    const longDocument = async () => {
      const docId = `standard:${crypto.randomUUID()}`;
      const source = new Y.Doc();
      source.on('update', (update: Uint8Array) => void appendUpdates(db, [{ docId, update, participantId: null }]));
      source.getText('t').insert(0, 'long '.repeat(700));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await db.query('SELECT 1'); // the append above has run by now: queries are served in order
      return { docId, source, text: () => source.getText('t').toString() };
    };
    /** Runs `meanwhile` once, after the first query whose SQL contains `marker`. */
    const interrupted = (marker: string, meanwhile: () => Promise<unknown>) => {
      const seen: string[] = [];
      let done = false;
      const queryable: Queryable = {
        query: async <Row>(sql: string, params?: readonly unknown[]) => {
          const rows = await db.query<Row>(sql, params);
          if (sql.includes(marker) && !done) {
            done = true;
            await meanwhile();
          }
          seen.push(sql);
          return rows;
        },
      };
      return { queryable, seen };
    };
    const textOf = (loaded: { snapshot: Uint8Array | null; updates: Uint8Array[] }) =>
      replay(loaded.snapshot, loaded.updates).getText('t').toString();

    it('reads a long log row and a long snapshot in pieces, exactly', async () => {
      const { docId, text } = await longDocument();
      const log = interrupted('substring(update', async () => {});
      expect(textOf(await loadDocument(log.queryable, docId, PIECE))).toBe(text());
      expect(log.seen.filter((sql) => sql.includes('substring(update')).length).toBeGreaterThanOrEqual(3);

      await compactDocument(db, docId);
      const snapshot = interrupted('substring(state', async () => {});
      expect(textOf(await loadDocument(snapshot.queryable, docId, PIECE))).toBe(text());
      expect(snapshot.seen.filter((sql) => sql.includes('substring(state')).length).toBeGreaterThanOrEqual(3);
    });

    it('takes a log row folded while it is read from the snapshot', async () => {
      const { docId, text } = await longDocument();
      const { queryable } = interrupted('substring(update', () => compactDocument(db, docId));
      expect(textOf(await loadDocument(queryable, docId, PIECE))).toBe(text());
    });

    it('reads a snapshot rewritten between its pieces again', async () => {
      const { docId, source, text } = await longDocument();
      await compactDocument(db, docId);
      const { queryable, seen } = interrupted('substring(state', async () => {
        source.getText('t').insert(0, 'Later: ');
        await new Promise((resolve) => setTimeout(resolve, 20));
        await compactDocument(db, docId);
      });
      expect(textOf(await loadDocument(queryable, docId, PIECE))).toBe(text());
      expect(text().startsWith('Later: ')).toBe(true);
      expect(seen.filter((sql) => sql.includes('xmin::text AS version')).length).toBe(2);
    });
  });

  it('round-trips binary exactly', async () => {
    const docId = `standard:${crypto.randomUUID()}`;
    const bytes = new Uint8Array(256).map((_, i) => i);
    await appendUpdates(db, [{ docId, update: bytes, participantId: null }]);
    const { updates } = await loadDocument(db, docId);
    expect(Array.from(updates[0]!)).toEqual(Array.from(bytes));
  });
}

await describeOnEngines('storage contract', storageContract);
