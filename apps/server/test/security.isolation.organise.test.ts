import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISE_ROUTES, SESSION_COOKIE, WATCH_KEY_HEADER } from '@moot/protocol';
import { databaseFingerprint } from './support/fingerprint.ts';
import { redeem, startApp, type RunningApp } from './support/harness.ts';
import { at, call, createOrganised, DETAILS, newOrganiser } from './support/organise.ts';

type Route = (typeof ORGANISE_ROUTES)[keyof typeof ORGANISE_ROUTES];

/**
 * How each organisers' route is called, and with which body (a valid one: a refusal must come
 * from who is asking, not from what was asked). A route added to `ORGANISE_ROUTES` and not here
 * fails the first test, so every route is walked from its first run.
 */
const CALLS: Record<Route, { method: 'GET' | 'POST'; body?: (seat: string) => unknown }[] | 'public'> = {
  [ORGANISE_ROUTES.open]: 'public',
  [ORGANISE_ROUTES.listed]: 'public',
  [ORGANISE_ROUTES.me]: [{ method: 'GET' }],
  [ORGANISE_ROUTES.logout]: 'public', // ends whatever session the cookie names; harmless without one
  [ORGANISE_ROUTES.assemblies]: [{ method: 'GET' }, { method: 'POST', body: () => DETAILS }],
  [ORGANISE_ROUTES.assembly]: [{ method: 'GET' }],
  [ORGANISE_ROUTES.edit]: [{ method: 'POST', body: () => ({ ...DETAILS, title: 'Hijacked' }) }],
  [ORGANISE_ROUTES.archive]: [{ method: 'POST', body: () => ({}) }],
  [ORGANISE_ROUTES.appoint]: [{ method: 'POST', body: () => ({ role: 'moderator' }) }],
  [ORGANISE_ROUTES.reissue]: [{ method: 'POST', body: (seat) => ({ participantId: seat }) }],
  [ORGANISE_ROUTES.revoke]: [{ method: 'POST', body: (seat) => ({ participantId: seat }) }],
  [ORGANISE_ROUTES.watchLink]: [{ method: 'POST', body: () => ({}) }],
  [ORGANISE_ROUTES.coOrganiserLink]: [{ method: 'POST', body: () => ({}) }],
};
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
  let memberCookie: string;
  let moderatorCookie: string;
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
  });
  afterAll(async () => running?.close());

  it('knows how to call every organisers’ route', () => {
    expect(ROUTES.filter((r) => !(r in CALLS))).toEqual([]);
  });

  it("organiser B reaches nothing of A's assembly: the same 404 as a made-up id, and nothing changes", async () => {
    const before = await databaseFingerprint(running);
    for (const route of perAssembly) {
      for (const { method, body } of CALLS[route] as Exclude<(typeof CALLS)[Route], 'public'>) {
        const ask = (id: string) =>
          call(running.url, method, at(route, id), { cookie: organiserB, body: body?.(seatA) });
        const foreign = await ask(assemblyA);
        const madeUp = await ask(randomUUID());
        expect(foreign.status, `${method} ${route}`).toBe(404);
        expect(foreign.body, `${method} ${route}`).toEqual(madeUp.body);
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

  it("a member's, a moderator's or an observer's credentials open no organisers' route", async () => {
    const before = await databaseFingerprint(running);
    const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);
    const credentials: [string, Record<string, string>][] = [
      ['member', { cookie: memberCookie }],
      ['moderator', { cookie: moderatorCookie }],
      ['observer', { [WATCH_KEY_HEADER]: watchKeyA }],
      // A participant's session token is no organiser session, whichever cookie carries it.
      ['moderator token as organiser cookie', { cookie: `moot_organiser=${tokenOf(moderatorCookie)}` }],
      ['nobody', {}],
    ];
    expect(moderatorCookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    for (const route of ROUTES) {
      const calls = CALLS[route];
      if (calls === 'public') continue;
      for (const { method, body } of calls) {
        for (const [who, headers] of credentials) {
          const answer = await call(running.url, method, at(route, assemblyA), { headers, body: body?.(seatA) });
          expect(answer.status, `${who}: ${method} ${route}`).toBe(401);
          expect(answer.body, `${who}: ${method} ${route}`).toMatchObject({ error: { code: 'unauthorized' } });
        }
      }
    }
    expect(await databaseFingerprint(running)).toEqual(before);
  });
});
