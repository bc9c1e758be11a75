import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { PERMISSIONS, type AssemblyClientEvent, type Role, type WatchClientEvent } from '@moot/protocol';
import { readAudit } from '../src/audit/auditLog.ts';
import { CollabClient } from './support/collabClient.ts';
import { databaseFingerprint, deniedEntries, documentBytes } from './support/fingerprint.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
  type WatcherSocket,
} from './support/harness.ts';
import { seat } from './support/staff.ts';
import { takeNarrowSeat } from './support/narrow.ts';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';

type Raw = { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };

/**
 * The callers of the walk: the five roles of the assembly (moderator, facilitator, note-taker,
 * member, observer), a member of *another* assembly, whose every command must land in their
 * own assembly and never touch this one, and the two narrow seats (a respondent, a leader).
 */
const CALLERS = [
  'moderator',
  'facilitator',
  'note_taker',
  'member',
  'observer',
  'stranger',
  'respondent',
  'leader',
] as const;
type Caller = (typeof CALLERS)[number];
const roleOf = (caller: Caller): Role => (caller === 'stranger' ? 'member' : caller);

/**
 * Walks the permissions table: every event, every caller. It reads the table at run time, so an
 * event added to the protocol later is walked without touching this file (and an event without
 * a row does not compile: `PERMISSIONS` must cover every client event).
 *
 * A payload no schema accepts is sent, so an allowed role gets `bad_request` (it passed the
 * permission check and was parsed) and a refused role gets `forbidden` (it never reached the
 * parser or the handler). Every cell is checked to change no database row and no byte of the
 * assembly's document; every refused cell to leave one `security.denied` audit entry. An
 * observer naming an event its namespace does not have is disconnected (a crafted packet),
 * also audited.
 */
describe('the permissions table, event by event and caller by caller', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let other: SeededAssembly;
  const sockets = {} as Record<Exclude<Caller, 'observer'>, MemberSocket>;
  let observer: WatcherSocket;
  beforeAll(async () => {
    // Every refused cell must leave its own entry: the walk is far past the denial budget, which
    // has its own tests (security.throttles.test.ts).
    running = await startApp({ auditedDenialBurst: 1_000_000 });
    seed = await seedAssembly(running.db);
    other = await seedAssembly(running.db);
    sockets.moderator = (
      await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))
    ).socket;
    sockets.member = (
      await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'))
    ).socket;
    sockets.stranger = (
      await connectMember(running.url, await redeem(running.url, other.memberInvites[0]!, 'Stranger'))
    ).socket;
    sockets.facilitator = (await seat(running, seed.assemblyId, 'facilitator', 'Fay')).socket;
    sockets.note_taker = (await seat(running, seed.assemblyId, 'note_taker', 'Nia')).socket;
    observer = (await connectWatcher(running.url, seed.watchKey)).socket;
    // The narrow seats: a respondent, and a leader of a case citing the standard (adopted for it).
    acked(
      await sockets.moderator.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['A warning'] }),
    );
    await running.db.transaction((tx) =>
      setStandardStatus(tx, seed.assemblyId, seed.standardId, ['drafting'], 'adopted'),
    );
    const { caseId } = acked(
      await sockets.moderator.emitWithAck('case:open', {
        respondent: { role: 'Director', name: null },
        standardIds: [seed.standardId],
        summary: 'What happened',
        evidence: [],
      }),
    );
    sockets.respondent = (
      await takeNarrowSeat(
        running,
        sockets.moderator.emitWithAck('respondent:invite', { body: 'Council' }),
        'accountability:state',
      )
    ).socket;
    sockets.leader = (
      await takeNarrowSeat(
        running,
        sockets.moderator.emitWithAck('leader:invite', { caseId, deadline: Date.now() + 86_400_000 }),
        'leader:state',
      )
    ).socket;
    await documentBytes(running, seed.docId);
  }, 240_000);
  afterAll(async () => {
    for (const socket of [...Object.values(sockets), observer]) socket.disconnect();
    await running.close();
  });

  // JSON.parse makes `__proto__` an own key, as a hostile client's payload would.
  const invalid = () => JSON.parse('{"unexpected": true, "__proto__": {"polluted": true}}') as object;
  // Socket.IO drops `__proto__` keys on its own side of the wire; a plain bad payload for the rest.
  const badPayload = { unexpected: true, docId: 42 };

  /** Runs one cell and proves it changed nothing in this assembly (or, refused, audited it). */
  const cell = async (caller: Caller, refused: boolean, send: () => Promise<void>) => {
    const auditedFor = caller === 'stranger' ? other.assemblyId : seed.assemblyId;
    const [rows, doc, denied] = [
      await databaseFingerprint(running),
      await documentBytes(running, seed.docId),
      (await deniedEntries(running, auditedFor)).length,
    ];
    await send();
    expect(await databaseFingerprint(running)).toEqual(rows);
    expect(await documentBytes(running, seed.docId)).toBe(doc);
    expect((await deniedEntries(running, auditedFor)).length).toBe(denied + (refused ? 1 : 0));
  };

  for (const caller of CALLERS) {
    for (const event of Object.keys(PERMISSIONS.assembly) as AssemblyClientEvent[]) {
      const role = roleOf(caller);
      const allowed = (PERMISSIONS.assembly[event] as readonly Role[]).includes(role);
      if (caller === 'observer') {
        if (event in PERMISSIONS.watch) continue; // walked with the watch namespace below
        it(`observer → ${event}: not in the watch namespace; disconnected, audited, nothing changed`, async () => {
          await cell('observer', true, async () => {
            const closed = new Promise<string>((resolve) => observer.once('disconnect', resolve));
            (observer as unknown as { emit(e: string, p: unknown): void }).emit(event, badPayload);
            expect(await closed).toBe('io server disconnect');
          });
          expect(await deniedEntries(running, seed.assemblyId)).toContain(event);
          observer = (await connectWatcher(running.url, seed.watchKey)).socket;
        });
        continue;
      }
      it(`${caller} → ${event}: ${allowed ? 'parsed' : 'forbidden, audited'}; nothing changed`, async () => {
        await cell(caller, !allowed, async () => {
          const ack = await (sockets[caller] as unknown as Raw).timeout(2000).emitWithAck(event, invalid());
          expect(ack).toMatchObject({ ok: false, error: { code: allowed ? 'bad_request' : 'forbidden' } });
        });
      });
    }
  }
  for (const event of Object.keys(PERMISSIONS.watch) as WatchClientEvent[]) {
    it(`observer → ${event} (watch namespace): parsed; nothing changed`, async () => {
      await cell('observer', false, async () => {
        const ack = await (observer as unknown as Raw).timeout(2000).emitWithAck(event, invalid());
        expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      });
    });
  }

  it('audits a refusal with who sent it, in which role', async () => {
    const entries = await running.db.query<{ actor_id: string; detail: { role: string } }>(
      `SELECT actor_id, detail FROM audit_log WHERE assembly_id = $1 AND action = 'security.denied'
       AND target = 'session:create' ORDER BY id`,
      [seed.assemblyId],
    );
    const idOf = async (name: string) =>
      (
        await running.db.query<{ id: string }>(
          `SELECT id FROM participants WHERE assembly_id = $1 AND display_name = $2`,
          [seed.assemblyId, name],
        )
      )[0]!.id;
    // Walked in CALLERS order: the facilitator, the note-taker, then the member (then the observer).
    expect(entries.slice(0, 3)).toMatchObject([
      { actor_id: await idOf('Fay'), detail: { role: 'facilitator' } },
      { actor_id: await idOf('Nia'), detail: { role: 'note_taker' } },
      { actor_id: await idOf('Ada'), detail: { role: 'member' } },
    ]);
    // For operators only: the assembly's public record does not show refusals.
    expect((await readAudit(running.db, seed.assemblyId)).map((e) => e.action)).not.toContain('security.denied');
  });

  it('leaves Object.prototype untouched', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rate-limits a socket that floods, with a typed error', async () => {
    const raw = sockets.member as unknown as Raw;
    const results = await Promise.all(
      Array.from({ length: 400 }, () => raw.timeout(5000).emitWithAck('doc:close', { docId: seed.docId })),
    );
    const codes = results.map((r) =>
      (r as { ok: boolean }).ok ? 'ok' : (r as { error: { code: string } }).error.code,
    );
    expect(codes).toContain('ok');
    expect(codes).toContain('rate_limited');
    expect(results.find((r) => !(r as { ok: boolean }).ok)).toMatchObject({
      error: { code: 'rate_limited', reason: { key: 'command.rateLimited' } },
    });
  });
});

/**
 * Every Yjs message type (sync step 1, step 2, update, awareness) from every caller. Writers'
 * edits land; a stranger's never reach this assembly's document; an observer's are crafted
 * packets on the watch namespace: disconnected, audited, and relayed to no one.
 */
describe('Yjs messages, type by type and caller by caller', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let other: SeededAssembly;
  const members = {} as Record<'moderator' | 'member' | 'stranger', MemberSocket>;
  let listener: CollabClient;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    other = await seedAssembly(running.db);
    members.moderator = (
      await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))
    ).socket;
    members.member = (
      await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'))
    ).socket;
    members.stranger = (
      await connectMember(running.url, await redeem(running.url, other.memberInvites[0]!, 'Stranger'))
    ).socket;
    const { socket } = await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Ben'));
    listener = new CollabClient(socket, seed.docId);
    await listener.open();
  });
  afterAll(async () => {
    for (const socket of [...Object.values(members), listener.socket]) socket.disconnect();
    await running.close();
  });

  /** A fresh, valid edit on top of the server's current document, framed as each message type. */
  const messages = async () => {
    const live = await running.app.context.documents.open(seed.docId);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(live.doc));
    const before = Y.encodeStateVector(writer);
    writer.getText('t').insert(0, 'x');
    const update = Y.encodeStateAsUpdate(writer, before);
    const frame = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      write(e);
      return encoding.toUint8Array(e);
    };
    const awareness = new awarenessProtocol.Awareness(writer);
    awareness.setLocalState({ cursor: 1 });
    return {
      'sync step 1': { event: 'doc:sync', edits: false, message: frame((e) => syncProtocol.writeSyncStep1(e, writer)) },
      'sync step 2': {
        event: 'doc:sync',
        edits: true,
        message: frame((e) => syncProtocol.writeSyncStep2(e, writer, before)),
      },
      update: { event: 'doc:sync', edits: true, message: frame((e) => syncProtocol.writeUpdate(e, update)) },
      awareness: {
        event: 'doc:awareness',
        edits: false,
        message: awarenessProtocol.encodeAwarenessUpdate(awareness, [writer.clientID]),
      },
    } as const;
  };
  const TYPES = ['sync step 1', 'sync step 2', 'update', 'awareness'] as const;
  const payload = (event: string, docId: string, message: Uint8Array) =>
    event === 'doc:sync' ? { docId, message } : { docId, update: message };

  for (const caller of ['moderator', 'member'] as const) {
    for (const type of TYPES) {
      it(`${caller} → ${type}: accepted${type.startsWith('sync step 2') || type === 'update' ? ', the document changes' : ''}`, async () => {
        acked(await members[caller].emitWithAck('doc:open', { docId: seed.docId }));
        const { event, edits, message } = (await messages())[type];
        const before = await documentBytes(running, seed.docId);
        const ack = await (members[caller] as unknown as Raw)
          .timeout(2000)
          .emitWithAck(event, payload(event, seed.docId, message));
        expect(ack).toMatchObject({ ok: true });
        expect((await documentBytes(running, seed.docId)) !== before).toBe(edits);
      });
    }
  }

  for (const type of TYPES) {
    it(`stranger → ${type}: cannot open or write the other assembly's document`, async () => {
      expect(await members.stranger.emitWithAck('doc:open', { docId: seed.docId })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      const { event, message } = (await messages())[type];
      const [rows, doc, relayed] = [
        await databaseFingerprint(running),
        await documentBytes(running, seed.docId),
        listener.received.length,
      ];
      const ack = await (members.stranger as unknown as Raw)
        .timeout(2000)
        .emitWithAck(event, payload(event, seed.docId, message));
      expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await databaseFingerprint(running)).toEqual(rows);
      expect(await documentBytes(running, seed.docId)).toBe(doc);
      expect(listener.received.length).toBe(relayed);
    });

    it(`observer → ${type}: disconnected and audited; the document and every other client untouched`, async () => {
      const { socket: observer } = await connectWatcher(running.url, seed.watchKey);
      expect(await observer.emitWithAck('doc:open', { docId: seed.docId })).toMatchObject({ ok: true });
      const { event, message } = (await messages())[type];
      const [rows, doc, relayed, denied] = [
        await databaseFingerprint(running),
        await documentBytes(running, seed.docId),
        listener.received.length,
        (await deniedEntries(running, seed.assemblyId)).length,
      ];
      const closed = new Promise<string>((resolve) => observer.once('disconnect', resolve));
      (observer as unknown as { emit(e: string, p: unknown): void }).emit(event, payload(event, seed.docId, message));
      expect(await closed).toBe('io server disconnect');
      expect(await databaseFingerprint(running)).toEqual(rows);
      expect(await documentBytes(running, seed.docId)).toBe(doc);
      expect(listener.received.length).toBe(relayed);
      expect(await deniedEntries(running, seed.assemblyId)).toHaveLength(denied + 1);
    });
  }
});
