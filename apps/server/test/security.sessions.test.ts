import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import WebSocket from 'ws';
import { HTTP_ROUTES, NAMESPACES, PROTOCOL_VERSION, wireParser } from '@moot/protocol';
import { changeRole, revokeParticipant } from '../src/features/identity/participantAccess.ts';
import {
  acked,
  connectMember,
  redeem,
  refusal,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

const EVIL = 'https://evil.example';

const participantNamed = async (running: RunningApp, name: string) =>
  (await running.db.query<{ id: string }>('SELECT id FROM participants WHERE display_name = $1', [name]))[0]!.id;
const disconnected = (socket: MemberSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('origins, cookies and live sessions', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let cookie: string;
  beforeAll(async () => {
    running = await startApp({ publicUrl: 'https://moot.example' });
    seed = await seedAssembly(running.db);
    cookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada');
  });
  afterAll(() => running.close());

  const socketWith = (origin: string) =>
    connect(running.url + NAMESPACES.assembly, {
      transports: ['websocket'],
      parser: wireParser,
      reconnection: false,
      forceNew: true,
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie, origin },
    });

  it('refuses a WebSocket handshake carrying a valid session cookie from a foreign origin', async () => {
    const socket = socketWith(EVIL);
    const error = await refusal(socket);
    expect(error.message).toMatch(/websocket error/);
    socket.disconnect();
    // Below Socket.IO too: engine.io refuses the upgrade itself, before any packet.
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${running.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
        headers: { cookie, origin: EVIL },
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(400);
  });

  it('refuses a long-polling handshake from a foreign origin too, and accepts the public origin', async () => {
    const foreign = await fetch(`${running.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { cookie, origin: EVIL },
    });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${running.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { cookie, origin: 'https://moot.example' },
    });
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/^0\{"sid":/);
  });

  it('accepts the public origin, the origin of the host reached, and non-browser clients', async () => {
    for (const origin of ['https://moot.example', running.url]) {
      const socket = socketWith(origin);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      socket.disconnect();
    }
    const { socket } = await connectMember(running.url, cookie);
    socket.disconnect();
  });

  it('refuses a cross-site POST (redeem, logout) with 403, before touching the session', async () => {
    const redeemed = await fetch(running.url + HTTP_ROUTES.redeemInvite, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: EVIL },
      body: JSON.stringify({ secret: seed.memberInvites[1], displayName: 'Mallory' }),
    });
    expect(redeemed.status).toBe(403);
    expect(await redeemed.json()).toMatchObject({ error: { code: 'forbidden' } });
    const logout = await fetch(running.url + HTTP_ROUTES.logout, { method: 'POST', headers: { cookie, origin: EVIL } });
    expect(logout.status).toBe(403);
    const { socket } = await connectMember(running.url, cookie); // the session still works
    socket.disconnect();
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and Secure when the request came over HTTPS', async () => {
    const redeemOver = (headers: Record<string, string>, url = running.url) =>
      fetch(url + HTTP_ROUTES.redeemInvite, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ secret: seed.memberInvites[2], displayName: 'Cy' }),
      }).then((r) => r.headers.get('set-cookie') ?? '');
    const plain = await redeemOver({});
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/Secure/i);
    // X-Forwarded-Proto from a peer that is not a trusted proxy is ignored...
    expect(await redeemOver({ 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/i);
    // ...and believed from a TLS-terminating proxy that TRUST_PROXY names.
    const proxied = await startApp({ db: running.db, trustProxy: ['loopback'] });
    expect(await redeemOver({ 'x-forwarded-proto': 'https' }, proxied.url)).toMatch(/;\s*Secure/i);
    await proxied.app.close();
    const configured = await startApp({ db: running.db, secureCookies: true });
    const forced = await fetch(configured.url + HTTP_ROUTES.redeemInvite, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: seed.memberInvites[2], displayName: 'Cy' }),
    });
    expect(forced.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    await configured.app.close();
  });

  it('logging out closes every socket of that session at once, and the cookie opens nothing more', async () => {
    const session = await redeem(running.url, seed.memberInvites[1]!, 'Ben');
    const other = await redeem(running.url, seed.memberInvites[1]!, 'Ben'); // the same member's second device
    const { socket } = await connectMember(running.url, session);
    const { socket: otherDevice } = await connectMember(running.url, other);
    const closed = disconnected(socket);
    await fetch(running.url + HTTP_ROUTES.logout, { method: 'POST', headers: { cookie: session } });
    expect(await closed).toBe('io server disconnect');
    expect(otherDevice.connected).toBe(true);
    await expect(connectMember(running.url, session)).rejects.toMatchObject({ message: 'unauthorized' });
    otherDevice.disconnect();
  });

  it('revoking a participant disconnects their sockets and refuses their cookie from then on', async () => {
    const { socket } = await connectMember(running.url, cookie);
    const closed = disconnected(socket);
    expect(
      await revokeParticipant(running.app.context, seed.assemblyId, await participantNamed(running, 'Ada'), null),
    ).toBe(true);
    expect(await closed).toBe('io server disconnect');
    await expect(connectMember(running.url, cookie)).rejects.toMatchObject({ message: 'unauthorized' });
    const [audit] = await running.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action = 'participant.revoked'`,
    );
    expect(audit).toBeDefined();
  });

  it('a moderator demoted while connected loses moderator powers at once, and comes back as a member', async () => {
    const modCookie = await redeem(running.url, seed.moderatorInvite, 'Mo');
    const { socket: mod } = await connectMember(running.url, modCookie);
    acked(await mod.emitWithAck('session:create', { title: 'Before' }));
    const closed = disconnected(mod);
    await changeRole(running.app.context, seed.assemblyId, await participantNamed(running, 'Mo'), 'member', null);
    expect(await closed).toBe('io server disconnect');
    // Whatever the old socket still sends goes nowhere: it is closed.
    expect(mod.connected).toBe(false);
    const { socket: again, snapshot } = await connectMember(running.url, modCookie);
    expect(snapshot.me?.role).toBe('member');
    expect(await again.emitWithAck('session:create', { title: 'After' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    again.disconnect();
  });
});
