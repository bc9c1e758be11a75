import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  HTTP_ROUTES,
  LIMITS,
  ORGANISE_ROUTES,
  PARTICIPANT_ROLES,
  type OrganisedAssemblyDetail,
  type OrganisedList,
} from '@moot/protocol';
import { firstOrganiserLink, reissueOrganiserLink } from '../src/features/organise/operatorLink.ts';
import { openDatabase } from '../src/storage/open.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  startApp,
  type MemberSocket,
  type RunningApp,
} from './support/harness.ts';
import { at, call, createOrganised, DETAILS, newOrganiser, openOrganiserLink } from './support/organise.ts';

const secretOf = (link: string) => link.slice(link.indexOf('#') + 1);

describe('organiser links', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running?.close());

  it('the first start gives the operator a link once; it opens an HttpOnly organiser session, and only once', async () => {
    const link = await firstOrganiserLink(running.db, running.url);
    expect(link).toMatch(/\/organise\/open#[A-Za-z0-9_-]{22}$/);
    expect(await firstOrganiserLink(running.db, running.url)).toBeNull(); // later starts print no link
    const opened = await call(running.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: secretOf(link!) } });
    expect(opened.status).toBe(200);
    expect(opened.setCookie).toMatch(/^moot_organiser=/);
    expect(opened.setCookie).toMatch(/HttpOnly/i);
    expect(opened.setCookie).toMatch(/SameSite=Strict/i);
    expect(opened.setCookie).toMatch(/Path=\/api\/organise/);
    const cookie = opened.setCookie!.split(';')[0]!;
    expect((await call(running.url, 'GET', ORGANISE_ROUTES.me, { cookie })).status).toBe(200);
    const again = await call(running.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: secretOf(link!) } });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { code: 'not_found' } });
    expect(again.setCookie).toBeNull();
  });

  it('re-issuing revokes the unused link before it; the new one works and reaches the same organiser', async () => {
    const first = await reissueOrganiserLink(running.db, running.url, false);
    const second = await reissueOrganiserLink(running.db, running.url, false);
    expect((await call(running.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: secretOf(first) } })).status).toBe(
      404,
    );
    const cookie = await openOrganiserLink(running.url, secretOf(second));
    const me = await call<{ me: { label: string } }>(running.url, 'GET', ORGANISE_ROUTES.me, { cookie });
    expect(me.body.me.label).toBe('Organiser 1'); // the operator, whose earlier link was used above
  });

  it('refuses a malformed link with a clear error, and a wrong one as not found', async () => {
    const bad = await call(running.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'bad_request', message: 'secret: Not a valid link' } });
    const wrong = await call(running.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: 'A'.repeat(22) } });
    expect(wrong.status).toBe(404);
  });

  it('wrong links run out the address’s budget (429), but a right organiser link and session still open', async () => {
    const own = await startApp();
    try {
      const cookie = await newOrganiser(own.url, own.db);
      const link = secretOf(await reissueOrganiserLink(own.db, own.url, true));
      let answer = await call(own.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: 'B'.repeat(22) } });
      for (let i = 0; answer.status === 404 && i < LIMITS.secretFailureBurst; i++) {
        answer = await call(own.url, 'POST', ORGANISE_ROUTES.open, {
          body: { secret: `${'C'.repeat(20)}${i}`.padEnd(22, 'x') },
        });
      }
      expect(answer.status).toBe(429);
      expect(answer.body).toMatchObject({
        error: {
          code: 'rate_limited',
          reason: { key: 'request.tooManyWrongLinks', params: { seconds: expect.any(Number) } },
        },
      });
      expect((await call(own.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: link } })).status).toBe(200);
      expect((await call(own.url, 'GET', ORGANISE_ROUTES.assemblies, { cookie })).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('logging out ends the session', async () => {
    const cookie = await newOrganiser(running.url, running.db);
    expect((await call(running.url, 'POST', ORGANISE_ROUTES.logout, { cookie })).status).toBe(204);
    expect((await call(running.url, 'GET', ORGANISE_ROUTES.assemblies, { cookie })).status).toBe(401);
  });
});

describe('the database holds only hashes of organiser secrets', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('a copy of the data directory contains no organiser link, session cookie or co-organiser link', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'moot-organise-'));
    dirs.push(dataDir);
    const db = await openDatabase({ dataDir });
    const running = await startApp({ db });
    const link = secretOf((await firstOrganiserLink(db, running.url))!);
    const opened = await call(running.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: link } });
    const cookie = opened.setCookie!.split(';')[0]!;
    const token = cookie.slice(cookie.indexOf('=') + 1);
    const { id } = await createOrganised(running.url, cookie);
    const co = await call<{ secret: string }>(running.url, 'POST', at(ORGANISE_ROUTES.coOrganiserLink, id), {
      cookie,
      body: {},
    });
    const unused = secretOf(await reissueOrganiserLink(db, running.url, false));
    await running.close();
    await db.close();
    const needles = [link, token, co.body.secret, unused];
    const forms = needles.flatMap((n) => [
      Buffer.from(n, 'utf8'),
      Buffer.from(n, 'base64url'),
      Buffer.from(Buffer.from(n, 'utf8').toString('hex')),
      Buffer.from(Buffer.from(n, 'base64url').toString('hex')),
    ]);
    const files = (await readdir(dataDir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = await readFile(path.join(file.parentPath, file.name));
      for (const form of forms) expect(bytes.includes(form), `${file.name} holds a raw secret`).toBe(false);
    }
  });
});

describe('organisers run assemblies', () => {
  let running: RunningApp;
  let organiser: string;
  const sockets: MemberSocket[] = [];
  beforeAll(async () => {
    running = await startApp();
    organiser = await newOrganiser(running.url, running.db);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await running?.close();
  });

  it('creates, lists and edits an assembly, and every change is audited', async () => {
    const { id, watchKey } = await createOrganised(running.url, organiser);
    expect(watchKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const list = await call<OrganisedList>(running.url, 'GET', ORGANISE_ROUTES.assemblies, { cookie: organiser });
    expect(list.body.assemblies.map((a) => a.id)).toContain(id);
    const edited = await call(running.url, 'POST', at(ORGANISE_ROUTES.edit, id), {
      cookie: organiser,
      body: { ...DETAILS, title: 'Assembly on Transport', languages: ['cy'], endsOn: null },
    });
    expect(edited.status).toBe(200);
    const detail = await call<OrganisedAssemblyDetail>(running.url, 'GET', at(ORGANISE_ROUTES.assembly, id), {
      cookie: organiser,
    });
    expect(detail.body.assembly).toMatchObject({
      title: 'Assembly on Transport',
      languages: ['cy'],
      startsOn: '2027-01-10',
      endsOn: null,
      commissionedBy: 'The Town Council',
      description: 'Thirty residents, chosen by lot.',
      listed: false,
      archived: false,
    });
    expect(detail.body.organisers).toHaveLength(1);
    const actions = await running.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE assembly_id = $1 ORDER BY id',
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual(['assembly.created', 'assembly.edited']);
  });

  it('appoints every participant role, shows the roster, re-issues and revokes invites', async () => {
    const { id } = await createOrganised(running.url, organiser);
    const invites: Record<string, string> = {};
    for (const role of PARTICIPANT_ROLES) {
      const appointed = await call<{ inviteSecret: string; entry: { participantId: string } }>(
        running.url,
        'POST',
        at(ORGANISE_ROUTES.appoint, id),
        { cookie: organiser, body: { role } },
      );
      expect(appointed.status, role).toBe(200);
      invites[role] = appointed.body.inviteSecret;
    }
    const detail = await call<OrganisedAssemblyDetail>(running.url, 'GET', at(ORGANISE_ROUTES.assembly, id), {
      cookie: organiser,
    });
    expect(detail.body.roster.map((e) => e.role)).toEqual([...PARTICIPANT_ROLES]);
    const member = detail.body.roster.find((e) => e.role === 'member')!;
    const reissued = await call<{ inviteSecret: string }>(running.url, 'POST', at(ORGANISE_ROUTES.reissue, id), {
      cookie: organiser,
      body: { participantId: member.participantId },
    });
    await expect(redeem(running.url, invites.member!, 'Old link')).rejects.toThrow(/404/);
    const memberCookie = await redeem(running.url, reissued.body.inviteSecret, 'Nia');
    const revoked = await call(running.url, 'POST', at(ORGANISE_ROUTES.revoke, id), {
      cookie: organiser,
      body: { participantId: member.participantId },
    });
    expect(revoked.status).toBe(200);
    expect((await fetch(running.url + HTTP_ROUTES.session, { headers: { cookie: memberCookie } })).status).toBe(401);
    const actions = await running.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE assembly_id = $1 ORDER BY id',
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'assembly.created',
      ...PARTICIPANT_ROLES.map(() => 'participant.appointed'),
      'participant.link_reissued',
      'invite.redeemed',
      'participant.revoked',
    ]);
  });

  it('a listed assembly is on the home page with a working watch link; an unlisted one is not; rotating replaces the link', async () => {
    const listed = await createOrganised(running.url, organiser, { title: 'Listed assembly', listed: true });
    const unlisted = await createOrganised(running.url, organiser, { title: 'Unlisted assembly' });
    const home = await call<{ assemblies: { id: string; watchKey: string }[] }>(
      running.url,
      'GET',
      ORGANISE_ROUTES.listed,
    );
    const shown = home.body.assemblies.find((a) => a.id === listed.id);
    expect(shown?.watchKey).toBe(listed.watchKey);
    expect(home.body.assemblies.some((a) => a.id === unlisted.id)).toBe(false);
    const watcher = await connectWatcher(running.url, listed.watchKey);
    expect(watcher.snapshot.assembly.title).toBe('Listed assembly');
    watcher.socket.disconnect();
    const rotated = await call<{ watchKey: string }>(running.url, 'POST', at(ORGANISE_ROUTES.watchLink, unlisted.id), {
      cookie: organiser,
      body: {},
    });
    expect(rotated.body.watchKey).not.toBe(unlisted.watchKey);
    await expect(connectWatcher(running.url, unlisted.watchKey)).rejects.toThrow();
    const fresh = await connectWatcher(running.url, rotated.body.watchKey);
    expect(fresh.snapshot.assembly.title).toBe('Unlisted assembly');
    fresh.socket.disconnect();
    // Listing it later issues a new public link, shown on the home page.
    const nowListed = await call<{ watchKey: string | null }>(
      running.url,
      'POST',
      at(ORGANISE_ROUTES.edit, unlisted.id),
      {
        cookie: organiser,
        body: { ...DETAILS, title: 'Unlisted assembly', listed: true },
      },
    );
    expect(nowListed.body.watchKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const after = await call<{ assemblies: { id: string; watchKey: string }[] }>(
      running.url,
      'GET',
      ORGANISE_ROUTES.listed,
    );
    expect(after.body.assemblies.find((a) => a.id === unlisted.id)?.watchKey).toBe(nowListed.body.watchKey);
  });

  it('an archived assembly refuses every command with `archived`, and stays readable', async () => {
    const { id, watchKey } = await createOrganised(running.url, organiser);
    const appointed = await call<{ inviteSecret: string }>(running.url, 'POST', at(ORGANISE_ROUTES.appoint, id), {
      cookie: organiser,
      body: { role: 'moderator' },
    });
    const modCookie = await redeem(running.url, appointed.body.inviteSecret, 'Mo');
    const mod = (await connectMember(running.url, modCookie)).socket;
    sockets.push(mod);
    const standard = acked(await mod.emitWithAck('standard:add', { title: 'Before the archive' }));
    const archived = await call(running.url, 'POST', at(ORGANISE_ROUTES.archive, id), { cookie: organiser, body: {} });
    expect(archived.status).toBe(200);

    const refused = await mod.emitWithAck('standard:add', { title: 'After the archive' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'archived', reason: { key: 'command.archived' } } });
    const session = await mod.emitWithAck('session:create', { title: 'After the archive' });
    expect(session).toMatchObject({ ok: false, error: { code: 'archived' } });
    const invite = await mod.emitWithAck('roster:invite', { role: 'member' });
    expect(invite).toMatchObject({ ok: false, error: { code: 'archived' } });
    // Reading still works: the roster, the document, the export and the watch page.
    acked(await mod.emitWithAck('roster:list', {}));
    acked(await mod.emitWithAck('doc:open', { docId: standard.docId }));
    // …but not writing: the document is locked once its assembly is archived.
    const edit = new Y.Doc();
    edit.getXmlFragment('text').insert(0, [new Y.XmlText('Written after the archive')]);
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(edit));
    const write = await mod.emitWithAck('doc:sync', { docId: standard.docId, message: encoding.toUint8Array(encoder) });
    expect(write).toMatchObject({ ok: false, error: { code: 'locked', reason: { key: 'document.locked' } } });
    const charter = await fetch(running.url + HTTP_ROUTES.charterJson, { headers: { cookie: modCookie } });
    expect(charter.status).toBe(200);
    expect(JSON.stringify(await charter.json())).toContain('Before the archive');
    const watcher = await connectWatcher(running.url, watchKey);
    watcher.socket.disconnect();

    for (const [route, body] of [
      [ORGANISE_ROUTES.edit, DETAILS],
      [ORGANISE_ROUTES.appoint, { role: 'member' }],
      [ORGANISE_ROUTES.archive, {}],
      [ORGANISE_ROUTES.coOrganiserLink, {}],
    ] as const) {
      const answer = await call(running.url, 'POST', at(route, id), { cookie: organiser, body });
      expect(answer.status, route).toBe(409);
      expect(answer.body, route).toMatchObject({ error: { code: 'archived', reason: { key: 'command.archived' } } });
    }
    const actions = await running.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE assembly_id = $1 AND action LIKE 'assembly.%' ORDER BY id",
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual(['assembly.created', 'assembly.archived']);
  });

  it('refuses bad details with a clear error and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...DETAILS, title: '  ' }, 'title: An assembly needs a title'],
      [{ ...DETAILS, charge: '' }, 'charge: An assembly needs a charge: the question it answers'],
      [{ ...DETAILS, title: 'x'.repeat(201) }, 'title: A title is at most 200 characters'],
      [{ ...DETAILS, languages: [] }, 'languages: Offer at least one language'],
      [{ ...DETAILS, languages: ['fr'] }, 'languages.0: Languages are en or cy'],
      [{ ...DETAILS, languages: ['en', 'en'] }, 'languages: Each language once'],
      [{ ...DETAILS, startsOn: '10/01/2027' }, 'startsOn: A date is written YYYY-MM-DD'],
      [{ ...DETAILS, startsOn: '2027-03-01', endsOn: '2027-02-01' }, 'endsOn: The end date is before the start date'],
      [{ ...DETAILS, listed: 'yes' }, 'listed: Invalid input: expected boolean, received string'],
      [{ ...DETAILS, extra: 1 }, 'Unrecognized key: "extra"'],
    ];
    const before = await call<OrganisedList>(running.url, 'GET', ORGANISE_ROUTES.assemblies, { cookie: organiser });
    for (const [body, message] of cases) {
      const answer = await call(running.url, 'POST', ORGANISE_ROUTES.assemblies, { cookie: organiser, body });
      expect(answer.status, message).toBe(400);
      expect(answer.body, message).toEqual({ error: { code: 'bad_request', message } });
    }
    const after = await call<OrganisedList>(running.url, 'GET', ORGANISE_ROUTES.assemblies, { cookie: organiser });
    expect(after.body.assemblies).toHaveLength(before.body.assemblies.length);

    const { id } = await createOrganised(running.url, organiser);
    const badRole = await call(running.url, 'POST', at(ORGANISE_ROUTES.appoint, id), {
      cookie: organiser,
      body: { role: 'observer' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body).toMatchObject({ error: { code: 'bad_request' } });
    const badId = await call(running.url, 'GET', at(ORGANISE_ROUTES.assembly, 'not-a-uuid'), { cookie: organiser });
    // The reason reaches the JSON body, for the page to word in its reader's language.
    expect(badId.body).toEqual({
      error: { code: 'bad_request', message: 'Not an assembly id', reason: { key: 'organise.notAnAssemblyId' } },
    });
    const badSeat = await call(running.url, 'POST', at(ORGANISE_ROUTES.revoke, id), {
      cookie: organiser,
      body: { participantId: crypto.randomUUID() },
    });
    expect(badSeat.status).toBe(404);
    expect(badSeat.body).toMatchObject({ error: { code: 'not_found', reason: { key: 'roster.seatNotFound' } } });
  });

  it('refuses a write from another site (the origin check)', async () => {
    const answer = await call(running.url, 'POST', ORGANISE_ROUTES.assemblies, {
      cookie: organiser,
      body: DETAILS,
      headers: { origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(403);
  });

  it('a co-organiser link adds whoever opens it to that assembly only, once', async () => {
    const { id } = await createOrganised(running.url, organiser, { title: 'Shared assembly' });
    const other = await createOrganised(running.url, organiser, { title: 'Not shared' });
    const co = await call<{ secret: string }>(running.url, 'POST', at(ORGANISE_ROUTES.coOrganiserLink, id), {
      cookie: organiser,
      body: {},
    });
    const colleague = await newOrganiser(running.url, running.db);
    const again = await openOrganiserLink(running.url, co.body.secret, colleague);
    const list = await call<OrganisedList>(running.url, 'GET', ORGANISE_ROUTES.assemblies, { cookie: again });
    expect(list.body.assemblies.map((a) => a.title)).toEqual(['Shared assembly']);
    expect((await call(running.url, 'GET', at(ORGANISE_ROUTES.assembly, other.id), { cookie: again })).status).toBe(
      404,
    );
    expect((await call(running.url, 'POST', ORGANISE_ROUTES.open, { body: { secret: co.body.secret } })).status).toBe(
      404,
    );
    const detail = await call<OrganisedAssemblyDetail>(running.url, 'GET', at(ORGANISE_ROUTES.assembly, id), {
      cookie: organiser,
    });
    expect(detail.body.organisers).toHaveLength(2);
  });
});
