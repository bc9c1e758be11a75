import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanSitting, ProgrammeState } from '@moot/protocol';
import { randomUUID } from 'node:crypto';
import { createAssembly } from '../src/features/assemblies/assemblyStore.ts';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { MIGRATIONS, migrate } from '../src/storage/migrations.ts';
import { openPglite } from '../src/storage/pglite.ts';
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
import { followSession } from './support/sessionWatch.ts';

/** Keeps the latest `programme:state` a socket received (listening before it connects). */
function followProgramme(socket: MemberSocket | WatcherSocket) {
  const holder = { state: null as ProgrammeState | null };
  (socket as MemberSocket).on('programme:state', (state) => (holder.state = state));
  return holder;
}

const sitting = (over: Partial<PlanSitting> = {}): PlanSitting => ({
  title: 'Weekend 1, Saturday',
  date: '2030-06-01',
  startTime: '10:00',
  endTime: '16:00',
  place: 'both',
  roomName: 'Town hall',
  roomAddress: '1 High Street, Cardiff',
  onlineLink: 'https://meet.example.org/assembly',
  ...over,
});

describe('the programme: sittings planned ahead', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let member: MemberSocket;
  let observer: WatcherSocket;
  const views = {} as Record<'moderator' | 'member' | 'observer', { state: ProgrammeState | null }>;

  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    mod = (
      await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'), {
        listen: (s) => (views.moderator = followProgramme(s)),
      })
    ).socket;
    member = (
      await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'), {
        listen: (s) => (views.member = followProgramme(s)),
      })
    ).socket;
    observer = (await connectWatcher(running.url, seed.watchKey, (s) => (views.observer = followProgramme(s)))).socket;
  }, 180_000);
  afterAll(async () => {
    for (const s of [mod, member, observer]) s?.disconnect();
    await running?.close();
  });

  it('is sent on connection, empty, in the default time zone', async () => {
    for (const view of Object.values(views)) {
      await vi.waitFor(() => expect(view.state).not.toBeNull());
      expect(view.state).toEqual({ timeZone: 'Europe/London', currentId: null, sittings: [] });
    }
  });

  it('refuses a sitting that ends before it starts, a room without a name, online without a link, a bad zone', async () => {
    const refused = async (payload: unknown, message: RegExp, event = 'programme:plan') =>
      expect(
        await (mod as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(event, payload),
      ).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(message) } });
    await refused(sitting({ startTime: '16:00', endTime: '10:00' }), /endTime: A sitting must end after it starts/);
    await refused(sitting({ startTime: '10:00', endTime: '10:00' }), /must end after it starts/);
    await refused(sitting({ startTime: '25:00' }), /startTime: A time is written HH:MM/);
    await refused(sitting({ date: '2030-02-30' }), /date: A date is written YYYY-MM-DD/);
    await refused(sitting({ place: 'room', roomName: '' }), /roomName: Name the room/);
    await refused(sitting({ place: 'online', onlineLink: null }), /onlineLink: Give the link/);
    await refused(sitting({ onlineLink: 'javascript:alert(1)' }), /http\(s\) address/);
    await refused({ timeZone: 'Mars/Olympus' }, /Not a time zone/, 'programme:setTimeZone');
    expect(await member.emitWithAck('programme:plan', sitting())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await running.db.query('SELECT 1 FROM assembly_sessions')).length).toBe(0);
  });

  let first: string;
  let second: string;

  it('plans sittings across weekends, in date order, times in the assembly zone, no online link for observers', async () => {
    // Planned out of order: the programme is in date order whatever the order of planning.
    ({ sessionId: second } = acked(
      await mod.emitWithAck('programme:plan', sitting({ title: 'Weekend 2', date: '2030-06-08', place: 'online' })),
    ));
    ({ sessionId: first } = acked(await mod.emitWithAck('programme:plan', sitting({ title: 'Weekend 1' }))));
    for (const view of Object.values(views)) {
      await vi.waitFor(() => expect(view.state?.sittings).toHaveLength(2));
      expect(view.state!.sittings.map((s) => s.title)).toEqual(['Weekend 1', 'Weekend 2']);
      expect(view.state!.currentId).toBe(first);
    }
    const [one, two] = views.member.state!.sittings as [ProgrammeState['sittings'][0], ProgrammeState['sittings'][0]];
    // 10:00 in London in June is 09:00 UTC (summer time).
    expect(one.startsAt).toBe(Date.UTC(2030, 5, 1, 9, 0));
    expect(one.endsAt).toBe(Date.UTC(2030, 5, 1, 15, 0));
    expect(one).toMatchObject({
      status: 'planned',
      cancelled: false,
      place: {
        kind: 'both',
        roomName: 'Town hall',
        roomAddress: '1 High Street, Cardiff',
        onlineLink: 'https://meet.example.org/assembly',
      },
    });
    // Online only: the room's details are not kept.
    expect(two.place).toEqual({
      kind: 'online',
      roomName: null,
      roomAddress: null,
      onlineLink: 'https://meet.example.org/assembly',
    });
    expect(views.moderator.state).toEqual(views.member.state);
    // Observers: the same programme, without the link to join (members only) and naming nobody.
    const seen = views.observer.state!;
    expect(seen.sittings.map((s) => s.place?.onlineLink)).toEqual([null, null]);
    expect(JSON.stringify(seen)).not.toContain('meet.example.org');
    const ids = await running.db.query<{ id: string }>('SELECT id FROM participants');
    for (const { id } of ids) expect(JSON.stringify(seen)).not.toContain(id);
    expect({ ...seen, sittings: seen.sittings.map((s) => ({ ...s, place: { ...s.place, onlineLink: 'x' } })) }).toEqual(
      {
        ...views.member.state,
        sittings: views.member.state!.sittings.map((s) => ({ ...s, place: { ...s.place, onlineLink: 'x' } })),
      },
    );
  });

  it('plans agendas ahead, copies one sitting’s agenda to another, and refuses copying into itself', async () => {
    for (const [title, kind] of [
      ['Welcome', 'learn'],
      ['Evidence: housing', 'learn'],
      ['Small groups', 'deliberate'],
    ] as const) {
      acked(await mod.emitWithAck('agenda:add', { sessionId: second, title, kind, plannedMinutes: 30 }));
    }
    acked(
      await mod.emitWithAck('agenda:add', { sessionId: first, title: 'Opening', kind: 'learn', plannedMinutes: 15 }),
    );
    const { itemIds } = acked(
      await mod.emitWithAck('programme:copyAgenda', { sessionId: first, fromSessionId: second }),
    );
    expect(itemIds).toHaveLength(3);
    await vi.waitFor(() =>
      expect(views.observer.state?.sittings[0]!.agenda.map((i) => i.title)).toEqual([
        'Opening',
        'Welcome',
        'Evidence: housing',
        'Small groups',
      ]),
    );
    // A copy, not a move: the source keeps its items; the copies are new items, pending.
    expect(views.observer.state!.sittings[1]!.agenda).toHaveLength(3);
    expect(views.observer.state!.sittings[0]!.agenda.slice(1).map((i) => i.id)).toEqual(itemIds);
    expect(views.observer.state!.sittings[0]!.agenda.every((i) => i.status === 'pending')).toBe(true);
    expect(await mod.emitWithAck('programme:copyAgenda', { sessionId: first, fromSessionId: first })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/another sitting/) },
    });
  });

  it('edits a planned sitting: date, times and place; the programme re-orders', async () => {
    acked(
      await mod.emitWithAck('programme:edit', {
        sessionId: second,
        ...sitting({ title: 'Weekend 0', date: '2030-05-25', startTime: '09:30', endTime: '12:00', place: 'room' }),
      }),
    );
    await vi.waitFor(() => expect(views.member.state?.sittings[0]!.title).toBe('Weekend 0'));
    const moved = views.member.state!.sittings[0]!;
    expect(moved.id).toBe(second);
    expect(moved.startsAt).toBe(Date.UTC(2030, 4, 25, 8, 30));
    expect(moved.place).toEqual({
      kind: 'room',
      roomName: 'Town hall',
      roomAddress: '1 High Street, Cardiff',
      onlineLink: null,
    });
    expect(views.member.state!.currentId).toBe(second);
    expect(
      await mod.emitWithAck('programme:edit', { sessionId: second, ...sitting({ endTime: '09:00' }) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/end after it starts/) },
    });
  });

  it('reorders: two planned sittings swap their dates and times, keeping their places and agendas', async () => {
    const before = views.member.state!.sittings;
    const [earlier, later] = before as [ProgrammeState['sittings'][0], ProgrammeState['sittings'][0]];
    acked(await mod.emitWithAck('programme:swap', { sessionId: earlier.id, withSessionId: later.id }));
    await vi.waitFor(() => expect(views.observer.state?.sittings[0]!.id).toBe(later.id));
    const after = views.member.state!.sittings;
    expect(after.map((s) => [s.id, s.startsAt, s.endsAt])).toEqual([
      [later.id, earlier.startsAt, earlier.endsAt],
      [earlier.id, later.startsAt, later.endsAt],
    ]);
    expect(after.map((s) => [s.title, s.place, s.agenda.length])).toEqual(
      [later, earlier].map((s) => [s.title, s.place, s.agenda.length]),
    );
    expect(await mod.emitWithAck('programme:swap', { sessionId: later.id, withSessionId: later.id })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/another sitting/) },
    });
    // And back, so the next tests find the order they expect.
    acked(await mod.emitWithAck('programme:swap', { sessionId: earlier.id, withSessionId: later.id }));
    await vi.waitFor(() => expect(views.member.state?.sittings[0]!.id).toBe(earlier.id));
    expect(views.member.state!.currentId).toBe(earlier.id);
  });

  it('starting a planned sitting makes it current; a second live sitting is refused until the first ends', async () => {
    const sessionView = followSession(member);
    acked(await mod.emitWithAck('session:start', { sessionId: first }));
    await vi.waitFor(() => expect(views.member.state?.currentId).toBe(first));
    await vi.waitFor(() => expect(sessionView.state).toMatchObject({ id: first, status: 'live', title: 'Weekend 1' }));
    expect(views.observer.state!.sittings.find((s) => s.id === first)!.status).toBe('live');

    for (const attempt of [
      () => mod.emitWithAck('session:start', { sessionId: second }),
      () => mod.emitWithAck('agenda:next', { sessionId: second }),
    ]) {
      expect(await attempt()).toMatchObject({
        ok: false,
        error: {
          code: 'bad_request',
          message: expect.stringMatching(/Another sitting is live \(“Weekend 1”\)/),
          reason: { key: 'session.anotherLive', params: { title: 'Weekend 1' } },
        },
      });
    }
    const [{ live }] = (await running.db.query<{ live: number }>(
      `SELECT count(*)::integer AS live FROM assembly_sessions WHERE status = 'live'`,
    )) as [{ live: number }];
    expect(live).toBe(1);
    // Started, it is no longer planned: no edits, no cancelling, no agenda copied over it.
    for (const refused of [
      mod.emitWithAck('programme:edit', { sessionId: first, ...sitting() }),
      mod.emitWithAck('programme:cancel', { sessionId: first }),
      mod.emitWithAck('programme:copyAgenda', { sessionId: first, fromSessionId: second }),
      mod.emitWithAck('programme:swap', { sessionId: second, withSessionId: first }),
    ]) {
      expect(await refused).toMatchObject({
        ok: false,
        error: {
          code: 'bad_request',
          message: expect.stringMatching(/has started/),
          reason: { key: 'programme.sittingStarted' },
        },
      });
    }
    acked(await mod.emitWithAck('session:end', { sessionId: first }));
    acked(await mod.emitWithAck('session:start', { sessionId: second }));
    await vi.waitFor(() => expect(views.observer.state?.currentId).toBe(second));
    acked(await mod.emitWithAck('session:end', { sessionId: second }));
  });

  it('cancels a planned sitting: it stays in the programme, is never current and cannot start', async () => {
    const { sessionId: third } = acked(
      await mod.emitWithAck('programme:plan', sitting({ title: 'Weekend 3', date: '2030-06-15' })),
    );
    await vi.waitFor(() => expect(views.member.state?.currentId).toBe(third));
    acked(await mod.emitWithAck('programme:cancel', { sessionId: third }));
    await vi.waitFor(() => expect(views.member.state?.sittings.find((s) => s.id === third)?.cancelled).toBe(true));
    // Nothing planned is left: the current sitting is the last to end.
    expect(views.member.state!.currentId).toBe(second);
    expect(await mod.emitWithAck('session:start', { sessionId: third })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/cancelled/) },
    });
    expect(await mod.emitWithAck('programme:cancel', { sessionId: third })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/cancelled/) },
    });
  });

  it('plans in the assembly’s time zone once it is changed', async () => {
    acked(await mod.emitWithAck('programme:setTimeZone', { timeZone: 'America/New_York' }));
    await vi.waitFor(() => expect(views.observer.state?.timeZone).toBe('America/New_York'));
    const { sessionId } = acked(
      await mod.emitWithAck('programme:plan', sitting({ title: 'In New York', date: '2030-01-12' })),
    );
    await vi.waitFor(() => expect(views.member.state?.sittings.some((s) => s.id === sessionId)).toBe(true));
    // 10:00 in New York in January is 15:00 UTC.
    expect(views.member.state!.sittings.find((s) => s.id === sessionId)!.startsAt).toBe(Date.UTC(2030, 0, 12, 15));
    const audit = await running.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'programme.%' ORDER BY id`,
    );
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'programme.planned',
        'programme.agenda_copied',
        'programme.edited',
        'programme.swapped',
        'programme.cancelled',
        'programme.time_zone_set',
      ]),
    );
  });
});

describe('small groups, balanced and rotated between sittings', () => {
  let running: RunningApp;
  let mod: MemberSocket;
  const members: MemberSocket[] = [];
  let ids: string[];

  beforeAll(async () => {
    running = await startApp();
    const seed = await seedAssembly(running.db);
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    // Six members: three seeded, three more invited.
    const invites = [...seed.memberInvites];
    for (let i = 0; i < 3; i++)
      invites.push((await inviteParticipant(running.db, seed.assemblyId, 'member')).inviteSecret);
    for (const [i, invite] of invites.entries())
      members.push((await connectMember(running.url, await redeem(running.url, invite, `M${i}`))).socket);
    ids = (
      await running.db.query<{ id: string }>(
        `SELECT id FROM participants WHERE assembly_id = $1 AND role = 'member' ORDER BY seat`,
        [seed.assemblyId],
      )
    ).map((r) => r.id);
  }, 180_000);
  afterAll(async () => {
    for (const s of [mod, ...members]) s?.disconnect();
    await running?.close();
  });

  const pairsOf = (groups: string[][]) =>
    groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => [a, b].sort().join('+'))));

  it('meets new people in each of three sittings, shows the moderator repeat pairs, recounted after a move by hand', async () => {
    const view = followSession(mod);
    const memberView = followSession(members[0]!);
    const met = new Set<string>();
    for (const title of ['Saturday', 'Sunday', 'Next Saturday']) {
      const { sessionId } = acked(await mod.emitWithAck('session:create', { title }));
      acked(await mod.emitWithAck('session:start', { sessionId }));
      for (const m of members) acked(await m.emitWithAck('attendance:checkIn', { sessionId }));
      acked(await mod.emitWithAck('groups:form', { sessionId, count: 3, method: 'balanced' }));
      await vi.waitFor(() => expect(view.state?.id === sessionId && view.state.groupRepeats).toBeTruthy());
      const groups = view.state!.groups.filter((g) => !g.ended).map((g) => g.memberIds);
      expect(groups.flat().sort()).toEqual([...ids].sort());
      // Six people in pairs, three times: a split with no pair met before always exists, and is found.
      expect(view.state!.groupRepeats).toEqual({ count: 0, pairs: [] });
      for (const pair of pairsOf(groups)) {
        expect(met.has(pair), `${pair} met again`).toBe(false);
        met.add(pair);
      }
      if (title !== 'Next Saturday') acked(await mod.emitWithAck('session:end', { sessionId }));
    }
    // Members never get the repeat pairs.
    await vi.waitFor(() => expect(memberView.state?.title).toBe('Next Saturday'));
    expect(memberView.state!.groupRepeats).toBeNull();

    // A moderator moves someone by hand into a group with someone they met before: the pair shows.
    const state = view.state!;
    const groups = state.groups.filter((g) => !g.ended);
    const [mover] = groups[0]!.memberIds as [string];
    const target = groups.find((g) =>
      g.memberIds.some(
        (other) => met.has([mover, other].sort().join('+')) && other !== mover && !groups[0]!.memberIds.includes(other),
      ),
    )!;
    acked(await mod.emitWithAck('groups:move', { sessionId: state.id, participantId: mover, groupId: target.id }));
    await vi.waitFor(() => expect(view.state?.groupRepeats?.count).toBeGreaterThan(0));
    const shown = view.state!.groupRepeats!;
    expect(shown.count).toBe(shown.pairs.length);
    for (const pair of shown.pairs) {
      expect([pair.a, pair.b]).toContain(mover);
      expect(met.has([pair.a, pair.b].sort().join('+'))).toBe(true);
      expect(pair.times).toBe(1);
    }
    const audit = await running.db.query<{ detail: { grouping: string; seed: number } }>(
      `SELECT detail FROM audit_log WHERE action = 'groups.formed'`,
    );
    expect(audit.map((a) => a.detail.grouping)).toEqual(['balanced', 'balanced', 'balanced']);
    expect(audit.every((a) => Number.isInteger(a.detail.seed))).toBe(true);
  });
});

describe('the programme migration (12)', () => {
  it('leaves one live sitting per assembly (the newest) in a database that had two, and the zone London', async () => {
    const db = await openPglite();
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.id < 12),
      );
      const { assembly } = await createAssembly(db, { title: 'Old', charge: 'Why?' });
      const live = (title: string, at: string) =>
        db.query(
          `INSERT INTO assembly_sessions (id, assembly_id, title, status, created_at) VALUES ($1, $2, $3, 'live', $4)`,
          [randomUUID(), assembly.id, title, at],
        );
      await live('Older', '2026-01-01T10:00:00Z');
      await live('Newer', '2026-01-02T10:00:00Z');
      await migrate(db);
      const rows = await db.query<{ title: string; status: string }>(
        'SELECT title, status FROM assembly_sessions ORDER BY created_at',
      );
      expect(rows).toEqual([
        { title: 'Older', status: 'ended' },
        { title: 'Newer', status: 'live' },
      ]);
      const [{ timeZone }] = (await db.query<{ timeZone: string }>(
        'SELECT time_zone AS "timeZone" FROM assemblies',
      )) as [{ timeZone: string }];
      expect(timeZone).toBe('Europe/London');
      // The index refuses a second live sitting even if a command's check were raced past.
      await expect(db.query(`UPDATE assembly_sessions SET status = 'live' WHERE title = 'Older'`)).rejects.toThrow(
        /one_live_sitting/,
      );
    } finally {
      await db.close();
    }
  });
});
