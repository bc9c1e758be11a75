import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '@moot/protocol';
import { countLoggedUpdates } from '../src/collab/documentStore.ts';
import { CollabClient, updateFrame } from './support/collabClient.ts';
import {
  connectMember,
  redeem,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

describe('malformed, dependent and oversized updates', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let ada: CollabClient;
  let ben: CollabClient;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    const clients: CollabClient[] = [];
    for (const [invite, name] of [
      [seed.memberInvites[0]!, 'Ada'],
      [seed.memberInvites[1]!, 'Ben'],
    ]) {
      const { socket } = await connectMember(running.url, await redeem(running.url, invite!, name!));
      const client = new CollabClient(socket, seed.docId);
      await client.open();
      clients.push(client);
    }
    [ada, ben] = clients as [CollabClient, CollabClient];
    ada.text.insert(0, 'The agreed text.');
    await vi.waitFor(() => expect(ben.text.toString()).toBe('The agreed text.'));
    await vi.waitFor(() => expect(ada.unacked).toBe(0));
  });
  afterAll(() => running.close());

  const valid = () => {
    const other = new Y.Doc();
    const updates: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => updates.push(u));
    other.getText('t').insert(0, 'x');
    other.getText('t').insert(1, 'y');
    return updates;
  };

  it.each([
    ['garbage', () => updateFrame(new Uint8Array([9, 9, 9, 9, 255, 255, 255, 255])), 'bad_request'],
    ['a truncated update', () => updateFrame(valid()[0]!.slice(0, 5)), 'bad_request'],
    ['an update with a clock gap', () => updateFrame(valid()[1]!), 'bad_request'],
    ['an unknown sync message type', () => new Uint8Array([7, 1, 0]), 'bad_request'],
    ['a truncated frame', () => new Uint8Array([2, 200]), 'bad_request'],
    ['an oversized message', () => new Uint8Array(LIMITS.maxSyncMessageBytes + 1).fill(1), 'too_large'],
  ])('refuses %s: not applied, stored or relayed, and the server stays up', async (_name, make, code) => {
    const live = await running.app.context.documents.open(seed.docId);
    const before = Y.encodeStateAsUpdate(live.doc);
    const logged = await countLoggedUpdates(running.db, seed.docId);
    const relayed = ben.received.length;
    const ack = await ada.sendRaw(make());
    expect(ack).toMatchObject({ ok: false, error: { code } });
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(before))).toBe(true);
    expect(live.doc.store.pendingStructs).toBeNull();
    expect(live.doc.store.pendingDs).toBeNull();
    expect(await countLoggedUpdates(running.db, seed.docId)).toBe(logged);
    expect(ben.received.length).toBe(relayed);
    // Still serving: a valid edit goes through afterwards.
    ada.text.insert(0, '.');
    await vi.waitFor(() => expect(ben.text.toString()).toBe(ada.text.toString()));
  });

  it('refuses an update that would take the document past its size limit', async () => {
    const live = await running.app.context.documents.open(seed.docId);
    const chunk = 'a'.repeat(LIMITS.maxSyncMessageBytes - 1024);
    const results: string[] = [];
    let last: unknown = null;
    for (let i = 0; i < Math.ceil(LIMITS.maxDocumentBytes / chunk.length) + 1; i++) {
      const writer = new Y.Doc();
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(live.doc));
      const updates: Uint8Array[] = [];
      writer.on('update', (u: Uint8Array) => updates.push(u));
      writer.getText('t').insert(0, chunk);
      const ack = await ada.sendRaw(updateFrame(updates[0]!));
      results.push(ack.ok ? 'ok' : ack.error.code);
      last = ack;
    }
    expect(results.at(-1)).toBe('too_large');
    expect(last).toMatchObject({ ok: false, error: { reason: { key: 'document.full' } } });
    expect(Y.encodeStateAsUpdate(live.doc).byteLength).toBeLessThanOrEqual(LIMITS.maxDocumentBytes);
  });

  it('disconnects a packet larger than the transport limit instead of buffering it', async () => {
    const { socket } = await connectMember(running.url, await redeem(running.url, seed.memberInvites[2]!, 'Cy'));
    const closed = new Promise<string>((resolve) => socket.on('disconnect', resolve));
    socket.emit('doc:sync', { docId: seed.docId, message: new Uint8Array(LIMITS.maxPacketBytes + 10) }, () => {});
    expect(await closed).toMatch(/transport/);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});
