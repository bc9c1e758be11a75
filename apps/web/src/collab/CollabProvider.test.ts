import { LIMITS, standardDocId } from '@moot/protocol';
import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FakeDocServer } from '../../test/support/fakeDocServer.ts';
import type { FakeConnection } from '../../test/support/fakeDocServer.ts';
import { CollabProvider } from './CollabProvider.ts';
import type { DocumentHandle } from './CollabProvider.ts';

const DOC_A = standardDocId('00000000-0000-4000-8000-00000000000a');
const DOC_B = standardDocId('00000000-0000-4000-8000-00000000000b');

const providers: CollabProvider[] = [];
afterEach(() => {
  // Awareness keeps an interval timer per document; leaking them would keep the worker busy.
  for (const provider of providers.splice(0)) provider.destroy();
});

function editor(connection: FakeConnection, name = 'Ada'): CollabProvider {
  const provider = new CollabProvider({
    mode: 'edit',
    transport: connection,
    user: { name, color: '#1f6feb' },
  });
  providers.push(provider);
  return provider;
}

function watcher(connection: FakeConnection): CollabProvider {
  const provider = new CollabProvider({ mode: 'watch', transport: connection });
  providers.push(provider);
  return provider;
}

const text = (handle: DocumentHandle) => handle.doc.getText('t').toString();
const serverText = (server: FakeDocServer, docId: string) => server.doc(docId).getText('t').toString();

function twoEditors() {
  const server = new FakeDocServer();
  const a = server.connection();
  const b = server.connection();
  const alice = editor(a, 'Alice');
  const bob = editor(b, 'Bob');
  a.connect();
  b.connect();
  return { server, a, b, alice, bob };
}

describe('CollabProvider', () => {
  it('multiplexes several documents over one connection and converges', () => {
    const { server, alice, bob } = twoEditors();
    const aliceA = alice.acquire(DOC_A);
    const aliceB = alice.acquire(DOC_B);
    const bobA = bob.acquire(DOC_A);
    const bobB = bob.acquire(DOC_B);
    server.run();

    aliceA.doc.getText('t').insert(0, 'honesty');
    bobB.doc.getText('t').insert(0, 'courage');
    server.run();

    expect(text(bobA)).toBe('honesty');
    expect(text(aliceB)).toBe('courage');
    expect(serverText(server, DOC_A)).toBe('honesty');
    expect(serverText(server, DOC_B)).toBe('courage');
    expect(alice.getStatus()).toMatchObject({ pending: 0, queued: false });
  });

  it('loads what the server already has when a document is opened', () => {
    const { server, alice } = twoEditors();
    server.doc(DOC_A).getText('t').insert(0, 'already agreed');
    const handle = alice.acquire(DOC_A);
    expect(text(handle)).toBe('');
    server.run();
    expect(text(handle)).toBe('already agreed');
  });

  it('does not send an empty step 2, so opening a locked document is not refused', () => {
    const { server, alice } = twoEditors();
    server.doc(DOC_A).getText('t').insert(0, 'adopted text');
    server.locked.add(DOC_A);
    const handle = alice.acquire(DOC_A);
    server.run();
    expect(text(handle)).toBe('adopted text');
    expect(alice.getStatus().errors.size).toBe(0);
  });

  it('sends nothing of a document held only read-only (a pad after groups end), even with deletions in it', () => {
    const { server, a, b, alice, bob } = twoEditors();
    const doc = server.doc(DOC_A).getText('t');
    doc.insert(0, 'notes with a typo');
    doc.delete(11, 6);
    const editing = bob.acquire(DOC_A);
    const reading = alice.acquire(DOC_A, { readOnly: true });
    server.run();
    expect([text(editing), text(reading)]).toEqual(['notes with ', 'notes with ']);

    // The pad is locked; both reconnect, so each answers the server's step 1 again.
    server.locked.add(DOC_A);
    for (const connection of [a, b]) {
      connection.disconnect();
      connection.connect();
    }
    server.run();
    // Control: a holder that may edit answers with its delete set, which the server refuses.
    expect(bob.getStatus().errors.get(DOC_A)?.code).toBe('locked');
    expect(alice.getStatus().errors.size).toBe(0);
    expect(alice.getStatus().pending).toBe(0);
    expect(text(reading)).toBe('notes with ');
  });

  it('counts edits as saving until the server acknowledges them as stored', () => {
    const { server, alice } = twoEditors();
    const handle = alice.acquire(DOC_A);
    server.run();
    server.holdAcks = true;

    handle.doc.getText('t').insert(0, 'a');
    handle.doc.getText('t').insert(1, 'b');
    server.run();
    expect(alice.getStatus().pending).toBe(2);
    expect(serverText(server, DOC_A)).toBe('ab');

    server.releaseAcks();
    server.run();
    expect(alice.getStatus().pending).toBe(0);
  });

  it('queues edits made offline and merges them with concurrent ones on reconnect', () => {
    const { server, a, alice, bob } = twoEditors();
    const aliceA = alice.acquire(DOC_A);
    const bobA = bob.acquire(DOC_A);
    bobA.doc.getText('t').insert(0, 'standard');
    server.run();

    a.disconnect();
    aliceA.doc.getText('t').insert(0, 'offline ');
    bobA.doc.getText('t').insert(8, ' online');
    server.run();
    expect(alice.getStatus().queued).toBe(true);
    expect(a.emittedWhileDisconnected).toBe(0);
    expect(text(bobA)).toBe('standard online');

    a.connect();
    server.run();
    expect(text(aliceA)).toBe('offline standard online');
    expect(text(bobA)).toBe(text(aliceA));
    expect(serverText(server, DOC_A)).toBe(text(aliceA));
    expect(alice.getStatus()).toMatchObject({ pending: 0, queued: false });
  });

  it('sends again an edit whose ack was lost to a disconnect', () => {
    const { server, a, alice } = twoEditors();
    const handle = alice.acquire(DOC_A);
    server.run();

    // Lost before the server saw it.
    handle.doc.getText('t').insert(0, 'one ');
    a.disconnect();
    expect(alice.getStatus()).toMatchObject({ pending: 0, queued: true });
    a.connect();
    server.run();
    expect(serverText(server, DOC_A)).toBe('one ');
    expect(alice.getStatus()).toMatchObject({ pending: 0, queued: false });

    // Stored, but the ack never came back.
    server.holdAcks = true;
    handle.doc.getText('t').insert(4, 'two');
    server.run();
    a.disconnect();
    server.releaseAcks();
    server.run();
    expect(alice.getStatus()).toMatchObject({ pending: 0, queued: true });
    server.holdAcks = false;
    a.connect();
    server.run();
    expect(alice.getStatus()).toMatchObject({ pending: 0, queued: false });
    expect(serverText(server, DOC_A)).toBe('one two');
  });

  it('shows a refusal from the server, and clears it once that document saves again', () => {
    const { server, alice } = twoEditors();
    const handle = alice.acquire(DOC_A);
    server.run();

    server.locked.add(DOC_A);
    handle.doc.getText('t').insert(0, 'too late');
    server.run();
    expect(alice.getStatus().errors.get(DOC_A)?.code).toBe('locked');
    expect(alice.getStatus().pending).toBe(0);
    expect(serverText(server, DOC_A)).toBe('');

    server.locked.delete(DOC_A);
    handle.doc.getText('t').insert(0, '!');
    server.run();
    expect(alice.getStatus().errors.has(DOC_A)).toBe(false);
  });

  it('lets an observer follow live edits without ever sending a byte of a document', () => {
    const { server, alice } = twoEditors();
    server.step1ToObservers = true;
    const w = server.connection('watch');
    const observer = watcher(w);
    w.connect();
    const aliceA = alice.acquire(DOC_A);
    const watched = observer.acquire(DOC_A);
    server.run();

    aliceA.doc.getText('t').insert(0, 'draft');
    aliceA.awareness.setLocalStateField('cursor', { anchor: null, head: null });
    server.run();
    expect(text(watched)).toBe('draft');
    expect(watched.awareness.getStates().get(aliceA.doc.clientID)?.['user']).toEqual({
      name: 'Alice',
      color: '#1f6feb',
    });

    // Even a local change (which the read-only editor never makes) stays local.
    watched.doc.getText('t').insert(0, 'x');
    w.disconnect();
    aliceA.doc.getText('t').insert(5, ' two');
    w.connect();
    server.run();
    expect(text(watched)).toContain('draft two');
    expect(watched.awareness.getStates().has(aliceA.doc.clientID)).toBe(false);

    expect(new Set(w.emitted.map((e) => e.event))).toEqual(new Set(['doc:open']));
    const reopen = w.emitted.at(-1);
    expect(reopen?.event === 'doc:open' && Y.decodeStateVector(reopen.stateVector).size).toBeGreaterThan(0);
    expect(observer.getStatus()).toMatchObject({ pending: 0, queued: false });
  });

  it('sends edits made between the server’s step 1 and the open ack', () => {
    const { server, alice } = twoEditors();
    server.step1BeforeAck = true;
    const handle = alice.acquire(DOC_A);
    server.run(2); // the server handles doc:open, the client answers its step 1
    handle.doc.getText('t').insert(0, 'in between');
    expect(alice.getStatus().queued).toBe(true);
    server.run();
    expect(serverText(server, DOC_A)).toBe('in between');
    expect(alice.getStatus()).toMatchObject({ pending: 0, queued: false });
  });

  it('forgets acks for a document that was closed meanwhile', () => {
    const { server, alice } = twoEditors();
    const handle = alice.acquire(DOC_A);
    server.run();
    server.locked.add(DOC_A);
    handle.doc.getText('t').insert(0, 'late');
    handle.release();
    server.run();
    expect(alice.getStatus().errors.size).toBe(0);
  });

  it('shares carets, drops remote ones on disconnect, and takes its own away on close', () => {
    const { server, a, b, alice, bob } = twoEditors();
    const aliceA = alice.acquire(DOC_A);
    const bobA = bob.acquire(DOC_A);
    server.run();
    const aliceId = aliceA.doc.clientID;

    // No caret, no chatter.
    expect(a.emitted.some((e) => e.event === 'doc:awareness')).toBe(false);

    aliceA.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    server.run();
    expect(bobA.awareness.getStates().get(aliceId)?.['cursor']).toEqual({ anchor: 1, head: 1 });

    b.disconnect();
    expect([...bobA.awareness.getStates().keys()]).toEqual([bobA.doc.clientID]);
    b.connect();
    server.run();
    aliceA.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
    server.run();
    expect(bobA.awareness.getStates().has(aliceId)).toBe(true);

    aliceA.release();
    server.run();
    expect(bobA.awareness.getStates().has(aliceId)).toBe(false);
    expect(a.emitted.at(-1)).toEqual({ event: 'doc:close', docId: DOC_A });
    expect(a.rooms.has(DOC_A)).toBe(false);
  });

  it('shares one document between several holders and closes it after the last release', () => {
    const { server, a, alice } = twoEditors();
    const first = alice.acquire(DOC_A);
    const second = alice.acquire(DOC_A);
    expect(second.doc).toBe(first.doc);
    server.run();
    first.release();
    first.release();
    expect(a.emitted.some((e) => e.event === 'doc:close')).toBe(false);
    second.release();
    expect(a.emitted.filter((e) => e.event === 'doc:close')).toHaveLength(1);
  });

  it('keeps to the server’s limit of open documents per socket', () => {
    const { server, a, alice } = twoEditors();
    const ids = Array.from({ length: LIMITS.maxOpenDocumentsPerSocket + 1 }, (_, i) =>
      standardDocId(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    );
    const handles = ids.map((id) => alice.acquire(id));
    server.run();
    expect(a.rooms.size).toBe(LIMITS.maxOpenDocumentsPerSocket);
    expect(a.rooms.has(ids.at(-1)!)).toBe(false);

    handles[0]!.release();
    server.run();
    expect(a.rooms.size).toBe(LIMITS.maxOpenDocumentsPerSocket);
    expect(a.rooms.has(ids.at(-1)!)).toBe(true);
  });
});

describe('CollabProvider under random edits and disconnects', () => {
  const seeds = [1, 7, 42, 1234, 99991];
  it.each(seeds)('every replica converges (seed %i)', (seed) => {
    console.info(`convergence seed ${seed}`);
    const gen = prng.create(seed);
    const server = new FakeDocServer();
    const connections = [server.connection(), server.connection(), server.connection()];
    const clients = connections.map((c, i) => editor(c, `Member ${i}`));
    const w = server.connection('watch');
    const observer = watcher(w);
    const docIds = [DOC_A, DOC_B];
    const handles = clients.map((client) => docIds.map((id) => client.acquire(id)));
    const watched = docIds.map((id) => observer.acquire(id));
    [...connections, w].forEach((c) => c.connect());

    for (let step = 0; step < 300; step += 1) {
      const who = prng.int32(gen, 0, clients.length - 1);
      const handle = handles[who]![prng.int32(gen, 0, docIds.length - 1)]!;
      const ytext = handle.doc.getText('t');
      const roll = prng.int32(gen, 0, 99);
      if (roll < 55) ytext.insert(prng.int32(gen, 0, ytext.length), prng.word(gen, 1, 4));
      else if (roll < 70 && ytext.length > 0) {
        const at = prng.int32(gen, 0, ytext.length - 1);
        ytext.delete(at, prng.int32(gen, 1, Math.min(3, ytext.length - at)));
      } else if (roll < 78) {
        const c = connections[who]!;
        if (c.connected) c.disconnect();
        else c.connect();
      } else if (roll < 82) {
        if (w.connected) w.disconnect();
        else w.connect();
      }
      server.run(prng.int32(gen, 0, 6));
    }

    [...connections, w].forEach((c) => {
      if (!c.connected) c.connect();
    });
    server.run();

    docIds.forEach((id, d) => {
      const expected = serverText(server, id);
      for (const perClient of handles) expect(text(perClient[d]!)).toBe(expected);
      expect(text(watched[d]!)).toBe(expected);
    });
    for (const client of clients) expect(client.getStatus()).toMatchObject({ pending: 0, queued: false });
    expect(w.emitted.every((e) => e.event === 'doc:open')).toBe(true);
    expect(connections.every((c) => c.emittedWhileDisconnected === 0)).toBe(true);
  });
});
