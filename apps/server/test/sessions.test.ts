import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../src/storage/open.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  acked,
  startSession,
  type AssemblyInSession,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';
import { followSession } from './support/sessionWatch.ts';

describe('a live session', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let sessionId: string;

  let session: AssemblyInSession;

  beforeAll(async () => {
    // Not started: starting the first agenda item starts it.
    session = await startSession({
      names: ['Ada', 'Ben', 'Cy'],
      title: 'Session 1',
      start: false,
      turnLimitSeconds: 120,
    });
    ({ running, seed, mod, members, sessionId } = session);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('runs a timed agenda that members and observers follow, with the deadline on the server', async () => {
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const seen = followSession(watcher.socket);
    const member = followSession(members[0]!);
    const { itemId } = acked(
      await mod.emitWithAck('agenda:add', {
        sessionId,
        title: 'Honesty',
        kind: 'deliberate',
        plannedMinutes: 10,
        standardIds: [seed.standardId],
      }),
    );
    acked(await mod.emitWithAck('agenda:add', { sessionId, title: 'Break', kind: 'break', plannedMinutes: 5 }));
    // The role refusal carries its reason, for the page to word in the reader's language.
    expect(await members[0]!.emitWithAck('agenda:start', { itemId })).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        reason: { key: 'command.notForRole', params: { role: 'member', event: 'agenda:start' } },
      },
    });

    const before = Date.now();
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    await vi.waitFor(() => expect(seen.state?.currentItemId).toBe(itemId));
    const item = seen.state!.agenda.find((i) => i.id === itemId)!;
    expect(item.status).toBe('running');
    expect(item.standardIds).toEqual([seed.standardId]);
    expect(item.endsAt! - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(item.endsAt! - Date.now()).toBeLessThanOrEqual(10 * 60_000 + 1000);
    await vi.waitFor(() => expect(member.state?.currentItemId).toBe(itemId));
    expect(seen.state!.status).toBe('live');

    acked(await mod.emitWithAck('agenda:pause', { itemId }));
    await vi.waitFor(() => expect(seen.state!.agenda[0]!.status).toBe('paused'));
    const left = seen.state!.agenda[0]!.remainingMs!;
    expect(left).toBeGreaterThan(9 * 60_000);
    acked(await mod.emitWithAck('agenda:extend', { itemId, minutes: 2 }));
    await vi.waitFor(() => expect(seen.state!.agenda[0]!.remainingMs).toBeGreaterThan(left + 60_000));
    acked(await mod.emitWithAck('agenda:next', { sessionId }));
    await vi.waitFor(() => expect(seen.state!.agenda.map((i) => i.status)).toEqual(['done', 'running']));
    acked(await mod.emitWithAck('agenda:move', { itemId, toIndex: 1 }));
    await vi.waitFor(() => expect(seen.state!.agenda.map((i) => i.title)).toEqual(['Break', 'Honesty']));
    watcher.socket.disconnect();
  });

  it('orders the queue with points of process first, in plain and equity modes, and adds up speaking time', async () => {
    const view = followSession(mod);
    const [ada, ben, cy] = members as [MemberSocket, MemberSocket, MemberSocket];
    // Ada speaks first, so in equity mode she goes after those who have not spoken.
    acked(await ada.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    await vi.waitFor(() => expect(view.state?.turn?.name).toBe('Ada'));
    expect(await ben.emitWithAck('queue:endTurn', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: { key: 'floor.notYourTurn' } },
    });
    acked(await ada.emitWithAck('queue:endTurn', { sessionId }));
    await vi.waitFor(() => expect(view.state?.turn).toBeNull());

    acked(await ada.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await ben.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await cy.emitWithAck('queue:raise', { sessionId, kind: 'point_of_process' }));
    await vi.waitFor(() => expect(view.state?.queue.map((h) => h.name)).toEqual(['Cy', 'Ada', 'Ben']));
    acked(await mod.emitWithAck('session:configure', { sessionId, queueMode: 'equity' }));
    await vi.waitFor(() => expect(view.state?.queue.map((h) => h.name)).toEqual(['Cy', 'Ben', 'Ada']));

    // Speaking time survives reconnects: it is measured and stored on the server.
    const adaTurns = () => view.state!.equity!.rows.find((r) => r.name === 'Ada')!;
    const spokeBefore = adaTurns().spokenMsThisSession;
    acked(await mod.emitWithAck('queue:next', { sessionId, participantId: adaTurns().participantId }));
    await vi.waitFor(() => expect(view.state?.turn?.name).toBe('Ada'));
    ada.disconnect();
    members[0] = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'))).socket;
    acked(await mod.emitWithAck('queue:endTurn', { sessionId }));
    await vi.waitFor(() => {
      expect(adaTurns().turnsThisSession).toBe(2);
      expect(adaTurns().spokenMsThisSession).toBeGreaterThan(spokeBefore);
    });
    expect(view.state!.equity!.shareWhoSpoke).toBeCloseTo(1 / 3);
    expect(view.state!.equity!.gini).toBeGreaterThan(0.6);
  });

  it('shows each audience only what it may see', async () => {
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const observer = followSession(watcher.socket);
    const member = followSession(members[1]!);
    const adaId = (await running.db.query<{ id: string }>(`SELECT id FROM participants WHERE display_name = 'Ada'`))[0]!
      .id;
    const notices: unknown[] = [];
    members[0]!.on('moderation:notice', (n) => notices.push(n));
    acked(
      await mod.emitWithAck('moderation:mute', {
        participantId: adaId,
        minutes: 5,
        reason: { code: 'disruption', note: 'Ada kept interrupting' },
      }),
    );
    acked(await mod.emitWithAck('announcement:post', { text: 'Tea break at three' }));
    await vi.waitFor(() => expect(observer.state?.announcements.map((a) => a.text)).toEqual(['Tea break at three']));
    await vi.waitFor(() =>
      expect(notices).toEqual([
        expect.objectContaining({ action: 'mute', reason: 'disruption', note: 'Ada kept interrupting' }),
      ]),
    );
    const seenByObserver = JSON.stringify(observer.state);
    // Members are pseudonyms to the public; the moderator, a public figure, is named.
    for (const name of ['Ada', 'Ben', 'Cy']) expect(seenByObserver).not.toContain(`"${name}"`);
    expect(seenByObserver).not.toContain('interrupting');
    expect(observer.state!.moderationLog[0]).toMatchObject({ action: 'mute', reason: 'disruption', note: null });
    expect(observer.state!.equity).toBeNull();
    await vi.waitFor(() => expect(member.state?.moderationLog[0]?.note).toBe('Ada kept interrupting'));
    expect(member.state!.equity).toBeNull();
    expect(member.state!.attendees.find((a) => a.name === 'Ada')?.mutedUntil).toBeGreaterThan(Date.now());
    acked(await mod.emitWithAck('moderation:unmute', { participantId: adaId }));
    watcher.socket.disconnect();
  });

  it('refuses a muted member’s edits and raised hand until the mute ends', async () => {
    const ada = members[0]!;
    const adaId = (await running.db.query<{ id: string }>(`SELECT id FROM participants WHERE display_name = 'Ada'`))[0]!
      .id;
    const editor = new CollabClient(ada, seed.docId);
    await editor.open();
    acked(
      await mod.emitWithAck('moderation:mute', { participantId: adaId, minutes: 10, reason: { code: 'off_topic' } }),
    );
    // A mute is refused as a mute (`muted`), not as something the member's role forbids.
    expect(await ada.emitWithAck('queue:raise', { sessionId, kind: 'new_point' })).toMatchObject({
      ok: false,
      error: { code: 'muted', message: expect.stringMatching(/muted you/), reason: { key: 'moderation.muted' } },
    });
    expect(await ada.emitWithAck('comment:post', { standardId: seed.standardId, text: 'While muted' })).toMatchObject({
      ok: false,
      error: { code: 'muted' },
    });
    const live = await running.app.context.documents.open(seed.docId);
    const before = live.doc.getText('t').toString();
    editor.edit('muted words');
    await vi.waitFor(() => expect(editor.refusals.map((r) => r.code)).toContain('muted'));
    expect(live.doc.getText('t').toString()).toBe(before);
    // The mute runs out.
    await running.db.query(`UPDATE participants SET muted_until = now() - interval '1 second' WHERE id = $1`, [adaId]);
    running.app.context.silence.forget(adaId);
    acked(await ada.emitWithAck('queue:lower', { sessionId }));
    acked(await ada.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    // The refused words live only in the old client's copy; a fresh copy (as the browser reloads
    // after a refusal) edits again.
    editor.detach();
    await ada.emitWithAck('doc:close', { docId: seed.docId });
    const fresh = new CollabClient(ada, seed.docId);
    await fresh.open();
    await vi.waitFor(() => expect(fresh.text.toString()).toBe(before));
    fresh.edit(' allowed again');
    await vi.waitFor(() => expect(live.doc.getText('t').toString()).toContain('allowed again'));
    expect(live.doc.getText('t').toString()).not.toContain('muted words');
  });

  it('splits present members into balanced groups with private pads, then shares the notes', async () => {
    const view = followSession(mod);
    // Everyone present: the three members are checked in and connected.
    acked(await mod.emitWithAck('groups:form', { sessionId, count: 2 }));
    await vi.waitFor(() => expect(view.state?.groups.length).toBe(2));
    const groups = view.state!.groups;
    const memberIds = view.state!.attendees.filter((a) => a.role === 'member').map((a) => a.participantId);
    expect(groups.flatMap((g) => g.memberIds).sort()).toEqual([...memberIds].sort());
    expect(groups.map((g) => g.memberIds.length).sort()).toEqual([1, 2]);

    const ids = await running.db.query<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM participants`,
    );
    const socketOf = (participantId: string) =>
      members[['Ada', 'Ben', 'Cy'].indexOf(ids.find((p) => p.id === participantId)!.display_name)]!;
    const [first, second] = groups as [(typeof groups)[0], (typeof groups)[0]];
    const insider = socketOf(first.memberIds[0]!);
    const outsider = socketOf(second.memberIds[0]!);
    expect((await insider.emitWithAck('doc:open', { docId: first.padDocId })).ok).toBe(true);
    expect(await outsider.emitWithAck('doc:open', { docId: first.padDocId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const watcher = await connectWatcher(running.url, seed.watchKey);
    expect(await watcher.socket.emitWithAck('doc:open', { docId: first.padDocId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await mod.emitWithAck('doc:open', { docId: first.padDocId })).ok).toBe(true);

    acked(await mod.emitWithAck('groups:end', { sessionId }));
    await vi.waitFor(() => expect(view.state?.groups.every((g) => g.ended)).toBe(true));
    expect((await outsider.emitWithAck('doc:open', { docId: first.padDocId })).ok).toBe(true);
    expect((await watcher.socket.emitWithAck('doc:open', { docId: first.padDocId })).ok).toBe(true);
    watcher.socket.disconnect();
  });

  it('answers clock pings on both namespaces', async () => {
    const before = Date.now();
    const { serverTime } = acked(await members[1]!.emitWithAck('clock:ping', {}));
    expect(serverTime).toBeGreaterThanOrEqual(before);
    const watcher = await connectWatcher(running.url, seed.watchKey);
    expect(acked(await watcher.socket.emitWithAck('clock:ping', {})).serverTime).toBeGreaterThanOrEqual(before);
    watcher.socket.disconnect();
  });
});

describe('the session timer across a restart', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('shows the same deadline after the server restarts', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'moot-timer-'));
    dirs.push(dataDir);
    let db = await openDatabase({ dataDir });
    let running = await startApp({ db });
    const seed = await seedAssembly(db);
    const cookie = await redeem(running.url, seed.moderatorInvite, 'Mo');
    const mod = (await connectMember(running.url, cookie)).socket;
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Timed' }));
    const { itemId } = acked(
      await mod.emitWithAck('agenda:add', { sessionId, title: 'Learn', kind: 'learn', plannedMinutes: 15 }),
    );
    const view = followSession(mod);
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    await vi.waitFor(() => expect(view.state?.agenda[0]?.endsAt).toBeTypeOf('number'));
    const deadline = view.state!.agenda[0]!.endsAt;
    mod.disconnect();
    await running.close();
    await db.close();

    db = await openDatabase({ dataDir });
    running = await startApp({ db });
    let after: ReturnType<typeof followSession> | undefined;
    const again = (await connectMember(running.url, cookie, { listen: (s) => (after = followSession(s)) })).socket;
    await vi.waitFor(() => expect(after?.state?.agenda[0]?.endsAt).toBe(deadline));
    again.disconnect();
    await running.close();
    await db.close();
  });
});
