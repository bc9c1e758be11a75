import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { InitialSync, OPENERS_PER_TURN, PACED_BYTES, type SyncRecipient } from '../src/collab/initialSync.ts';
import { LiveDocument } from '../src/collab/liveDocument.ts';
import { Turns } from '../src/collab/turns.ts';

/** The Yjs update inside a sync step 2 message. */
function updateOf(step2: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(step2);
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2);
  return decoding.readVarUint8Array(decoder);
}

function textOf(update: Uint8Array, base?: Y.Doc): string {
  const doc = base ?? new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

function stored(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('the whole-document sync step 2', () => {
  it('is encoded once per version and shared by everyone who opens it with nothing', () => {
    const live = new LiveDocument('d', { snapshot: stored('hello'), updates: [stored(' world')] });
    const first = live.step2For();
    expect(live.step2For(new Uint8Array([0]))).toBe(first); // an empty state vector is nothing too
    expect(textOf(updateOf(first))).toContain('hello');

    live.doc.getText('t').insert(0, '> ');
    const second = live.step2For();
    expect(second).not.toBe(first);
    expect(textOf(updateOf(second))).toMatch(/^> /);
    expect(live.step2For()).toBe(second);
  });

  it('serves a document stored as one blob as that blob, without encoding it', () => {
    const blob = stored('as stored');
    const live = new LiveDocument('d', { snapshot: null, updates: [blob] });
    expect(updateOf(live.step2For())).toEqual(blob);
  });

  it('answers a state vector with only what it lacks', () => {
    const live = new LiveDocument('d', { snapshot: stored('abc'), updates: [] });
    const client = new Y.Doc();
    Y.applyUpdate(client, updateOf(live.step2For()));
    live.doc.getText('t').insert(3, 'def');
    const missing = updateOf(live.step2For(Y.encodeStateVector(client)));
    expect(missing.byteLength).toBeLessThan(updateOf(live.step2For()).byteLength);
    expect(textOf(missing, client)).toBe('abcdef');
  });
});

describe('InitialSync', () => {
  const recipient = (socketId: string, watcher = true): SyncRecipient => ({ socketId, watcher });

  it('sends openers who arrive together with nothing one shared message, in one delivery', async () => {
    const deliveries: { message: Uint8Array; to: string[] }[] = [];
    const sync = new InitialSync((_docId, message, to) => deliveries.push({ message, to: to.map((r) => r.socketId) }));
    const live = new LiveDocument('d', { snapshot: stored('shared'), updates: [] });
    await Promise.all([
      sync.send(live, recipient('w1')),
      sync.send(live, recipient('w2')),
      sync.send(live, recipient('m1', false), new Uint8Array([0])),
    ]);
    expect(deliveries.map((d) => d.to)).toEqual([['w1', 'w2', 'm1']]);
    expect(textOf(updateOf(deliveries[0]!.message))).toBe('shared');

    // Someone who already has part of it gets only the rest, on their own.
    const client = new Y.Doc();
    Y.applyUpdate(client, updateOf(deliveries[0]!.message));
    live.doc.getText('t').insert(6, '!');
    await sync.send(live, recipient('m2', false), Y.encodeStateVector(client));
    expect(deliveries[1]!.to).toEqual(['m2']);
    expect(textOf(updateOf(deliveries[1]!.message), client)).toBe('shared!');
  });

  it('splits a crowd opening a large document into shared batches, one per turn', async () => {
    const deliveries: string[][] = [];
    const sync = new InitialSync((_docId, _message, to) => deliveries.push(to.map((r) => r.socketId)));
    const crowd = Array.from({ length: 2 * OPENERS_PER_TURN + 3 }, (_, i) => `w${i}`);
    const large = new LiveDocument('d', { snapshot: stored('x'.repeat(PACED_BYTES)), updates: [] });
    await Promise.all(crowd.map((id) => sync.send(large, recipient(id))));
    expect(deliveries).toEqual([
      crowd.slice(0, OPENERS_PER_TURN),
      crowd.slice(OPENERS_PER_TURN, 2 * OPENERS_PER_TURN),
      crowd.slice(2 * OPENERS_PER_TURN),
    ]);

    deliveries.length = 0;
    const small = new LiveDocument('s', { snapshot: stored('x'.repeat(1000)), updates: [] });
    await Promise.all(crowd.map((id) => sync.send(small, recipient(id))));
    expect(deliveries).toEqual([crowd]);
  });

  it('refuses a state vector it cannot read, with a typed error', async () => {
    const sync = new InitialSync(() => {});
    const live = new LiveDocument('d', { snapshot: null, updates: [] });
    await expect(sync.send(live, recipient('w'), new Uint8Array([5, 255]))).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});

describe('Turns', () => {
  it('hands out one turn per event-loop iteration, in order', async () => {
    const turns = new Turns();
    const seen: string[] = [];
    const done = Promise.all(['a', 'b', 'c'].map((name) => turns.next().then(() => seen.push(name))));
    await turns.next().then(() => {}); // a fourth waiter, queued last
    expect(seen).toEqual(['a', 'b', 'c']);
    await done;
  });

  it('does not run two turns in one stretch', async () => {
    const turns = new Turns();
    const seen: string[] = [];
    const first = turns.next().then(() => {
      seen.push('first');
      // Still inside the first turn's stretch: the second must not have run yet.
      return Promise.resolve().then(() => expect(seen).toEqual(['first']));
    });
    const second = turns.next().then(() => seen.push('second'));
    await Promise.all([first, second]);
    expect(seen).toEqual(['first', 'second']);
  });
});
