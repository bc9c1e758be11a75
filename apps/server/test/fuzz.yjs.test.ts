import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type Ack, NAMESPACES } from '@moot/protocol';
import { loadDocument, replay } from '../src/collab/documentStore.ts';
import type { LiveDocument } from '../src/collab/liveDocument.ts';
import { TokenBucket } from '../src/realtime/rateLimit.ts';
import { CollabClient, updateFrame } from './support/collabClient.ts';
import {
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';
import { seededRandom } from './support/random.ts';

/**
 * A seeded mutator sends corrupted sync, update and awareness frames from a member and from an
 * observer: 3,000 frames in `npm test`, 50,000 in `npm run fuzz` (`FUZZ_FRAMES`, `FUZZ_SEED` choose); a
 * failure prints the seed and the frame number, so it replays exactly.
 *
 * The oracle, frame by frame: a frame the server accepts must be one that applies cleanly to a
 * scratch copy of the server's document (no throw, nothing pending) and must leave the canonical
 * document exactly as that copy; a refused frame leaves it byte for byte as it was; the server's
 * document never holds pending structs. At the end, a listening member and the stored log agree
 * with the server's document: nothing invalid was broadcast or persisted.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 3_000);
const OBSERVER_FRAMES = Math.max(20, Math.floor(FRAMES / 500));

type Kind =
  | 'valid update'
  | 'valid step 2'
  | 'bit flips'
  | 'bit flips in the update'
  | 'truncated'
  | 'extended'
  | 'huge declared length'
  | 'unknown type'
  | 'random bytes'
  | 'missing dependencies'
  | 'another client id'
  | 'bad state vector'
  | 'bad awareness';
const KINDS: Kind[] = [
  'valid update',
  'valid step 2',
  'bit flips',
  'bit flips in the update',
  'truncated',
  'extended',
  'huge declared length',
  'unknown type',
  'random bytes',
  'missing dependencies',
  'another client id',
  'bad state vector',
  'bad awareness',
];

/** Clean edits (accepted, so stored) are the costly frames; a few keep the oracle honest. */
const RARE: ReadonlySet<Kind> = new Set(['valid update', 'valid step 2', 'extended']);
const pickKind = (random: () => number): Kind => {
  const common = KINDS.filter((k) => !RARE.has(k));
  return random() < 0.06 ? [...RARE][Math.floor(random() * RARE.size)]! : common[Math.floor(random() * common.length)]!;
};

describe(`Yjs frame fuzzing (seed ${SEED}, ${FRAMES} frames)`, () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let live: LiveDocument;
  let mallory: MemberSocket;
  let ben: CollabClient;
  const random = seededRandom(SEED);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  beforeAll(async () => {
    // Stored in 1 ms batches: an accepted edit's ack waits for its storage.
    running = await startApp({ updateBatchMs: 1 });
    seed = await seedAssembly(running.db);
    mallory = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Mallory'))).socket;
    const benSocket = (await connectMember(running.url, await redeem(running.url, seed.memberInvites[1]!, 'Ben')))
      .socket;
    ben = new CollabClient(benSocket, seed.docId);
    await ben.open();
    ben.text.insert(0, 'Ben wrote this. ');
    await vi.waitFor(() => expect(ben.unacked).toBe(0));
    expect((await mallory.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);
    live = await running.app.context.documents.open(seed.docId);
    // The fuzzer measures validation, not the rate limit (which has its own tests).
    for (const socket of running.app.io.of(NAMESPACES.assembly).sockets.values()) {
      socket.data.bucket = new TokenBucket(1e9, 1e9);
    }
  });
  afterAll(async () => {
    mallory?.disconnect();
    ben?.socket.disconnect();
    await running?.close();
  });

  const frame = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    return encoding.toUint8Array(e);
  };
  /** A writer holding exactly the server's document (optionally under a chosen client id). */
  const writer = (clientID?: number) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live.doc));
    // Set after loading: Yjs itself changes a doc's id when it receives structs under it.
    if (clientID !== undefined) doc.clientID = clientID;
    return doc;
  };
  const edit = (doc: Y.Doc, insert = false) => {
    const before = Y.encodeStateVector(doc);
    const text = doc.getText('t');
    if (!insert && text.length > 0 && random() < 0.3) text.delete(int(text.length), 1);
    else text.insert(int(text.length + 1), String.fromCharCode(97 + int(26)));
    return { update: Y.encodeStateAsUpdate(doc, before), before };
  };
  const flipBits = (bytes: Uint8Array, from = 0) => {
    const out = bytes.slice();
    for (let i = 0, n = 1 + int(4); i < n && out.length > from; i++) {
      out[from + int(out.length - from)]! ^= 1 << int(8);
    }
    return out;
  };
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));

  /** One hostile (or, for control, valid) frame: the event, its bytes, and what it must do. */
  const craft = (kind: Kind): { event: 'doc:sync' | 'doc:awareness'; bytes: Uint8Array; mustBe?: 'ok' | 'refused' } => {
    const w = writer();
    const { update, before } = edit(w);
    const valid = updateFrame(update);
    switch (kind) {
      case 'valid update':
        return { event: 'doc:sync', bytes: valid, mustBe: 'ok' };
      case 'valid step 2':
        return { event: 'doc:sync', bytes: frame((e) => syncProtocol.writeSyncStep2(e, w, before)), mustBe: 'ok' };
      case 'bit flips':
        return { event: 'doc:sync', bytes: flipBits(valid) };
      case 'bit flips in the update':
        return { event: 'doc:sync', bytes: flipBits(valid, 2) };
      case 'truncated':
        return { event: 'doc:sync', bytes: valid.slice(0, int(valid.length)) };
      case 'extended':
        return { event: 'doc:sync', bytes: new Uint8Array([...valid, ...randomBytes(1 + int(16))]) };
      case 'huge declared length':
        return {
          event: 'doc:sync',
          bytes: new Uint8Array([pick([0, 1, 2]), 0xff, 0xff, 0xff, 0xff, 0x0f, ...randomBytes(int(8))]),
          mustBe: 'refused',
        };
      case 'unknown type':
        return {
          event: 'doc:sync',
          bytes: frame((e) => {
            encoding.writeVarUint(e, 3 + int(1 << 20));
            encoding.writeVarUint8Array(e, update);
          }),
          mustBe: 'refused',
        };
      case 'random bytes':
        return { event: 'doc:sync', bytes: randomBytes(int(64)) };
      case 'missing dependencies': {
        // Two insertions, the first never sent: the second's clock (and maybe origin) depends on it.
        const gap = writer();
        edit(gap, true);
        return { event: 'doc:sync', bytes: updateFrame(edit(gap, true).update), mustBe: 'refused' };
      }
      case 'another client id': {
        // An insertion: a deletion carries no client id (Yjs delete sets name no author).
        const forger = writer(ben.doc.clientID);
        return { event: 'doc:sync', bytes: updateFrame(edit(forger, true).update), mustBe: 'refused' };
      }
      case 'bad state vector':
        return {
          event: 'doc:sync',
          bytes: frame((e) => {
            encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
            encoding.writeVarUint8Array(e, randomBytes(int(24)));
          }),
        };
      case 'bad awareness': {
        const awareness = new awarenessProtocol.Awareness(w);
        awareness.setLocalState({ cursor: int(100) });
        const bytes = awarenessProtocol.encodeAwarenessUpdate(awareness, [w.clientID]);
        return { event: 'doc:awareness', bytes: random() < 0.5 ? flipBits(bytes) : bytes.slice(0, int(bytes.length)) };
      }
    }
  };

  /** What the scratch copy says: the document the frame would make, or null if it is not a clean edit. */
  const scratch = (bytes: Uint8Array): Y.Snapshot | 'no edit' | null => {
    let type: number;
    let body: Uint8Array;
    try {
      const decoder = decoding.createDecoder(bytes);
      type = decoding.readVarUint(decoder);
      body = decoding.readVarUint8Array(decoder);
    } catch {
      return null;
    }
    if (type === syncProtocol.messageYjsSyncStep1) return 'no edit';
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) return null;
    const copy = writer();
    try {
      Y.applyUpdate(copy, body);
    } catch {
      return null;
    }
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) return null;
    return Y.snapshot(copy);
  };

  it(
    'a member: accepted frames are exactly the clean edits; refused ones change nothing; never pending',
    async () => {
      const tally = new Map<string, number>();
      for (let n = 0; n < FRAMES; n++) {
        const kind = pickKind(random);
        const { event, bytes, mustBe } = craft(kind);
        const where = `seed ${SEED}, frame ${n} (${kind})`;
        const expected = event === 'doc:sync' ? scratch(bytes) : 'no edit';
        const before = Y.snapshot(live.doc);
        const payload =
          event === 'doc:sync' ? { docId: seed.docId, message: bytes } : { docId: seed.docId, update: bytes };
        const ack = (await mallory.timeout(2000).emitWithAck(event as 'doc:sync', payload as never)) as Ack<null>;
        const after = Y.snapshot(live.doc);
        tally.set(
          `${kind}: ${ack.ok ? 'ok' : ack.error.code}`,
          (tally.get(`${kind}: ${ack.ok ? 'ok' : ack.error.code}`) ?? 0) + 1,
        );
        expect(live.doc.store.pendingStructs, where).toBeNull();
        expect(live.doc.store.pendingDs, where).toBeNull();
        if (mustBe === 'ok') expect(ack, where).toMatchObject({ ok: true });
        if (mustBe === 'refused') expect(ack.ok, where).toBe(false);
        if (!ack.ok || expected === 'no edit') {
          expect(Y.equalSnapshots(before, after), where).toBe(true);
        } else {
          expect(expected, `${where}: accepted, but it is no clean edit`).not.toBeNull();
          expect(Y.equalSnapshots(expected as Y.Snapshot, after), where).toBe(true);
        }
      }
      console.info(
        `fuzz seed ${SEED}: ${[...tally]
          .sort()
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ')}`,
      );
      // Every kind was tried, and the control frames went through.
      expect(tally.get('valid update: ok')).toBeGreaterThan(0);
    },
    60_000 + FRAMES * 10,
  );

  it('an observer: every frame disconnects it and changes nothing', async () => {
    const before = Y.encodeStateAsUpdate(live.doc);
    for (let n = 0; n < OBSERVER_FRAMES; n++) {
      const { socket } = await connectWatcher(running.url, seed.watchKey);
      expect((await socket.emitWithAck('doc:open', { docId: seed.docId })).ok).toBe(true);
      const { event, bytes } = craft(pick(KINDS));
      const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const payload =
        event === 'doc:sync' ? { docId: seed.docId, message: bytes } : { docId: seed.docId, update: bytes };
      (socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
      expect(await closed, `seed ${SEED}, observer frame ${n}`).toBe('io server disconnect');
    }
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(before))).toBe(true);
  });

  it('nothing invalid was broadcast or stored: a listener and the log rebuild the same document', async () => {
    await running.app.context.documents.flushWrites();
    await vi.waitFor(() => expect(Y.encodeStateVector(ben.doc)).toEqual(Y.encodeStateVector(live.doc)));
    expect(ben.doc.store.pendingStructs).toBeNull();
    expect(ben.text.toString()).toBe(live.doc.getText('t').toString());
    const stored = await loadDocument(running.db, seed.docId);
    const rebuilt = replay(stored.snapshot, stored.updates);
    expect(rebuilt.store.pendingStructs).toBeNull();
    expect(Y.equalSnapshots(Y.snapshot(rebuilt), Y.snapshot(live.doc))).toBe(true);
    expect(ben.refusals).toEqual([]);
  });
});
