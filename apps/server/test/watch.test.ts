import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, wireParser } from '@moot/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { countLoggedUpdates } from '../src/collab/documentStore.ts';
import { CollabClient, updateFrame } from './support/collabClient.ts';
import {
  connectMember,
  connectWatcher,
  redeem,
  refusal,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
  type WatcherSocket,
} from './support/harness.ts';

const asBytes = (b: Uint8Array | ArrayBuffer) => (b instanceof Uint8Array ? b : new Uint8Array(b));

/** An observer's view of one document, fed only by what the server sends. */
function watchDocument(socket: WatcherSocket, docId: string) {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  socket.on('doc:sync', (m) => {
    if (m.docId !== docId) return;
    syncProtocol.readSyncMessage(decoding.createDecoder(asBytes(m.message)), encoding.createEncoder(), doc, 'server');
  });
  socket.on('doc:awareness', (m) => {
    if (m.docId === docId) awarenessProtocol.applyAwarenessUpdate(awareness, asBytes(m.update), 'server');
  });
  return { doc, awareness };
}

describe('the public watch page', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
  });
  afterAll(() => running.close());

  it('refuses a wrong watch key and a stale protocol version', async () => {
    const wrong = connect(`${running.url}/watch`, {
      transports: ['websocket'],
      parser: wireParser,
      forceNew: true,
      reconnection: false,
      auth: { protocol: PROTOCOL_VERSION, watchKey: 'A'.repeat(22) },
    });
    expect((await refusal(wrong)).data?.code).toBe('unauthorized');
    const stale = connect(`${running.url}/watch`, {
      transports: ['websocket'],
      parser: wireParser,
      forceNew: true,
      reconnection: false,
      auth: { protocol: PROTOCOL_VERSION + 1, watchKey: seed.watchKey },
    });
    expect((await refusal(stale)).data?.code).toBe('protocol_mismatch');
  });

  it('shows the draft as it changes, carets under pseudonyms, and counts watchers', async () => {
    const cookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada Lovelace');
    const { socket } = await connectMember(running.url, cookie);
    const ada = new CollabClient(socket, seed.docId);
    await ada.open();
    ada.text.insert(0, 'Leaders tell the truth.');

    const { socket: watcher, snapshot } = await connectWatcher(running.url, seed.watchKey);
    expect(snapshot.me).toBeNull();
    // The newcomer counts itself from the first frame (no "0 watching" flash).
    expect(snapshot.watchers).toBe(1);
    expect(snapshot.standards.map((s) => s.title)).toEqual(['Honesty']);
    const view = watchDocument(watcher, seed.docId);
    expect((await watcher.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);
    await vi.waitFor(() => expect(view.doc.getText('t').toString()).toBe('Leaders tell the truth.'));

    ada.text.insert(ada.text.length, ' Always.');
    ada.setPresence({ cursor: { anchor: 1 } });
    await vi.waitFor(() => expect(view.doc.getText('t').toString()).toBe('Leaders tell the truth. Always.'));
    await vi.waitFor(() => expect(view.awareness.getStates().get(ada.doc.clientID)).toBeDefined());
    const seen = JSON.stringify([...view.awareness.getStates().values()]);
    expect(seen).toContain('Member 2');
    expect(seen).not.toContain('Ada');

    const counts: number[] = [];
    socket.on('watchers:count', ({ count }) => counts.push(count));
    const second = await connectWatcher(running.url, seed.watchKey);
    await vi.waitFor(() => expect(counts.at(-1)).toBe(2));
    second.socket.disconnect();
    await vi.waitFor(() => expect(counts.at(-1)).toBe(1));
    watcher.disconnect();
    socket.disconnect();
  });

  it('an observer sending crafted updates and awareness changes nothing and reaches nobody', async () => {
    const cookie = await redeem(running.url, seed.memberInvites[1]!, 'Ben');
    const { socket } = await connectMember(running.url, cookie);
    const ben = new CollabClient(socket, seed.docId);
    await ben.open();
    ben.text.insert(0, 'Before. ');
    await vi.waitFor(() => expect(ben.unacked).toBe(0));
    const live = await running.app.context.documents.open(seed.docId);
    const before = Y.encodeStateAsUpdate(live.doc);
    const loggedBefore = await countLoggedUpdates(running.db, seed.docId);
    const receivedBefore = ben.received.length;
    let awarenessReceived = 0;
    socket.on('doc:awareness', () => awarenessReceived++);

    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, before);
    const attack: Uint8Array[] = [];
    attacker.on('update', (u: Uint8Array) => attack.push(u));
    attacker.getText('t').insert(0, 'HACKED ');
    const step2 = encoding.createEncoder();
    syncProtocol.writeSyncStep2(step2, attacker, Y.encodeStateVector(live.doc));
    const awareness = new awarenessProtocol.Awareness(attacker);
    awareness.setLocalState({ user: { name: 'Moderator' } });
    for (const [event, payload] of [
      ['doc:sync', { docId: seed.docId, message: updateFrame(attack[0]!) }],
      ['doc:sync', { docId: seed.docId, message: encoding.toUint8Array(step2) }],
      [
        'doc:awareness',
        { docId: seed.docId, update: awarenessProtocol.encodeAwarenessUpdate(awareness, [attacker.clientID]) },
      ],
      ['standard:add', { title: 'Observer standard' }],
      ['standard:remove', { standardId: seed.standardId }],
    ] as const) {
      // The watch namespace has no such event: a crafted packet, and the observer is disconnected.
      const { socket: observer } = await connectWatcher(running.url, seed.watchKey);
      expect((await observer.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);
      const closed = new Promise<string>((resolve) => observer.once('disconnect', resolve));
      (observer as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, payload);
      expect(await closed).toBe('io server disconnect');
    }
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(before))).toBe(true);
    expect(await countLoggedUpdates(running.db, seed.docId)).toBe(loggedBefore);
    expect(ben.received.length).toBe(receivedBefore);
    expect(awarenessReceived).toBe(0);
    expect(ben.text.toString()).not.toContain('HACKED');
    socket.disconnect();
  });
});
