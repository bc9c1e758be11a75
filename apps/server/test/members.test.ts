import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HTTP_ROUTES,
  invitePath,
  minutesPath,
  WATCH_KEY_HEADER,
  type ImportPreview,
  type IssuedCard,
  type MembersState,
} from '@moot/protocol';
import { inviteParticipant } from '../src/features/identity/participantStore.ts';
import { databaseFingerprint } from './support/fingerprint.ts';
import { memberAdminClient, organiserOf } from './support/organise.ts';
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

const bytes = (text: string) => new TextEncoder().encode(text);
type Admin = ReturnType<typeof memberAdminClient>;

/** Values no payload a member or observer receives may ever hold: every one is a contact detail or a demographic. */
const SECRET_VALUES = [
  'Quillon Zarathustra',
  'quillon@private.example',
  '07700 900123',
  '12 Hidden Lane',
  'Zz-Unpublished-Ethnicity',
  'Zz-Attitude-Sceptic',
];
const FILE = [
  'id,Name,Email,Phone,Postal address,Region,Ethnicity,Attitude,status',
  'R1,Quillon Zarathustra,quillon@private.example,07700 900123,12 Hidden Lane,North,Zz-Unpublished-Ethnicity,Zz-Attitude-Sceptic,',
  ...Array.from({ length: 7 }, (_, i) => `R${i + 2},Person ${i + 2},,,,${i < 5 ? 'North' : 'South'},Other,Neutral,`),
  'R9,Reserve Nine,,,,South,Other,Neutral,reserve',
].join('\n');

const post = (url: string, route: string, body: unknown) =>
  fetch(url + route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('members from the civic lottery', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let other: SeededAssembly;
  // The assembly's lead moderator steers sittings here; its organisers (`admin`) run its members.
  let mod: MemberSocket;
  let admin: Admin;
  let otherAdmin: Admin;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    other = await seedAssembly(running.db);
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    admin = memberAdminClient(
      running.url,
      await organiserOf(running.url, running.db, seed.assemblyId),
      seed.assemblyId,
    );
    otherAdmin = memberAdminClient(
      running.url,
      await organiserOf(running.url, running.db, other.assemblyId),
      other.assemblyId,
    );
  });
  afterAll(async () => {
    mod.disconnect();
    await running.close();
  });

  const preview = async (client: Admin, text: string): Promise<ImportPreview> =>
    acked(await client('members:preview', { csv: bytes(text) }));
  const importFile = async (client: Admin, text: string) => {
    const { previewHash } = await preview(client, text);
    return acked(await client('members:import', { csv: bytes(text), previewHash }));
  };
  const list = async (client: Admin = admin): Promise<MembersState> => acked(await client('members:list', {}));
  const byName = async (name: string, client: Admin = admin) =>
    (await list(client)).members.find((m) => m.name === name)!;

  it('previews without writing anything, and imports exactly what was previewed only on confirmation', async () => {
    const before = await databaseFingerprint(running);
    const shown = await preview(admin, FILE);
    expect(shown.fileProblems).toEqual([]);
    expect(shown.counts).toEqual({ add: 9, update: 0, unchanged: 0, left_out: 0 });
    expect(shown.columns.filter((c) => c.kind === 'demographic').map((c) => c.header)).toEqual([
      'Region',
      'Ethnicity',
      'Attitude',
    ]);
    expect(await databaseFingerprint(running)).toEqual(before);

    // A different file under the first file's hash is refused, and writes nothing.
    const changed = FILE.replace('Person 2', 'Person Two');
    expect(await admin('members:import', { csv: bytes(changed), previewHash: shown.previewHash })).toMatchObject({
      ok: false,
      error: { code: 'stale', reason: { key: 'member.importStale' } },
    });
    expect(await databaseFingerprint(running)).toEqual(before);

    expect(acked(await admin('members:import', { csv: bytes(FILE), previewHash: shown.previewHash }))).toEqual({
      added: 9,
      updated: 0,
      unchanged: 0,
      leftOut: 0,
    });
    const { members } = await list();
    expect(members).toHaveLength(9);
    expect(members.filter((m) => m.seat !== null)).toHaveLength(8);
    expect(members.find((m) => m.name === 'Reserve Nine')).toMatchObject({ status: 'reserve', seat: null });
    // The same hash cannot be replayed once the members it was computed against have changed.
    expect(await admin('members:import', { csv: bytes(FILE), previewHash: shown.previewHash })).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
  });

  it('leaves bad rows out with the reason, and a re-import updates members instead of duplicating them', async () => {
    const withBad = `${FILE}\nR10,,,,,North,Other,Neutral,\nR3,Person 3,,,,North,Other,Neutral,`;
    const shown = await preview(admin, withBad);
    expect(shown.counts).toEqual({ add: 0, update: 0, unchanged: 9, left_out: 2 });
    expect(shown.rows.filter((r) => r.action === 'left_out').map((r) => r.problems[0]!.code)).toEqual([
      'missing_name',
      'duplicate_row',
    ]);
    // Fixed: R10 named, the duplicate gone; R2 moved region; R8 not in the file any more.
    const fixed = FILE.replace('R2,Person 2,,,,North', 'R2,Person 2,,,,South')
      .split('\n')
      .filter((line) => !line.startsWith('R8,'))
      .concat('R10,Person Ten,,,,North,Other,Neutral,')
      .join('\n');
    const again = await preview(admin, fixed);
    expect(again.counts).toEqual({ add: 1, update: 1, unchanged: 7, left_out: 0 });
    expect(again.notInFile.map((m) => m.name)).toEqual(['Person 8']);
    await importFile(admin, fixed);
    const { members } = await list();
    expect(members).toHaveLength(10);
    expect(members.find((m) => m.name === 'Person 2')!.demographics.Region).toBe('South');
    // Not deleted: a member missing from the file stays until an organiser acts.
    expect(members.find((m) => m.name === 'Person 8')).toMatchObject({ status: 'selected' });
  });

  it('lets no seat administer members: moderator, facilitator, note-taker and member are refused every action, and nothing changes', async () => {
    const seats: [string, string][] = [['moderator', await redeem(running.url, seed.moderatorInvite, 'Mo')]];
    for (const role of ['facilitator', 'note_taker', 'member'] as const) {
      const { inviteSecret } = await inviteParticipant(running.db, seed.assemblyId, role);
      seats.push([role, await redeem(running.url, inviteSecret, role)]);
    }
    const someone = (await list()).members[0]!;
    const before = await databaseFingerprint(running);
    for (const [role, cookie] of seats) {
      // Over HTTP: a seat's session cookie opens none of the organisers' members routes.
      const asSeat = memberAdminClient(running.url, cookie, seed.assemblyId);
      const attempts = [
        asSeat('members:list', {}),
        asSeat('members:preview', { csv: bytes(FILE) }),
        asSeat('members:import', { csv: bytes(FILE), previewHash: '0'.repeat(64) }),
        asSeat('members:replace', { memberId: someone.memberId, replacementId: someone.memberId }),
        asSeat('members:setNeeds', { memberId: someone.memberId, needs: ['captions'], consent: 'given' }),
        asSeat('members:issueCards', { memberIds: [someone.memberId] }),
        asSeat('members:settings', { inviteDays: 5, publishedCategories: [], gapPoints: 5 }),
        asSeat('members:quotas', { csv: bytes('category,value,share\nRegion,North,1\n') }),
        asSeat('members:representation', { sessionId: null }),
      ];
      for (const answer of await Promise.all(attempts)) {
        expect(answer, role).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
      // Over the socket: the old member-admin events are no event at all; sending one ends the connection.
      const { socket } = await connectMember(running.url, cookie);
      const gone = new Promise((resolve) => socket.once('disconnect', resolve));
      (socket.emit as (event: string, payload: unknown) => void)('members:list', {});
      await gone;
    }
    expect(await databaseFingerprint(running)).toEqual(before);
  });

  it('matches a file without ids by exact name and contact details', async () => {
    const text = 'Name,Email,Region\nNoid Person,noid@example.org,North\n';
    await importFile(admin, text);
    expect((await preview(admin, 'Name,Email,Region\nNoid Person,NOID@example.org,South\n')).counts).toMatchObject({
      update: 1,
      add: 0,
    });
    expect((await preview(admin, 'Name,Email,Region\nNoid Person,other@example.org,South\n')).counts).toMatchObject({
      add: 1,
    });
  });

  it('replaces a member who dropped out by a reserve, keeping who replaced whom and what the dropped member did', async () => {
    const dropped = await byName('Person 4');
    const reserve = await byName('Reserve Nine');
    const [card] = acked(await admin('members:issueCards', { memberIds: [dropped.memberId] })).cards;
    const cookie = await redeem(running.url, card!.inviteSecret, 'Four');
    const { socket: four } = await connectMember(running.url, cookie);
    const { commentId } = acked(await four.emitWithAck('comment:post', { standardId: seed.standardId, text: 'Mine' }));
    const gone = new Promise((resolve) => four.once('disconnect', resolve));
    acked(await admin('members:replace', { memberId: dropped.memberId, replacementId: reserve.memberId }));
    await gone;
    const state = await list();
    expect(state.members.find((m) => m.memberId === dropped.memberId)).toMatchObject({ status: 'dropped' });
    expect(state.members.find((m) => m.memberId === reserve.memberId)!.seat).not.toBeNull();
    expect(state.replacements).toEqual([
      {
        droppedId: dropped.memberId,
        droppedName: 'Person 4',
        replacementId: reserve.memberId,
        replacementName: 'Reserve Nine',
        at: expect.any(String),
      },
    ]);
    const [comment] = await running.db.query<{ author_id: string }>('SELECT author_id FROM comments WHERE id = $1', [
      commentId,
    ]);
    const [participant] = await running.db.query<{ participant_id: string }>(
      'SELECT participant_id FROM members WHERE id = $1',
      [dropped.memberId],
    );
    expect(comment!.author_id).toBe(participant!.participant_id);
    // Their card stops working; they cannot be replaced twice, nor a selected member used as a reserve.
    expect((await post(running.url, HTTP_ROUTES.inspectInvite, { secret: card!.inviteSecret })).status).toBe(404);
    expect(
      await admin('members:replace', { memberId: dropped.memberId, replacementId: reserve.memberId }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it("refuses another assembly's member ids as if they did not exist", async () => {
    await importFile(otherAdmin, 'id,name,status\nX1,Other One,\nX2,Other Reserve,reserve\n');
    const theirs = (await list(otherAdmin)).members;
    const mine = await byName('Person 5');
    const before = await databaseFingerprint(running);
    for (const [event, payload] of [
      ['members:replace', { memberId: mine.memberId, replacementId: theirs[1]!.memberId }],
      ['members:replace', { memberId: theirs[0]!.memberId, replacementId: theirs[1]!.memberId }],
      ['members:setNeeds', { memberId: theirs[0]!.memberId, needs: ['captions'], consent: 'given' }],
      ['members:issueCards', { memberIds: [theirs[0]!.memberId] }],
      ['members:representation', { sessionId: other.assemblyId }],
    ] as const) {
      expect(await (admin as (e: string, p: unknown) => Promise<unknown>)(event, payload)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    expect(await databaseFingerprint(running)).toEqual(before);
  });

  it('records access needs only with consent, and honours language and large text on the member’s own screens', async () => {
    const member = await byName('Person 6');
    expect(
      await admin('members:setNeeds', { memberId: member.memberId, needs: ['welsh'], consent: 'withdrawn' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    acked(
      await admin('members:setNeeds', {
        memberId: member.memberId,
        needs: ['welsh', 'large_text', 'bsl_interpreter'],
        consent: 'given',
      }),
    );
    expect((await byName('Person 6')).needs).toEqual(['welsh', 'large_text', 'bsl_interpreter']);
    const [card] = acked(await admin('members:issueCards', { memberIds: [member.memberId] })).cards;
    const { socket } = await connectMember(running.url, await redeem(running.url, card!.inviteSecret, 'Six'));
    expect(acked(await socket.emitWithAck('members:myPreferences', {}))).toEqual({ language: 'cy', largeText: true });
    socket.disconnect();
  });

  describe('invite cards', () => {
    let card: IssuedCard;
    beforeAll(async () => {
      const member = await byName('Person 7');
      [card] = acked(await admin('members:issueCards', { memberIds: [member.memberId] })).cards as [IssuedCard];
    });

    it('carry a link and a 12-character typed code; either one joins, and the code forgives case and dashes', async () => {
      expect(card.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(invitePath(card.inviteSecret)).toBe(`/join#${card.inviteSecret}`);
      const inspected = await post(running.url, HTTP_ROUTES.inspectCode, { code: card.code.toLowerCase() });
      expect(inspected.status).toBe(200);
      expect(await inspected.json()).toMatchObject({ role: 'member', assembly: { id: seed.assemblyId } });
      const redeemed = await post(running.url, HTTP_ROUTES.redeemCode, {
        code: card.code.replace(/-/g, ' '),
        displayName: 'Seven',
      });
      expect(redeemed.status).toBe(200);
      expect(redeemed.headers.get('set-cookie')).toContain('moot_session=');
    });

    it('stop working, link and code, once re-issued (a lost card)', async () => {
      const [fresh] = acked(await admin('members:issueCards', { memberIds: [card.memberId] })).cards;
      expect((await post(running.url, HTTP_ROUTES.inspectCode, { code: card.code })).status).toBe(404);
      expect((await post(running.url, HTTP_ROUTES.inspectInvite, { secret: card.inviteSecret })).status).toBe(404);
      expect((await post(running.url, HTTP_ROUTES.inspectCode, { code: fresh!.code })).status).toBe(200);
      card = fresh!;
    });

    it('expire after the assembly’s chosen number of days, with a clear message', async () => {
      const settings = (await list()).settings;
      expect(settings.inviteDays).toBe(60);
      acked(await admin('members:settings', { ...settings, inviteDays: 3 }));
      const [short] = acked(await admin('members:issueCards', { memberIds: [card.memberId] })).cards;
      const days = (Date.parse(short!.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(2.9);
      expect(days).toBeLessThanOrEqual(3);
      // Three days pass (the database's clock is the judge).
      await running.db.query(
        `UPDATE participants SET invite_expires_at = now() - interval '1 second'
         WHERE id = (SELECT participant_id FROM members WHERE id = $1)`,
        [card.memberId],
      );
      for (const [route, body] of [
        [HTTP_ROUTES.inspectCode, { code: short!.code }],
        [HTTP_ROUTES.inspectInvite, { secret: short!.inviteSecret }],
        [HTTP_ROUTES.redeemCode, { code: short!.code, displayName: 'Late' }],
      ] as const) {
        const response = await post(running.url, route, body);
        expect(response.status).toBe(410);
        expect(await response.json()).toMatchObject({
          error: { code: 'expired', reason: { key: 'request.inviteExpired' } },
        });
      }
      acked(await admin('members:settings', { ...settings, inviteDays: 60 }));
    });
  });

  it('never lets a contact detail or an unpublished demographic reach a member, an observer or an export', async () => {
    const settings = (await list()).settings;
    acked(await admin('members:settings', { ...settings, publishedCategories: ['Region'] }));
    const quillon = await byName('Quillon Zarathustra');
    const [card] = acked(await admin('members:issueCards', { memberIds: [quillon.memberId] })).cards;
    const received: unknown[] = [];
    const inspected = await (await post(running.url, HTTP_ROUTES.inspectInvite, { secret: card!.inviteSecret })).json();
    const byCode = await (await post(running.url, HTTP_ROUTES.inspectCode, { code: card!.code })).json();
    const cookie = await redeem(running.url, card!.inviteSecret, 'Q');
    const { socket: member, snapshot } = await connectMember(running.url, cookie, {
      listen: (s) => s.onAny((...args) => received.push(args)),
    });
    let observer: WatcherSocket | null = null;
    const watched = await connectWatcher(running.url, seed.watchKey, (s) => s.onAny((...args) => received.push(args)));
    observer = watched.socket;
    // A sitting with attendance, so session state and minutes carry the members who came.
    const { sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Sitting one' }));
    acked(await mod.emitWithAck('session:start', { sessionId }));
    acked(await member.emitWithAck('attendance:checkIn', { sessionId }));
    const acks = [
      snapshot,
      watched.snapshot,
      inspected,
      byCode,
      acked(await member.emitWithAck('members:myPreferences', {})),
      acked(await observer.emitWithAck('members:published', {})),
    ];
    const published = acks.at(-1) as { categories: { category: string; values: unknown[] }[] };
    expect(published.categories.map((c) => c.category)).toEqual(['Region']);
    const session = await (await fetch(running.url + HTTP_ROUTES.session, { headers: { cookie } })).text();
    const exports: string[] = [session];
    for (const route of [
      HTTP_ROUTES.charterJson,
      HTTP_ROUTES.charterMarkdown,
      HTTP_ROUTES.auditJson,
      HTTP_ROUTES.auditMarkdown,
      HTTP_ROUTES.casesJson,
      HTTP_ROUTES.casesMarkdown,
      HTTP_ROUTES.sessionsJson,
      minutesPath('json', sessionId),
      minutesPath('md', sessionId),
      HTTP_ROUTES.reportJson,
      HTTP_ROUTES.reportMarkdown,
    ]) {
      for (const headers of [{ cookie }, { [WATCH_KEY_HEADER]: seed.watchKey }] as Record<string, string>[]) {
        const response = await fetch(running.url + route, { headers });
        expect(response.status, route).toBe(200);
        exports.push(await response.text());
      }
    }
    // Let the broadcasts the sitting caused arrive before reading what was received.
    await member.timeout(5000).emitWithAck('clock:ping', {});
    await observer.timeout(5000).emitWithAck('clock:ping', {});
    const everything = JSON.stringify([received, acks]) + exports.join('\n');
    expect(received.length).toBeGreaterThan(3);
    for (const value of SECRET_VALUES) expect(everything, value).not.toContain(value);
    expect(everything).not.toContain('Ethnicity');
    expect(everything).not.toContain('Attitude');
    member.disconnect();
    observer.disconnect();
  });

  it('publishes only chosen categories, with counts under 5 shown as "fewer than 5" (and one more hidden when one alone would be)', async () => {
    const { categories } = acked(
      await (await connectWatcher(running.url, seed.watchKey)).socket.emitWithAck('members:published', {}),
    );
    const region = categories.find((c) => c.category === 'Region')!;
    for (const value of region.values) if (value.count !== null) expect(value.count).toBeGreaterThanOrEqual(5);
    expect(region.values.filter((v) => v.count === null).length).not.toBe(1);
  });

  it('shows representativeness: targets, selected and present shares, and gaps past the threshold', async () => {
    const shown = acked(await admin('members:representation', { sessionId: null }));
    expect(shown.targetsFrom).toBe('selection');
    expect(shown.sitting?.title).toBe('Sitting one');
    expect(shown.presentCount).toBe(1);
    const north = shown.categories.find((c) => c.category === 'Region')!.values.find((v) => v.value === 'North')!;
    expect(north.present).toBe(1);
    expect(north.gap).not.toBeNull();
    const quotas = acked(
      await admin('members:quotas', {
        csv: bytes('category,value,share\nRegion,North,50%\nRegion,South,50%\n'),
      }),
    );
    expect(quotas.problems).toEqual([]);
    const withQuotas = acked(await admin('members:representation', { sessionId: null }));
    expect(withQuotas.targetsFrom).toBe('quotas');
    expect(withQuotas.categories.find((c) => c.category === 'Region')!.values.map((v) => v.target)).toEqual([0.5, 0.5]);
  });
});

describe('typed codes are guessed no faster than invite links', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('counts each wrong code against the address’s budget of failures (30), then answers 429 without looking', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await post(running.url, HTTP_ROUTES.inspectCode, {
        code: `AAAA-BBBB-${String(i).padStart(4, '0')}`,
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
