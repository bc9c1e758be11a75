import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES, PROTOCOL_VERSION, wireParser, type HttpError } from '@moot/protocol';
import { newSecret } from '../src/storage/secrets.ts';
import { redeem, refusal, seedAssembly, startApp, type RunningApp, type SeededAssembly } from './support/harness.ts';

describe('invites and sessions', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
  }, 180_000);
  afterAll(() => running.close());

  const post = (route: string, body: unknown) =>
    fetch(running.url + route, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('tells an invite apart from a wrong secret', async () => {
    const ok = await post(HTTP_ROUTES.inspectInvite, { secret: seed.memberInvites[0] });
    expect(await ok.json()).toMatchObject({
      role: 'member',
      displayName: null,
      assembly: { charge: 'What should leaders do?' },
    });
    const wrong = await post(HTTP_ROUTES.redeemInvite, { secret: newSecret(), displayName: 'Eve' });
    expect(wrong.status).toBe(404);
    expect(await wrong.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String), reason: { key: 'request.inviteNotValid' } },
    });
    const malformed = await post(HTTP_ROUTES.redeemInvite, { secret: '../../etc', displayName: '' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as HttpError).error.code).toBe('bad_request');
  });

  it('signs a second device into the same seat under the same name, never renaming the seat', async () => {
    const first = await redeem(running.url, seed.memberInvites[2]!, 'Cy');
    const again = await post(HTTP_ROUTES.redeemInvite, { secret: seed.memberInvites[2], displayName: 'Mallory' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ me: { displayName: 'Cy', role: 'member' } });
    const second = again.headers.get('set-cookie')!.split(';')[0]!;
    const [{ display_name } = { display_name: '' }] = await running.db.query<{ display_name: string }>(
      'SELECT display_name FROM participants WHERE assembly_id = $1 AND seat = 4',
      [seed.assemblyId],
    );
    expect(display_name).toBe('Cy');
    // Both devices hold the one seat: the same person, the same name.
    for (const cookie of [first, second]) {
      const session = await fetch(running.url + HTTP_ROUTES.session, { headers: { cookie } });
      expect(await session.json()).toMatchObject({ me: { displayName: 'Cy' } });
    }
    const inspected = await post(HTTP_ROUTES.inspectInvite, { secret: seed.memberInvites[2] });
    expect(await inspected.json()).toMatchObject({ displayName: 'Cy' });
  });

  it('sets an HttpOnly session cookie that opens the session and the socket', async () => {
    const response = await post(HTTP_ROUTES.redeemInvite, { secret: seed.memberInvites[1], displayName: '  Ben  ' });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    const session = await fetch(running.url + HTTP_ROUTES.session, { headers: { cookie } });
    expect(await session.json()).toMatchObject({ me: { displayName: 'Ben', role: 'member', seat: 3 } });
    const anonymous = await fetch(running.url + HTTP_ROUTES.session);
    expect(anonymous.status).toBe(401);
    await fetch(running.url + HTTP_ROUTES.logout, { method: 'POST', headers: { cookie } });
    expect((await fetch(running.url + HTTP_ROUTES.session, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a socket without a session, with a forged one, and from a stale client', async () => {
    const open = (auth: object, cookie?: string) =>
      connect(running.url, {
        transports: ['websocket'],
        parser: wireParser,
        forceNew: true,
        reconnection: false,
        auth,
        extraHeaders: cookie ? { cookie } : {},
      });
    expect((await refusal(open({ protocol: PROTOCOL_VERSION }))).data?.code).toBe('unauthorized');
    expect((await refusal(open({ protocol: PROTOCOL_VERSION }, `moot_session=${newSecret()}`))).data?.code).toBe(
      'unauthorized',
    );
    const cookie = await redeem(running.url, seed.memberInvites[2]!, 'Cy');
    expect((await refusal(open({ protocol: 0 }, cookie))).data?.code).toBe('protocol_mismatch');
  });

  it('answers errors as codes, never stacks', async () => {
    const response = await fetch(running.url + HTTP_ROUTES.redeemInvite, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"secret": ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('bad_request');
    expect(text).not.toMatch(/at .*\.ts/);
  });
});
