import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connect } from 'socket.io-client';
import { HTTP_ROUTES, LIMITS, NAMESPACES, PROTOCOL_VERSION, WATCH_KEY_HEADER, wireParser } from '@moot/protocol';
import { parseTrustProxy } from '../src/config.ts';
import { compileTrust } from '../src/http/clientAddress.ts';
import { inviteParticipant, reissueInvite } from '../src/features/identity/participantStore.ts';
import { connectMember, refusal, seedAssembly, startApp } from './support/harness.ts';
import { withQueryLog } from './support/queryLog.ts';
import { RawEngine } from './support/rawEngine.ts';
import { memoryDatabase } from './support/memoryDatabase.ts';

/** The per-address limits' clock, held still: no slot comes back unless the test moves it. */
function stoppedClock() {
  let ms = 0;
  return { now: () => ms, advance: (seconds: number) => (ms += seconds * 1000) };
}

const INVITE_LOOKUP = /p\.invite_hash = \$1/;
const WATCH_KEY_LOOKUP = /watch_key_hash = \$1/;
const LIVE_SECRETS = /SELECT invite_hash AS hash FROM participants/;

/** An app that believes X-Forwarded-For from loopback, as it would nginx's when TRUST_PROXY names it. */
async function behindProxy(options: { trustProxy?: false | string[] } = {}) {
  const database = await memoryDatabase();
  const log = withQueryLog(database);
  const clock = stoppedClock();
  const running = await startApp({
    db: log.db,
    trustProxy: ['loopback'],
    throttleClock: clock.now,
    // Summaries of unwritten denials come quickly here; the budgets themselves wait for the stopped clock.
    deniedSummaryWindowMs: 300,
    ...options,
  });
  const seed = await seedAssembly(database);
  const post = (route: string, body: unknown, from?: string) =>
    fetch(running.url + route, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
      body: JSON.stringify(body),
    });
  return {
    running,
    seed,
    log,
    clock,
    post,
    guess: (i: number, from?: string) =>
      post(HTTP_ROUTES.inspectInvite, { secret: `guess${String(i).padStart(17, '0')}` }, from),
    close: async () => {
      await running.close();
      await database.close();
    },
  };
}

type TestApp = Awaited<ReturnType<typeof behindProxy>>;
/** Two apps for the whole file (each test uses its own addresses): one behind a trusted proxy, one trusting none. */
let t: TestApp;
let untrusting: TestApp;
// Generous: on a busy machine opening a database and migrating it can take a while.
beforeAll(async () => {
  t = await behindProxy();
  untrusting = await behindProxy({ trustProxy: false });
}, 240_000);
afterAll(async () => {
  await t?.close();
  await untrusting?.close();
});

/** Redeems an invite as a browser behind the proxy at `from` would, and returns its session cookie. */
async function redeemFrom(app: TestApp, secret: string, from: string): Promise<string> {
  const response = await app.post(HTTP_ROUTES.redeemInvite, { secret, displayName: 'Dee' }, from);
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** The server's answers to handshakes on this connection from now on: CONNECT (type 0) or CONNECT_ERROR (type 4). */
function handshakeReplies(engine: RawEngine): { type: number; data?: { message?: string } }[] {
  const replies: { type: number; data?: { message?: string } }[] = [];
  const decoder = new wireParser.Decoder();
  decoder.on('decoded', (packet: { type: number; data?: { message?: string } }) => {
    if (packet.type === 0 || packet.type === 4) replies.push(packet);
  });
  engine.ws.on('message', (data: Buffer, isBinary: boolean) => isBinary && decoder.add(data));
  return replies;
}

describe('wrong secrets from one address', () => {
  it('stops a guesser with 429 and Retry-After while everyone at other addresses joins', async () => {
    const guesser = '203.0.113.9';
    for (let i = 0; i < LIMITS.secretFailureBurst; i++) {
      const response =
        i % 2
          ? await t.guess(i, guesser)
          : await t.post(
              HTTP_ROUTES.redeemInvite,
              { secret: `miss${String(i).padStart(18, '0')}`, displayName: 'G' },
              guesser,
            );
      expect(response.status).toBe(404);
    }
    const refused = await t.guess(999, guesser);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(Math.ceil(60 / LIMITS.secretFailuresPerMinute));
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Behind the same proxy, every other client has its own address and its own budget.
    const other = await t.post(
      HTTP_ROUTES.redeemInvite,
      { secret: t.seed.memberInvites[0], displayName: 'Ada' },
      '198.51.100.7',
    );
    expect(other.status).toBe(200);
  });

  it('looks up no more than the limit when 400 guesses arrive at once', async () => {
    const guesser = '203.0.113.40';
    const before = t.log.count(INVITE_LOOKUP);
    const statuses = (await Promise.all(Array.from({ length: 400 }, (_, i) => t.guess(i, guesser)))).map(
      (r) => r.status,
    );
    expect(t.log.count(INVITE_LOOKUP) - before).toBe(LIMITS.secretFailureBurst);
    expect(statuses.filter((s) => s === 404)).toHaveLength(LIMITS.secretFailureBurst);
    expect(statuses.filter((s) => s === 429)).toHaveLength(400 - LIMITS.secretFailureBurst);
  }, 120_000);

  it("never refuses a right secret at the guesser's address: invites, new invites, cookies and watch keys get in at once", async () => {
    const shared = '203.0.113.77'; // one NAT: a guesser and the hall's members
    await Promise.all(Array.from({ length: 100 }, (_, i) => t.guess(i, shared)));
    expect((await t.guess(100, shared)).status).toBe(429);
    // The guesser's address is out of tries, and the hall's members still get in without waiting.
    const joined = await t.post(
      HTTP_ROUTES.redeemInvite,
      { secret: t.seed.memberInvites[1], displayName: 'Bo' },
      shared,
    );
    expect(joined.status).toBe(200);
    const cookie = joined.headers.get('set-cookie')!.split(';')[0]!;
    // An invite issued after the address ran out (on any node: this one has never seen it) too.
    const late = await inviteParticipant(t.log.db, t.seed.assemblyId, 'member');
    expect((await t.post(HTTP_ROUTES.inspectInvite, { secret: late.inviteSecret }, shared)).status).toBe(200);
    // A session cookie and the watch key, on a download.
    const download = (headers: Record<string, string>) =>
      fetch(t.running.url + HTTP_ROUTES.charterJson, { headers: { 'x-forwarded-for': shared, ...headers } });
    expect((await download({ cookie })).status).toBe(200);
    expect((await download({ [WATCH_KEY_HEADER]: t.seed.watchKey })).status).toBe(200);
    // A re-issued invite's old secret opens nothing, and guesses stay refused without a look-up.
    const reissued = await inviteParticipant(t.log.db, t.seed.assemblyId, 'member');
    await reissueInvite(t.log.db, reissued.participant.id);
    expect((await t.post(HTTP_ROUTES.inspectInvite, { secret: reissued.inviteSecret }, shared)).status).not.toBe(200);
    const before = t.log.count(INVITE_LOOKUP);
    expect((await t.guess(5000, shared)).status).toBe(429);
    expect(t.log.count(INVITE_LOOKUP)).toBe(before);
  }, 120_000);

  it('reads the live secrets at most once per gap, however fast a blocked address guesses', async () => {
    const blocked = '203.0.113.88';
    await Promise.all(Array.from({ length: LIMITS.secretFailureBurst }, (_, i) => t.guess(i, blocked)));
    const before = t.log.count(LIVE_SECRETS);
    const started = Date.now();
    const statuses = (await Promise.all(Array.from({ length: 200 }, (_, i) => t.guess(1000 + i, blocked)))).map(
      (r) => r.status,
    );
    expect(statuses.every((status) => status === 429)).toBe(true);
    // Each guess waited for a read begun after it arrived, and reads are a second apart at least:
    // however slow the machine, 200 guesses cost one read per second they took, plus one.
    const reads = t.log.count(LIVE_SECRETS) - before;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000) + 1);
  }, 120_000);
});

describe('which address a request comes from (TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy (the default): rotating it escapes nothing', async () => {
    // The socket handshake counts the same address as HTTP: the peer, not the forged header.
    const engine = await RawEngine.open(untrusting.running.url, { 'x-forwarded-for': '192.0.2.55' });
    await engine.watch(untrusting.seed.watchKey);
    const [socket] = untrusting.running.app.context.watch.sockets.values();
    expect(socket?.data.address).toMatch(/127\.0\.0\.1$/);
    engine.close();
    for (let i = 0; i < LIMITS.secretFailureBurst; i++)
      expect((await untrusting.guess(i, `198.51.100.${i}`)).status).toBe(404);
    expect((await untrusting.guess(99, '192.0.2.1')).status).toBe(429);
  });

  it('takes the client from a trusted proxy: the address it appended, not what the client claimed before it', async () => {
    // nginx appends the address it saw; anything the client sent comes before it and is not believed.
    const engine = await RawEngine.open(t.running.url, { 'x-forwarded-for': '10.9.9.9, 192.0.2.56' });
    await engine.watch(t.seed.watchKey);
    const addresses = [...t.running.app.context.watch.sockets.values()].map((socket) => socket.data.address);
    expect(addresses).toContain('192.0.2.56');
    expect(addresses).not.toContain('10.9.9.9');
    engine.close();
  });
});

describe('handshakes and downloads per address', () => {
  it('refuses watch handshakes past the bound with rate_limited, before the key is looked up', async () => {
    const flooder = '203.0.113.50';
    const before = t.log.count(WATCH_KEY_LOOKUP);
    const handshake = (engine: RawEngine, watchKey: string) =>
      engine.packet({ type: 0, nsp: NAMESPACES.watch, data: { protocol: PROTOCOL_VERSION, watchKey } });
    // Most of the budget spent on handshakes that fail before any look-up (a malformed key)...
    const real = 10;
    const malformed = await RawEngine.open(t.running.url, { 'x-forwarded-for': flooder });
    const refusedKeys = handshakeReplies(malformed);
    for (let i = 0; i < LIMITS.handshakeBurst - real; i++) handshake(malformed, 'x');
    await vi.waitFor(() => expect(refusedKeys).toHaveLength(LIMITS.handshakeBurst - real));
    expect(new Set(refusedKeys.map((p) => p.data?.message))).toEqual(new Set(['unauthorized']));
    malformed.close();
    // ...the rest on the real watch link, each on a connection of its own: Socket.IO never answers
    // a handshake for a namespace its connection has already joined (sent on one connection, every
    // handshake read after the first join went unanswered, and the test waited out its bound)...
    const joined = await Promise.all(
      Array.from({ length: real }, async () => {
        const engine = await RawEngine.open(t.running.url, { 'x-forwarded-for': flooder });
        const replies = handshakeReplies(engine);
        handshake(engine, t.seed.watchKey);
        await vi.waitFor(() => expect(replies).toHaveLength(1));
        engine.close();
        return replies[0]!;
      }),
    );
    expect(joined.map((p) => p.type)).toEqual(Array(real).fill(0));
    expect(t.log.count(WATCH_KEY_LOOKUP) - before).toBe(real);
    // ...then 50 more that must not reach the database. None may join, so each is answered (a
    // wrongly admitted one would hush those after it: the wait ends on the first CONNECT too).
    const flood = await RawEngine.open(t.running.url, { 'x-forwarded-for': flooder });
    const refusedFlood = handshakeReplies(flood);
    for (let i = 0; i < 50; i++) handshake(flood, t.seed.watchKey);
    await vi.waitFor(() => expect(refusedFlood.length === 50 || refusedFlood.some((p) => p.type === 0)).toBe(true));
    expect(refusedFlood.map((p) => p.data?.message)).toEqual(Array(50).fill('rate_limited'));
    expect(t.log.count(WATCH_KEY_LOOKUP) - before).toBe(real);
    flood.close();
    // The same address is refused on a fresh connection too; another address is not.
    const again = connect(t.running.url + NAMESPACES.watch, {
      transports: ['websocket'],
      parser: wireParser,
      reconnection: false,
      forceNew: true,
      auth: { protocol: PROTOCOL_VERSION, watchKey: t.seed.watchKey },
      extraHeaders: { 'x-forwarded-for': flooder },
    });
    // The refusal says when to come back; the web client reconnects by itself then (handshakeRetry.ts).
    const refused = await refusal(again);
    expect(refused.data?.code).toBe('rate_limited');
    expect(refused.data?.retryAfterSeconds).toBeGreaterThan(0);
    again.disconnect();
    const other = await RawEngine.open(t.running.url, { 'x-forwarded-for': '198.51.100.50' });
    await other.watch(t.seed.watchKey);
    expect(t.log.count(WATCH_KEY_LOOKUP) - before).toBe(real + 1);
    other.close();
  });

  it('refuses downloads past the bound with 429 and Retry-After, before the key is looked up', async () => {
    const reader = '203.0.113.60';
    const before = t.log.count(WATCH_KEY_LOOKUP);
    const download = (from: string) =>
      fetch(t.running.url + HTTP_ROUTES.sessionsJson, {
        headers: { [WATCH_KEY_HEADER]: t.seed.watchKey, 'x-forwarded-for': from },
      });
    const responses = await Promise.all(Array.from({ length: LIMITS.exportBurst + 40 }, () => download(reader)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.exportBurst);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(t.log.count(WATCH_KEY_LOOKUP) - before).toBe(LIMITS.exportBurst);
    expect((await download('198.51.100.60')).status).toBe(200);
  }, 120_000);
});

describe('denials across reconnects', () => {
  const securityRows = async (assemblyId: string) =>
    t.running.db.query<{ action: string; detail: { count?: number } }>(
      "SELECT action, detail FROM audit_log WHERE assembly_id = $1 AND action LIKE 'security.%'",
      [assemblyId],
    );

  it('writes at most the budget of denied rows for 200 reconnects with one forbidden event each, and sums up the rest', async () => {
    const before = (await securityRows(t.seed.assemblyId)).filter((r) => r.action === 'security.denied').length;
    let stillOpen = 0;
    for (let i = 0; i < 200; i++) {
      // A different address each time: the watch link's own budget still holds.
      const engine = await RawEngine.open(t.running.url, { 'x-forwarded-for': `198.18.${i >> 8}.${i & 255}` });
      await engine.watch(t.seed.watchKey);
      engine.packet({ type: 2, nsp: NAMESPACES.watch, data: ['vote:cast', { voteId: 'x' }] });
      await engine.closed; // a crafted or forbidden packet: the server disconnects the sender
      if (engine.isOpen) stillOpen++;
    }
    expect(stillOpen).toBe(0);
    await vi.waitFor(
      async () => {
        const rows = await securityRows(t.seed.assemblyId);
        const denied = rows.filter((r) => r.action === 'security.denied').length - before;
        const suppressed = rows
          .filter((r) => r.action === 'security.denied_suppressed')
          .reduce((sum, r) => sum + (r.detail.count ?? 0), 0);
        expect(denied).toBe(LIMITS.auditedDenialBurst);
        expect(suppressed).toBe(200 - LIMITS.auditedDenialBurst);
      },
      { timeout: 60_000, interval: 200 },
    );
  }, 240_000);

  it('bounds one address across keys too, and disconnects a member who keeps sending what their role may not', async () => {
    const from = '203.0.113.99';
    const memberCookie = await redeemFrom(t, t.seed.memberInvites[0]!, from);
    const before = (await securityRows(t.seed.assemblyId)).filter((r) => r.action === 'security.denied').length;
    /** Sends what a member may not until the server hangs up; how many came back `forbidden`. */
    const refuseUntilDropped = async (cookie: string) => {
      const { socket } = await connectMember(t.running.url, cookie, { headers: { 'x-forwarded-for': from } });
      const gone = new Promise<null>((resolve) => socket.once('disconnect', () => resolve(null)));
      let forbidden = 0;
      for (let i = 0; i < LIMITS.auditedDenialBurst * 2; i++) {
        const ack = await Promise.race([socket.emitWithAck('roster:list', {}), gone]);
        if (ack === null) break;
        if (!ack.ok && ack.error.code === 'forbidden') forbidden++;
      }
      await gone;
      return forbidden;
    };
    expect(await refuseUntilDropped(memberCookie)).toBe(LIMITS.auditedDenialBurst);
    // Another member at the same address: its own key has room, the address has none.
    const other = await redeemFrom(t, t.seed.memberInvites[2]!, from);
    expect(await refuseUntilDropped(other)).toBe(0);
    const denied = (await securityRows(t.seed.assemblyId)).filter((r) => r.action === 'security.denied').length;
    expect(denied - before).toBe(LIMITS.auditedDenialBurst);
  }, 240_000);
});

describe("the compose cluster's proxy", () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
  const nginx = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');

  it('has the nodes trust nginx, at its fixed address, and nothing else', () => {
    const lb = /ipv4_address: ([\d.]+)/.exec(compose)?.[1];
    expect(lb).toBeDefined();
    expect([...compose.matchAll(/TRUST_PROXY: (\S+)/g)].map((m) => m[1])).toEqual([lb]);
    expect(() => compileTrust(parseTrustProxy(lb))).not.toThrow();
  });

  it('has nginx name the client it saw, never pass on what the client claimed, and keep /metrics in', () => {
    const proxied = nginx.match(/proxy_pass /g) ?? [];
    const forwarded = nginx.match(/proxy_set_header X-Forwarded-For \$remote_addr;/g) ?? [];
    expect(forwarded.length).toBe(proxied.length);
    expect(nginx).not.toMatch(/\$proxy_add_x_forwarded_for/);
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
  });
});
