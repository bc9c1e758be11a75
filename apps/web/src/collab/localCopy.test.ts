import { standardDocId } from '@moot/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FakeDocServer } from '../../test/support/fakeDocServer.ts';
import type { ProtocolError } from '@moot/protocol';
import { CollabProvider, type KeepLocally } from './CollabProvider.ts';

const DOC = standardDocId('00000000-0000-4000-8000-00000000000a');

/**
 * This device's storage, as IndexedDB keeps it for y-indexeddb: every update of each document,
 * surviving the provider (a reload). `load` replays it later, as IndexedDB answers asynchronously.
 */
class DeviceStore {
  readonly saved = new Map<string, Uint8Array[]>();
  /** The refusal each document's copy holds, kept beside it like the copy. */
  readonly refusals = new Map<string, ProtocolError>();
  private pending: (() => void)[] = [];
  keep: KeepLocally = (docId, doc) => {
    const origin = { device: docId };
    const refusals = this.refusals;
    const updates = this.saved.get(docId) ?? [];
    this.saved.set(docId, updates);
    const record = (update: Uint8Array, from: unknown) => {
      if (from !== origin) updates.push(update);
    };
    doc.on('update', record);
    this.pending.push(() => Y.applyUpdate(doc, Y.mergeUpdates(updates), origin));
    return {
      origin,
      close: () => doc.off('update', record),
      clear: async () => {
        doc.off('update', record);
        this.saved.delete(docId);
        this.refusals.delete(docId);
      },
      get refusal() {
        return refusals.get(docId) ?? null;
      },
      markRefused: (refusal) => (refusal ? refusals.set(docId, refusal) : refusals.delete(docId)),
    };
  };
  /** IndexedDB answers: every copy opened so far loads into its document. */
  load(): void {
    for (const load of this.pending.splice(0)) load();
  }
}

const providers: CollabProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
});

function member(server: FakeDocServer, device: DeviceStore | null, name: string) {
  const connection = server.connection();
  const provider = new CollabProvider({
    mode: 'edit',
    transport: connection,
    user: { name, color: '#1f6feb' },
    ...(device ? { keepLocally: device.keep } : {}),
  });
  providers.push(provider);
  return { connection, provider };
}

const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('edits kept on this device', () => {
  it('survive a reload while offline and merge with what others wrote meanwhile', () => {
    const server = new FakeDocServer();
    const device = new DeviceStore();
    server.doc(DOC).getText('t').insert(0, 'Leaders tell the truth.');
    const before = member(server, device, 'Ada');
    const first = before.provider.acquire(DOC);
    before.connection.connect();
    device.load();
    server.run();
    expect(text(first.doc)).toBe('Leaders tell the truth.');

    // The connection drops; Ada types; the tab is closed before it ever comes back.
    before.connection.disconnect();
    first.doc.getText('t').insert(first.doc.getText('t').length, ' Always.');
    before.provider.destroy();
    expect(text(server.doc(DOC))).toBe('Leaders tell the truth.');

    // Meanwhile Grace (online) rewrites the start: her deletion must win over Ada's stale copy.
    const grace = member(server, null, 'Grace');
    const graceDoc = grace.provider.acquire(DOC).doc;
    grace.connection.connect();
    server.run();
    graceDoc.getText('t').delete(0, 'Leaders '.length);
    graceDoc.getText('t').insert(0, 'We ');
    server.run();

    // Ada reopens the page online: her copy loads from the device, and only her edit is new.
    const after = member(server, device, 'Ada');
    const reopened = after.provider.acquire(DOC);
    after.connection.connect();
    server.run();
    device.load();
    server.run();
    expect(text(server.doc(DOC))).toBe('We tell the truth. Always.');
    expect(text(reopened.doc)).toBe('We tell the truth. Always.');
    expect(text(graceDoc)).toBe('We tell the truth. Always.');
    expect(after.provider.getStatus()).toMatchObject({ pending: 0, queued: false });
  });

  it('sends nothing for a cached copy the server already has, so a locked text is not refused', () => {
    const server = new FakeDocServer();
    const device = new DeviceStore();
    server.doc(DOC).getText('t').insert(0, 'Adopted text.');
    const first = member(server, device, 'Ada');
    first.provider.acquire(DOC);
    first.connection.connect();
    device.load();
    server.run();
    first.provider.destroy();

    server.locked.add(DOC);
    const again = member(server, device, 'Ada');
    again.provider.acquire(DOC);
    again.connection.connect();
    device.load();
    server.run();
    // The fake server refuses every edit (anything but a step 1) to a locked document.
    expect(again.provider.getStatus().errors.size).toBe(0);
  });

  it('forgets refused edits when the member discards them, so they do not come back', async () => {
    const server = new FakeDocServer();
    const device = new DeviceStore();
    const ada = member(server, device, 'Ada');
    const handle = ada.provider.acquire(DOC);
    ada.connection.connect();
    device.load();
    server.run();
    server.locked.add(DOC);
    handle.doc.getText('t').insert(0, 'too late');
    server.run();
    expect(ada.provider.getStatus().errors.get(DOC)?.code).toBe('locked');

    await ada.provider.discardLocal(DOC);
    handle.release();
    const fresh = ada.provider.acquire(DOC);
    device.load();
    server.run();
    expect(text(fresh.doc)).toBe('');
    expect(device.saved.get(DOC) ?? []).toEqual([]);
  });

  it('does not send refused edits when the document is opened again, until the member discards them', async () => {
    const server = new FakeDocServer();
    const device = new DeviceStore();
    const ada = member(server, device, 'Ada');
    const handle = ada.provider.acquire(DOC);
    ada.connection.connect();
    device.load();
    server.run();
    server.locked.add(DOC);
    handle.doc.getText('t').insert(0, 'too late');
    server.run();
    expect(ada.provider.getStatus().errors.get(DOC)?.code).toBe('locked');

    // The field turns read-only (the member is muted) and back: the document is closed and opened
    // again, each time from this device's copy, which still holds the refused edit.
    handle.release();
    const reading = ada.provider.acquire(DOC, { readOnly: true });
    device.load();
    server.run();
    expect(ada.provider.getStatus().errors.get(DOC)?.code).toBe('locked');
    server.locked.delete(DOC);
    reading.release();
    const writing = ada.provider.acquire(DOC);
    device.load();
    server.run();
    ada.connection.disconnect();
    ada.connection.connect();
    server.run();
    expect(text(writing.doc)).toBe('too late');
    expect(text(server.doc(DOC))).toBe('');
    expect(ada.provider.getStatus().errors.get(DOC)?.code).toBe('locked');

    await ada.provider.discardLocal(DOC);
    writing.release();
    const fresh = ada.provider.acquire(DOC);
    device.load();
    server.run();
    expect(text(fresh.doc)).toBe('');
    fresh.doc.getText('t').insert(0, 'on time');
    server.run();
    expect(text(server.doc(DOC))).toBe('on time');
    expect(ada.provider.getStatus().errors.size).toBe(0);
  });

  it('keeps refused edits held back, and the refusal shown, after a reload, until the member discards them', async () => {
    const server = new FakeDocServer();
    const device = new DeviceStore();
    const ada = member(server, device, 'Ada');
    const handle = ada.provider.acquire(DOC);
    ada.connection.connect();
    device.load();
    server.run();
    server.locked.add(DOC);
    handle.doc.getText('t').insert(0, 'too late');
    server.run();
    expect(ada.provider.getStatus().errors.get(DOC)?.code).toBe('locked');

    // The lock ends and the page is reloaded: a new provider, the same device.
    server.locked.delete(DOC);
    ada.provider.destroy();
    const reloaded = member(server, device, 'Ada');
    const again = reloaded.provider.acquire(DOC);
    reloaded.connection.connect();
    device.load();
    server.run();
    expect(text(again.doc)).toBe('too late');
    expect(text(server.doc(DOC))).toBe('');
    expect(reloaded.provider.getStatus().errors.get(DOC)?.code).toBe('locked');

    // Discarded: the mark goes with the copy, and the next reload starts from the saved text.
    await reloaded.provider.discardLocal(DOC);
    again.release();
    reloaded.provider.destroy();
    const fresh = member(server, device, 'Ada');
    const clean = fresh.provider.acquire(DOC);
    fresh.connection.connect();
    device.load();
    server.run();
    expect(text(clean.doc)).toBe('');
    expect(fresh.provider.getStatus().errors.size).toBe(0);
    clean.doc.getText('t').insert(0, 'on time');
    server.run();
    expect(text(server.doc(DOC))).toBe('on time');
    expect(device.refusals.size).toBe(0);
  });
});
