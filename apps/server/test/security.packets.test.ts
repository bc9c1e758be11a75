import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NAMESPACES, wireParser } from '@moot/protocol';
import { assemblyRoom } from '../src/realtime/socketData.ts';
import {
  connectWatcher,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
  type WatcherSocket,
} from './support/harness.ts';
import { encode, mapWithKeys, RawEngine, RawMsgpack, rawEvent } from './support/rawEngine.ts';

const HONEST_CLIENTS = 50;
const watchNsp = NAMESPACES.watch;

/** The Socket.IO packets a raw connection received, decoded. */
function decoded(engine: RawEngine): { type: number; id?: number; data?: unknown }[] {
  const out: { type: number; id?: number; data?: unknown }[] = [];
  for (const frame of engine.frames) {
    if (typeof frame === 'string') continue;
    const decoder = new wireParser.Decoder();
    decoder.on('decoded', (p: { type: number; id?: number; data?: unknown }) => out.push(p));
    decoder.add(frame);
  }
  return out;
}

/**
 * Crafted frames below Socket.IO, over a bare WebSocket, while 50 honest observers receive a
 * broadcast every 20 ms. Frames that are not a packet, reserved or unknown event names and
 * prototype tricks disconnect the sender; well-framed packets with wrong types or extra fields get
 * a typed `bad_request`. The process never crashes, `Object.prototype` never changes, and the
 * honest observers miss nothing.
 */
describe('crafted Engine.IO / Socket.IO packets', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  const honest: WatcherSocket[] = [];
  const received: number[] = [];
  let sent = 0;
  let ticker: ReturnType<typeof setInterval>;

  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    for (let i = 0; i < HONEST_CLIENTS; i++) {
      const { socket } = await connectWatcher(running.url, seed.watchKey);
      received.push(0);
      (socket as unknown as { on(e: string, l: () => void): void }).on('probe', () => received[i]!++);
      honest.push(socket);
    }
    const room = running.app.context.watch.to(assemblyRoom(seed.assemblyId)) as unknown as {
      emit(e: string, n: number): void;
    };
    ticker = setInterval(() => room.emit('probe', ++sent), 20);
  });
  afterAll(async () => {
    clearInterval(ticker);
    for (const s of honest) s.disconnect();
    await running?.close();
  });

  const disconnecting: [string, (e: RawEngine) => void][] = [
    ['a text frame that is not msgpack', (e) => e.send('42["clock:ping",{"broken": ')],
    ['invalid JSON in the socket.io-parser text format', (e) => e.send('42[{"__proto__":')],
    [
      'a binary packet declaring a million attachments (text format)',
      (e) => e.send('451000000-["clock:ping",{"_placeholder":true,"num":999999}]'),
    ],
    ['binary garbage', (e) => e.send(Uint8Array.of(0xc1, 0xc1, 0xff, 0x00))],
    ['a msgpack array declaring 4 billion elements', (e) => e.send(Uint8Array.of(0xdd, 0xff, 0xff, 0xff, 0xff))],
    ['a msgpack map declaring 4 billion entries', (e) => e.send(Uint8Array.of(0xdf, 0xff, 0xff, 0xff, 0xff))],
    ['msgpack null', (e) => e.packet(null)],
    ['a number', (e) => e.packet(42)],
    ['an unknown packet type', (e) => e.packet({ type: 9, nsp: watchNsp, data: [] })],
    ['a namespace that is not a string', (e) => e.packet({ type: 2, nsp: 5, data: ['clock:ping', {}] })],
    ['event data that is not an array', (e) => e.packet({ type: 2, nsp: watchNsp, data: 'clock:ping' })],
    [
      'an ack id that is not an integer',
      (e) => e.packet({ type: 2, nsp: watchNsp, data: ['clock:ping', {}], id: 'x' }),
    ],
    ['an event name that is an object', (e) => e.packet({ type: 2, nsp: watchNsp, data: [{}, {}] })],
    ['the reserved event "disconnect"', (e) => e.packet({ type: 2, nsp: watchNsp, data: ['disconnect', 'forged'] })],
    ['the reserved event "error"', (e) => e.packet({ type: 2, nsp: watchNsp, data: ['error', { message: 'x' }] })],
    ['the event "__proto__"', (e) => e.packet({ type: 2, nsp: watchNsp, data: ['__proto__', {}] })],
    ['the event "constructor"', (e) => e.packet({ type: 2, nsp: watchNsp, data: ['constructor', {}] })],
    ['the event "newListener"', (e) => e.packet({ type: 2, nsp: watchNsp, data: ['newListener', 'x'] })],
    ['an event of the other namespace', (e) => e.packet({ type: 2, nsp: watchNsp, data: ['vote:cast', {}] })],
    [
      'a payload with "__proto__" as an own key',
      (e) =>
        e.send(
          rawEvent(watchNsp, 'clock:ping', [mapWithKeys([['__proto__', new RawMsgpack(encode({ polluted: true }))]])]),
        ),
    ],
    [
      'a nested "__proto__" in doc:open',
      (e) =>
        e.send(
          rawEvent(watchNsp, 'doc:open', [
            mapWithKeys([
              ['docId', new RawMsgpack(mapWithKeys([['__proto__', new RawMsgpack(encode({ isModerator: true }))]]))],
            ]),
          ]),
        ),
    ],
    [
      'a payload nested 1,000 levels deep',
      (e) => e.packet({ type: 2, nsp: watchNsp, data: ['clock:ping', deep(1000)] }),
    ],
  ];

  it.each(disconnecting)('disconnects the sender of %s, at once', async (_name, send) => {
    const engine = await RawEngine.open(running.url);
    await engine.watch(seed.watchKey);
    send(engine);
    const { code } = await engine.closed;
    expect(code).toBeGreaterThan(0);
  });

  const refused: [string, unknown[]][] = [
    ['wrong types', ['clock:ping', 'not an object']],
    ['extra fields', ['doc:open', { docId: 'standard:x', admin: true }]],
    ['"constructor.prototype" fields', ['clock:ping', { constructor: { prototype: { polluted: true } } }]],
    ['an absurd attachment count on a msgpack packet', ['clock:ping', { _placeholder: true, num: 1e9 }]],
  ];

  it.each(refused)('answers %s with a typed bad_request and keeps serving', async (_name, data) => {
    const engine = await RawEngine.open(running.url);
    await engine.watch(seed.watchKey);
    engine.packet({ type: 2, nsp: watchNsp, data, id: 7, attachments: 1_000_000 });
    await vi.waitFor(() => expect(decoded(engine).find((p) => p.type === 3 && p.id === 7)).toBeDefined());
    const ack = decoded(engine).find((p) => p.type === 3 && p.id === 7)!;
    expect(ack.data).toMatchObject([{ ok: false, error: { code: 'bad_request' } }]);
    expect(JSON.stringify(ack.data)).not.toMatch(/at .*\.ts:\d+/); // no stack
    expect(engine.isOpen).toBe(true);
    engine.close();
  });

  it('refuses a CONNECT to an unknown namespace with a CONNECT_ERROR', async () => {
    const engine = await RawEngine.open(running.url);
    engine.packet({ type: 0, nsp: '/admin', data: {} });
    await vi.waitFor(() => expect(decoded(engine).some((p) => p.type === 4)).toBe(true));
    engine.close();
  });

  it.each([
    ['an unknown session id', '?EIO=4&transport=websocket&sid=forged'],
    ['an unsupported protocol version', '?EIO=9&transport=websocket'],
    ['a long-poll for an unknown session id', '?EIO=4&transport=polling&sid=forged'],
    ['an unknown transport', '?EIO=4&transport=webtransport'],
    ['a malformed query', '?EIO=4&transport[]=websocket&transport[]=polling'],
  ])('refuses a handshake with %s', async (_name, query) => {
    const response = await fetch(`${running.url}/socket.io/${query}`);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('stayed up, unpolluted, and the 50 honest observers missed no broadcast', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isModerator).toBeUndefined();
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    clearInterval(ticker);
    const last = sent;
    expect(last).toBeGreaterThan(10);
    await vi.waitFor(() => expect(Math.min(...received)).toBe(last), { timeout: 5000 });
    expect(Math.max(...received)).toBe(last);
    expect(honest.every((s) => s.connected)).toBe(true);
  });
});

function deep(levels: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}
