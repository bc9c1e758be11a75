import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Cadence } from '../src/realtime/observerStream.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
  type WatcherSocket,
} from './support/harness.ts';
import { RawEngine } from './support/rawEngine.ts';

const asBytes = (b: Uint8Array | ArrayBuffer) => (b instanceof Uint8Array ? b : new Uint8Array(b));

/** An observer's copy of one document, fed only by what the server sends, counting update messages. */
function observe(socket: WatcherSocket, docId: string) {
  const view = { doc: new Y.Doc(), updates: 0, synced: false, raw: [] as Uint8Array[] };
  view.doc.gc = false;
  socket.on('doc:sync', (m) => {
    if (m.docId !== docId) return;
    const message = asBytes(m.message);
    const type = syncProtocol.readSyncMessage(
      decoding.createDecoder(message),
      encoding.createEncoder(),
      view.doc,
      'server',
    );
    if (type === syncProtocol.messageYjsUpdate) {
      view.updates++;
      view.raw.push(message);
    } else view.synced = true;
  });
  return view;
}

/** The cadence never fires on its own: the test decides when observers' packets go (`flushAll`). */
const byHand: Cadence = { after: () => () => {}, now: () => 0 };

/** Every JSON line the app logs. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: 'warn' }, stream) };
}

describe('the public stream: observers get shared, coalesced packets', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  const log = capturedLog();
  beforeAll(async () => {
    running = await startApp({
      logger: log.logger,
      // A small bound, so a stuck observer passes it within what loopback's kernel buffers let through.
      observerStream: { cadence: byHand, maxUnsentBytes: 64 * 1024 },
    });
    seed = await seedAssembly(running.db);
  }, 240_000);
  afterAll(() => running.close());

  it('holds observers’ updates for the window while members get each at once, then sends one packet carrying all', async () => {
    const stream = running.app.observers;
    const ada = new CollabClient(
      (await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'))).socket,
      seed.docId,
    );
    const bo = new CollabClient(
      (await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Bo'))).socket,
      seed.docId,
    );
    await ada.open();
    await bo.open();
    const watchers = await Promise.all([
      connectWatcher(running.url, seed.watchKey),
      connectWatcher(running.url, seed.watchKey),
    ]);
    const views = watchers.map(({ socket }) => observe(socket, seed.docId));
    for (const { socket } of watchers)
      expect((await socket.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);
    await vi.waitFor(() => expect(views.every((v) => v.synced)).toBe(true));
    stream.flushAll(); // anything from the openings
    const before = { ...stream.stats };
    const boBefore = bo.received.length;

    for (const marker of ['one ', 'two ', 'three ', 'four ', 'five ']) ada.edit(marker);
    await vi.waitFor(() => expect(ada.acked).toHaveLength(5));
    // Members: five updates, each as it came, while observers' are still held for the window.
    await vi.waitFor(() => expect(bo.received.length - boBefore).toBe(5));
    expect(bo.text.toString()).toBe(ada.text.toString());
    expect(stream.pendingUpdates(seed.docId)).toBe(5);
    expect(views.map((v) => v.updates)).toEqual([0, 0]);

    stream.flushAll();
    await vi.waitFor(() => expect(views.map((v) => v.updates)).toEqual([1, 1]));
    // One packet carried all five, encoded once for both observers, and each converged exactly.
    for (const v of views) expect(v.doc.getText('t').toString()).toBe(ada.text.toString());
    expect(Buffer.compare(views[0]!.raw[0]!, views[1]!.raw[0]!)).toBe(0);
    expect(stream.stats.packetsEncoded - before.packetsEncoded).toBe(1);
    expect(stream.stats.deliveries - before.deliveries).toBe(2);
    expect(stream.stats.updatesCoalesced - before.updatesCoalesced).toBe(5);
    for (const { socket } of watchers) socket.disconnect();
    ada.socket.disconnect();
    bo.socket.disconnect();
  });

  it('sends observers the latest of each caret in the window, as one packet', async () => {
    const stream = running.app.observers;
    const ada = new CollabClient(
      (await connectMember(running.url, await redeem(running.url, seed.memberInvites[2]!, 'Cy'))).socket,
      seed.docId,
    );
    await ada.open();
    const { socket } = await connectWatcher(running.url, seed.watchKey);
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    let packets = 0;
    socket.on('doc:awareness', (m) => {
      packets++;
      awarenessProtocol.applyAwarenessUpdate(awareness, asBytes(m.update), 'server');
    });
    expect((await socket.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);
    stream.flushAll();
    await vi.waitFor(() => expect(stream.pendingUpdates(seed.docId)).toBe(0));
    const seen = packets;
    for (let i = 0; i < 4; i++) ada.setPresence({ cursor: { anchor: i } });
    // Applied on the server (members would see each); observers get one packet with the last.
    await vi.waitFor(async () => {
      const live = await running.app.context.documents.open(seed.docId);
      expect(live.publicAwareness.getStates().get(ada.doc.clientID)?.['cursor']).toEqual({ anchor: 3 });
    });
    stream.flushAll();
    await vi.waitFor(() => expect(awareness.getStates().get(ada.doc.clientID)?.['cursor']).toEqual({ anchor: 3 }));
    expect(packets - seen).toBe(1);
    socket.disconnect();
    ada.socket.disconnect();
  });

  it('drops an observer that stops reading, with a logged reason, while members keep getting acks', async () => {
    const stream = running.app.observers;
    const cookie = await redeem(running.url, seed.moderatorInvite, 'Mod');
    const writer = new CollabClient((await connectMember(running.url, cookie)).socket, seed.docId);
    await writer.open();
    const honest = await connectWatcher(running.url, seed.watchKey);
    const honestView = observe(honest.socket, seed.docId);
    expect((await honest.socket.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);

    const stuck = await RawEngine.open(running.url);
    await stuck.watch(seed.watchKey);
    stuck.packet({ type: 2, nsp: '/watch', id: 1, data: ['doc:open', { docId: seed.docId }] });
    // Opened once the server's ack (a binary frame after the snapshot) came back.
    await vi.waitFor(() => expect(running.app.context.watch.adapter.rooms.get(`doc:${seed.docId}`)?.size).toBe(2));
    (stuck.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    // Big edits, each deleted again so the document stays small: far more than loopback buffers.
    const chunk = 'x'.repeat(200 * 1024);
    let rounds = 0;
    while (stream.stats.dropped === 0 && rounds < 200) {
      writer.text.insert(0, chunk);
      writer.text.delete(0, chunk.length);
      rounds++;
      await vi.waitFor(() => expect(writer.unacked).toBe(0), { timeout: 30_000 });
      stream.flushAll();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(stream.stats.dropped).toBe(1);
    // Gone from the document on the server (its paused TCP socket may not even read the close).
    await vi.waitFor(() => expect(running.app.context.watch.adapter.rooms.get(`doc:${seed.docId}`)?.size).toBe(1));
    stuck.close();
    const dropped = log.lines.find((l) => l['event'] === 'observer.dropped');
    expect(dropped).toMatchObject({ reason: 'slow-consumer', docId: seed.docId });
    expect(Number(dropped!['backlogBytes'])).toBeGreaterThan(64 * 1024);
    // The writer (a member) was never dropped and every edit was acknowledged; the honest observer converged.
    expect(writer.socket.connected).toBe(true);
    expect(writer.refusals).toEqual([]);
    writer.edit('after');
    await vi.waitFor(() => expect(writer.acked).toContain('after'));
    stream.flushAll();
    await vi.waitFor(() => expect(honestView.doc.getText('t').toString()).toBe(writer.text.toString()));
    expect(honest.socket.connected).toBe(true);
    honest.socket.disconnect();
    writer.socket.disconnect();
  }, 240_000);
});
