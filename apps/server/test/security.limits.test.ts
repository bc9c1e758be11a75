import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIMITS, NAMESPACES } from '@moot/protocol';
import { assemblyRoom } from '../src/realtime/socketData.ts';
import { connectWatcher, seedAssembly, startApp, type RunningApp, type SeededAssembly } from './support/harness.ts';
import { RawEngine } from './support/rawEngine.ts';

const HANDSHAKE_DEADLINE_MS = 400;

describe('transport limits', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  // Generous: on a busy machine opening a database and migrating it can take a while.
  beforeAll(async () => {
    running = await startApp({ handshakeTimeoutMs: HANDSHAKE_DEADLINE_MS });
    seed = await seedAssembly(running.db);
  }, 240_000);
  afterAll(() => running.close());

  it('closes a WebSocket that sends a frame over the packet limit (1009), before it is buffered', async () => {
    const engine = await RawEngine.open(running.url);
    await engine.watch(seed.watchKey);
    engine.send(new Uint8Array(LIMITS.maxPacketBytes + 1));
    expect((await engine.closed).code).toBe(1009);
  });

  it('closes a connection that never authenticates by the handshake deadline', async () => {
    // The clock starts before the handshake, so it cannot start after the server's: on a busy
    // machine the open packet may take a while to arrive.
    const opened = performance.now();
    const engine = await RawEngine.open(running.url);
    const { at } = await engine.closed;
    expect(at - opened).toBeGreaterThanOrEqual(HANDSHAKE_DEADLINE_MS - 5); // timers keep whole milliseconds
    expect(at - opened).toBeLessThan(HANDSHAKE_DEADLINE_MS + 2000);
  });

  it('closes a connection whose authentication failed, by the same deadline', async () => {
    const engine = await RawEngine.open(running.url);
    engine.packet({ type: 0, nsp: NAMESPACES.watch, data: { protocol: 'x', watchKey: 'wrong' } });
    await vi.waitFor(() => expect(engine.frames.length).toBeGreaterThan(1)); // the CONNECT_ERROR
    await engine.closed;
  });

  it('cannot buffer data before it authenticates: an event before CONNECT closes it at once', async () => {
    const engine = await RawEngine.open(running.url);
    for (let i = 0; i < 1000; i++) engine.packet({ type: 2, nsp: NAMESPACES.watch, data: ['clock:ping', {}] });
    const { code } = await engine.closed;
    expect(code).toBeGreaterThan(0);
    expect(running.app.io.engine.clientsCount).toBe(0);
  });

  it('drops a consumer that stops reading instead of buffering for it without bound', async () => {
    const honest = await connectWatcher(running.url, seed.watchKey);
    let honestReceived = 0;
    (honest.socket as unknown as { on(e: string, l: () => void): void }).on('flood', () => honestReceived++);
    const slow = await RawEngine.open(running.url);
    await slow.watch(seed.watchKey);
    const clients = running.app.io.engine.clientsCount;
    // The slow client's TCP socket stops reading: the kernel buffers fill, then the server's would.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const room = running.app.context.watch.to(assemblyRoom(seed.assemblyId)) as unknown as {
      emit(e: string, b: Buffer): void;
    };
    const chunk = Buffer.alloc(64 * 1024, 1);
    let sent = 0;
    // At most 256 MiB: far beyond the limit plus any kernel buffer; it stops as soon as the slow one is dropped.
    while (running.app.io.engine.clientsCount === clients && sent < 4096) {
      for (let i = 0; i < 32; i++) room.emit('flood', chunk);
      sent += 32;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(running.app.io.engine.clientsCount).toBe(clients - 1);
    expect(sent * chunk.length).toBeLessThan(128 * 1024 * 1024);
    await vi.waitFor(() => expect(honestReceived).toBe(sent), { timeout: 10_000 });
    expect(honest.socket.connected).toBe(true);
    honest.socket.disconnect();
    slow.close();
  });

  it('lets one packet larger than the bound through to a consumer that keeps up', async () => {
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const received = new Promise<number>((resolve) =>
      (watcher.socket as unknown as { once(e: string, l: (b: ArrayBuffer) => void): void }).once('large', (b) =>
        resolve(b.byteLength),
      ),
    );
    const room = running.app.context.watch.to(assemblyRoom(seed.assemblyId)) as unknown as {
      emit(e: string, b: Buffer): void;
    };
    const size = LIMITS.maxUnsentBytesPerConnection + 1024 * 1024;
    room.emit('large', Buffer.alloc(size, 2));
    expect(await received).toBe(size);
    expect(watcher.socket.connected).toBe(true);
    watcher.socket.disconnect();
  });

  // A big document's first sync: the client reads it slowly, and the small packets behind it
  // (awareness, acknowledgements) must not count that one packet as a backlog. These tests wait
  // for what the server has done (a packet handed to the WebSocket, a client dropped), never for
  // a span of time, so a busy machine makes them slower, not wrong. The client's receipt of
  // everything is awaited with a generous bound.
  const pausedWatcher = async () => {
    const engine = await RawEngine.open(running.url);
    await engine.watch(seed.watchKey);
    const socket = (engine.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    // The server's side of this connection, by the session id of Engine.IO's open packet.
    const sid = (JSON.parse(String(engine.frames[0]).slice(1)) as { sid: string }).sid;
    const server = (running.app.io.engine as unknown as { clients: Record<string, { writeBuffer: unknown[] }> })
      .clients[sid]!;
    /** The large packet has left Engine.IO's queue for the WebSocket, where the paused client leaves it waiting. */
    const handedOver = () =>
      vi.waitFor(() => expect(server.writeBuffer).toHaveLength(0), { timeout: 120_000, interval: 20 });
    return { engine, resume: () => socket.resume(), handedOver };
  };
  const toWatchers = () =>
    running.app.context.watch.to(assemblyRoom(seed.assemblyId)) as unknown as { emit(e: string, b: Buffer): void };
  // Far beyond the bound plus what loopback's kernel buffers absorb, so it is surely still waiting.
  const large = LIMITS.maxUnsentBytesPerConnection + 32 * 1024 * 1024;

  it('keeps a client still reading one large packet while small ones queue behind it', async () => {
    const { engine, resume, handedOver } = await pausedWatcher();
    const clients = running.app.io.engine.clientsCount;
    toWatchers().emit('large', Buffer.alloc(large, 3));
    await handedOver();
    // Each is queued behind it (the drop decision is made as a packet is queued, so none is pending).
    for (let i = 0; i < 20; i++) toWatchers().emit('small', Buffer.alloc(1024, 4));
    expect(running.app.io.engine.clientsCount).toBe(clients);
    expect(engine.isOpen).toBe(true);
    resume();
    await vi.waitFor(() => expect(engine.frames.length).toBeGreaterThanOrEqual(3 + 21), {
      timeout: 120_000,
      interval: 50,
    });
    expect(engine.isOpen).toBe(true);
    engine.close();
  }, 300_000);

  it('drops a client with two large packets waiting once anything more is queued', async () => {
    const { engine, handedOver } = await pausedWatcher();
    const clients = running.app.io.engine.clientsCount;
    toWatchers().emit('large', Buffer.alloc(large, 3));
    await handedOver();
    toWatchers().emit('large', Buffer.alloc(large, 5));
    // The next packet of any size finds two large ones waiting: one is exempt, the other is not.
    await vi.waitFor(
      () => {
        if (running.app.io.engine.clientsCount === clients) toWatchers().emit('small', Buffer.alloc(1024, 4));
        expect(running.app.io.engine.clientsCount).toBe(clients - 1);
      },
      { timeout: 120_000, interval: 50 },
    );
    // The paused client would never read the server's close; end it here.
    engine.close();
  }, 300_000);
});
