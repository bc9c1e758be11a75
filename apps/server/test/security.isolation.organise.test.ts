import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_CONTENT_TYPE, ORGANISE_ROUTES, SESSION_COOKIE, WATCH_KEY_HEADER } from '@moot/protocol';
import { databaseFingerprint } from './support/fingerprint.ts';
import { acked, redeem, startApp, type RunningApp } from './support/harness.ts';
import { at, call, createOrganised, DETAILS, memberAdminClient, newOrganiser } from './support/organise.ts';

type Route = (typeof ORGANISE_ROUTES)[keyof typeof ORGANISE_ROUTES];

/**
 * How each organisers' route is called, and with which body (a valid one: a refusal must come
 * from who is asking, not from what was asked). A route added to `ORGANISE_ROUTES` and not here
 * fails the first test, so every route is walked from its first run.
 */
interface Ids {
  seat: string;
  member: string;
  reserve: string;
}
interface Call {
  method: 'GET' | 'POST';
  body?: (ids: Ids) => unknown;
  /** A CSV sent as the body (`text/csv`), with this query. */
  csv?: { text: string; query?: string };
}
const CSV = 'id,name,Region,status\nA1,Ada One,North,\nA2,Ada Two,South,reserve\n';
const CALLS: Record<Route, Call[] | 'public'> = {
  [ORGANISE_ROUTES.open]: 'public',
  [ORGANISE_ROUTES.listed]: 'public',
  [ORGANISE_ROUTES.me]: [{ method: 'GET' }],
  [ORGANISE_ROUTES.logout]: 'public', // ends whatever session the cookie names; harmless without one
  [ORGANISE_ROUTES.assemblies]: [{ method: 'GET' }, { method: 'POST', body: () => DETAILS }],
  [ORGANISE_ROUTES.assembly]: [{ method: 'GET' }],
  [ORGANISE_ROUTES.edit]: [{ method: 'POST', body: () => ({ ...DETAILS, title: 'Hijacked' }) }],
  [ORGANISE_ROUTES.archive]: [{ method: 'POST', body: () => ({}) }],
  [ORGANISE_ROUTES.appoint]: [{ method: 'POST', body: () => ({ role: 'moderator' }) }],
  [ORGANISE_ROUTES.reissue]: [{ method: 'POST', body: ({ seat }) => ({ participantId: seat }) }],
  [ORGANISE_ROUTES.revoke]: [{ method: 'POST', body: ({ seat }) => ({ participantId: seat }) }],
  [ORGANISE_ROUTES.watchLink]: [{ method: 'POST', body: () => ({}) }],
  [ORGANISE_ROUTES.coOrganiserLink]: [{ method: 'POST', body: () => ({}) }],
  [ORGANISE_ROUTES.members]: [{ method: 'GET' }],
  [ORGANISE_ROUTES.membersPreview]: [{ method: 'POST', csv: { text: CSV } }],
  [ORGANISE_ROUTES.membersImport]: [{ method: 'POST', csv: { text: CSV, query: `?previewHash=${'0'.repeat(64)}` } }],
  [ORGANISE_ROUTES.membersReplace]: [
    { method: 'POST', body: ({ member, reserve }) => ({ memberId: member, replacementId: reserve }) },
  ],
  [ORGANISE_ROUTES.membersNeeds]: [
    { method: 'POST', body: ({ member }) => ({ memberId: member, needs: ['captions'], consent: 'given' }) },
  ],
  [ORGANISE_ROUTES.membersCards]: [{ method: 'POST', body: ({ member }) => ({ memberIds: [member] }) }],
  [ORGANISE_ROUTES.membersSettings]: [
    { method: 'POST', body: () => ({ inviteDays: 3, publishedCategories: ['Region'], gapPoints: 5 }) },
  ],
  [ORGANISE_ROUTES.membersQuotas]: [{ method: 'POST', csv: { text: 'category,value,share\nRegion,North,1\n' } }],
  [ORGANISE_ROUTES.membersRepresentation]: [{ method: 'POST', body: () => ({ sessionId: null }) }],
  [ORGANISE_ROUTES.panelFile]: [{ method: 'POST', body: () => ({ caseNumber: 1 }) }],
};

/** One call of a route, for the assembly `id`, with what `auth` holds (a cookie or a watch key). */
const ask = (url: string, route: string, spec: Call, id: string, ids: Ids, auth: Record<string, string>) =>
  spec.csv
    ? fetch(url + at(route, id) + (spec.csv.query ?? ''), {
        method: 'POST',
        headers: { 'content-type': CSV_CONTENT_TYPE, ...auth },
        body: new TextEncoder().encode(spec.csv.text),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }))
    : call(url, spec.method, at(route, id), { headers: auth, body: spec.body?.(ids) });
const ROUTES = Object.values(ORGANISE_ROUTES);
const perAssembly = ROUTES.filter((r) => r.includes(':assemblyId'));

/**
 * Organiser B tries every route on organiser A's assembly (and A on B's seats); members,
 * moderators and observers of A try every organisers' route with what they hold. Each is refused
 * without a trace: B gets the very answer a made-up id gets, and no row of any table changes.
 */
describe('isolation of organisers and their assemblies', () => {
  let running: RunningApp;
  let organiserA: string;
  let organiserB: string;
  let assemblyA: string;
  let assemblyB: string;
  let seatA: string;
  let seatB: string;
  let idsA: Ids;
  let idsB: Ids;
  let memberCookie: string;
  let moderatorCookie: string;
  let facilitatorCookie: string;
  let noteTakerCookie: string;
  let watchKeyA: string;

  beforeAll(async () => {
    running = await startApp();
    organiserA = await newOrganiser(running.url, running.db);
    organiserB = await newOrganiser(running.url, running.db);
    ({ id: assemblyA, watchKey: watchKeyA } = await createOrganised(running.url, organiserA, { title: 'A' }));
    ({ id: assemblyB } = await createOrganised(running.url, organiserB, { title: 'B' }));
    const appoint = async (cookie: string, assemblyId: string, role: string) =>
      (
        await call<{ inviteSecret: string; entry: { participantId: string } }>(
          running.url,
          'POST',
          at(ORGANISE_ROUTES.appoint, assemblyId),
          { cookie, body: { role } },
        )
      ).body;
    const moderator = await appoint(organiserA, assemblyA, 'moderator');
    const member = await appoint(organiserA, assemblyA, 'member');
    seatA = member.entry.participantId;
    seatB = (await appoint(organiserB, assemblyB, 'member')).entry.participantId;
    moderatorCookie = await redeem(running.url, moderator.inviteSecret, 'Mo');
    memberCookie = await redeem(running.url, member.inviteSecret, 'Mem');
    facilitatorCookie = await redeem(
      running.url,
      (await appoint(organiserA, assemblyA, 'facilitator')).inviteSecret,
      'F',
    );
    noteTakerCookie = await redeem(running.url, (await appoint(organiserA, assemblyA, 'note_taker')).inviteSecret, 'N');
    // Each assembly's members from its lottery: one selected, one reserve.
    const membersOf = async (cookie: string, assemblyId: string, seat: string): Promise<Ids> => {
      const admin = memberAdminClient(running.url, cookie, assemblyId);
      const csv = new TextEncoder().encode(CSV);
      const { previewHash } = acked(await admin('members:preview', { csv }));
      acked(await admin('members:import', { csv, previewHash }));
      const { members } = acked(await admin('members:list', {}));
      const idOf = (status: string) => members.find((m) => m.status === status)!.memberId;
      return { seat, member: idOf('selected'), reserve: idOf('reserve') };
    };
    idsA = await membersOf(organiserA, assemblyA, seatA);
    idsB = await membersOf(organiserB, assemblyB, seatB);
  });
  afterAll(async () => running?.close());

  it('knows how to call every organisers’ route', () => {
    expect(ROUTES.filter((r) => !(r in CALLS))).toEqual([]);
  });

  it("organiser B reaches nothing of A's assembly: the same 404 as a made-up id, and nothing changes", async () => {
    const before = await databaseFingerprint(running);
    for (const route of perAssembly) {
      for (const spec of CALLS[route] as Call[]) {
        const asB = (id: string) => ask(running.url, route, spec, id, idsA, { cookie: organiserB });
        const foreign = await asB(assemblyA);
        const madeUp = await asB(randomUUID());
        expect(foreign.status, `${spec.method} ${route}`).toBe(404);
        expect(foreign.body, `${spec.method} ${route}`).toEqual(madeUp.body);
        expect(JSON.stringify(foreign.body)).not.toContain('A');
      }
    }
    expect(await databaseFingerprint(running)).toEqual(before);
    const listB = await call<{ assemblies: { id: string }[] }>(running.url, 'GET', ORGANISE_ROUTES.assemblies, {
      cookie: organiserB,
    });
    expect(listB.body.assemblies.map((a) => a.id)).toEqual([assemblyB]);
  });

  it("organiser A cannot name B's seats through A's own assembly", async () => {
    const before = await databaseFingerprint(running);
    for (const route of [ORGANISE_ROUTES.reissue, ORGANISE_ROUTES.revoke]) {
      const answer = await call(running.url, 'POST', at(route, assemblyA), {
        cookie: organiserA,
        body: { participantId: seatB },
      });
      expect(answer.status, route).toBe(404);
    }
    expect(await databaseFingerprint(running)).toEqual(before);
  });

  it("organiser A cannot name B's members through A's own assembly: the same 404 as a made-up member", async () => {
    const before = await databaseFingerprint(running);
    const admin = memberAdminClient(running.url, organiserA, assemblyA);
    const madeUp = randomUUID();
    for (const [foreign, invented] of [
      [
        admin('members:replace', { memberId: idsB.member, replacementId: idsA.reserve }),
        admin('members:replace', { memberId: madeUp, replacementId: idsA.reserve }),
      ],
      [
        admin('members:replace', { memberId: idsA.member, replacementId: idsB.reserve }),
        admin('members:replace', { memberId: idsA.member, replacementId: madeUp }),
      ],
      [
        admin('members:setNeeds', { memberId: idsB.member, needs: ['captions'], consent: 'given' }),
        admin('members:setNeeds', { memberId: madeUp, needs: ['captions'], consent: 'given' }),
      ],
      [admin('members:issueCards', { memberIds: [idsB.member] }), admin('members:issueCards', { memberIds: [madeUp] })],
    ] as const) {
      const [theirs, none] = await Promise.all([foreign, invented]);
      expect(theirs).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(theirs).toEqual(none);
    }
    expect(await databaseFingerprint(running)).toEqual(before);
  });

  it("a member's, a moderator's, a facilitator's, a note-taker's or an observer's credentials open no organisers' route (members' included)", async () => {
    const before = await databaseFingerprint(running);
    const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);
    const credentials: [string, Record<string, string>][] = [
      ['member', { cookie: memberCookie }],
      ['moderator', { cookie: moderatorCookie }],
      ['facilitator', { cookie: facilitatorCookie }],
      ['note-taker', { cookie: noteTakerCookie }],
      ['observer', { [WATCH_KEY_HEADER]: watchKeyA }],
      // A participant's session token is no organiser session, whichever cookie carries it.
      ['moderator token as organiser cookie', { cookie: `moot_organiser=${tokenOf(moderatorCookie)}` }],
      ['nobody', {}],
    ];
    expect(moderatorCookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    for (const route of ROUTES) {
      const calls = CALLS[route];
      if (calls === 'public') continue;
      for (const spec of calls) {
        for (const [who, headers] of credentials) {
          const answer = await ask(running.url, route, spec, assemblyA, idsA, headers);
          expect(answer.status, `${who}: ${spec.method} ${route}`).toBe(401);
          expect(answer.body, `${who}: ${spec.method} ${route}`).toMatchObject({ error: { code: 'unauthorized' } });
        }
      }
    }
    expect(await databaseFingerprint(running)).toEqual(before);
  });
});
