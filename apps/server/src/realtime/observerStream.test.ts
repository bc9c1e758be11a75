import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as ws from 'ws';
import { mergeAwarenessUpdates } from './awarenessMerge.ts';
import pino from 'pino';
import { binaryFrame, nextCadence, OBSERVER_SLICE, ObserverStream, type Cadence } from './observerStream.ts';
import { documentRoom, type WatchNamespace } from './socketData.ts';

describe('the observer cadence under load', () => {
  it('doubles while flushes run a window late, up to the cap, and comes back once on time', () => {
    expect(nextCadence(50, 10, 50, 1000)).toBe(50);
    expect(nextCadence(50, 60, 50, 1000)).toBe(100);
    expect(nextCadence(100, 250, 50, 1000)).toBe(200);
    expect(nextCadence(800, 5000, 50, 1000)).toBe(1000);
    expect(nextCadence(1000, 5000, 50, 1000)).toBe(1000);
    // On time again: halves back, never under the base.
    expect(nextCadence(1000, 0, 50, 1000)).toBe(500);
    expect(nextCadence(60, 0, 50, 1000)).toBe(50);
    // Late, but by less than a window: held.
    expect(nextCadence(200, 100, 50, 1000)).toBe(200);
  });
});

describe('merging carets for observers', () => {
  it('keeps each client’s latest state, as applying the updates in order would', () => {
    const doc = new Y.Doc();
    const a = new Awareness(doc);
    const b = new Awareness(new Y.Doc());
    const updates: Uint8Array[] = [];
    for (let i = 0; i < 3; i++) {
      a.setLocalState({ cursor: i });
      updates.push(encodeAwarenessUpdate(a, [a.clientID]));
      b.setLocalState({ name: `b${i}` });
      updates.push(encodeAwarenessUpdate(b, [b.clientID]));
    }
    const inOrder = new Awareness(new Y.Doc());
    for (const u of updates) applyAwarenessUpdate(inOrder, u, 'test');
    const merged = new Awareness(new Y.Doc());
    applyAwarenessUpdate(merged, mergeAwarenessUpdates(updates), 'test');
    expect(merged.getStates().get(a.clientID)).toEqual({ cursor: 2 });
    expect(merged.getStates().get(b.clientID)).toEqual({ name: 'b2' });
    const others = (x: Awareness) => [...x.getStates()].filter(([id]) => id !== x.clientID);
    expect(others(merged)).toEqual(others(inOrder));
    for (const x of [a, b, inOrder, merged]) x.destroy();
  });
});

describe('the pre-built WebSocket frame', () => {
  it('is what ws itself would send for every length class', () => {
    for (const length of [0, 125, 126, 65535, 65536, 300_000]) {
      const payload = Buffer.alloc(length, 7);
      const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: unknown): Buffer[] } };
      const [header, data] = Sender.frame(payload, {
        fin: true,
        opcode: 2,
        mask: false,
        readOnly: true,
        rsv1: false,
      });
      expect(Buffer.compare(Buffer.from(binaryFrame(payload)), Buffer.concat([header!, data ?? Buffer.alloc(0)]))).toBe(
        0,
      );
    }
  });
});

describe('one window for every document, written a slice at a time', () => {
  /** A `/watch` namespace of `count` observers on plain WebSockets, each recording what it is written. */
  function observersOf(count: number, docIds: string[]) {
    const log: string[] = [];
    const sockets = new Map(
      Array.from({ length: count }, (_, i) => {
        const id = `o${i}`;
        const written: Uint8Array[] = [];
        const conn = {
          readyState: 'open',
          writeBuffer: [],
          transport: {
            name: 'websocket',
            socket: {
              readyState: 1,
              _sender: {
                sendFrame: (list: Uint8Array[]) => {
                  written.push(...list);
                  log.push(id);
                },
              },
            },
          },
          write: () => log.push(`${id}:engine`),
          close: () => {},
        };
        return [id, { id, conn, written }] as const;
      }),
    );
    const rooms = new Map(docIds.map((docId) => [documentRoom(docId), new Set(sockets.keys())]));
    const watch = { adapter: { rooms }, sockets } as unknown as WatchNamespace;
    return { watch, sockets, log };
  }
  const byHand: Cadence = { after: () => () => {}, now: () => 0 };
  const update = (text: string) => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  };

  it('gives each observer every document’s packet in one write, the same bytes for all', () => {
    const { watch, sockets } = observersOf(3, ['a', 'b']);
    const stream = new ObserverStream(watch, { logger: pino({ level: 'silent' }), cadence: byHand });
    stream.update('a', update('one'));
    stream.update('b', update('two'));
    stream.flushAll();
    expect(stream.stats.packetsEncoded).toBe(2);
    const writes = [...sockets.values()].map((s) => s.written);
    for (const w of writes) expect(w).toHaveLength(1);
    expect(new Set(writes.map((w) => w[0]))).toHaveLength(1);
    expect(stream.stats.deliveries).toBe(6);
  });

  it('sends an update after a quiet window at once, and gathers what follows within the window for its end', () => {
    let clock = 1000;
    const asked: number[] = [];
    let due: ((lateMs: number) => void) | null = null;
    const cadence: Cadence = {
      now: () => clock,
      after: (ms, run) => {
        asked.push(ms);
        due = run;
        return () => (due = null);
      },
    };
    const { watch, sockets } = observersOf(2, ['a']);
    const stream = new ObserverStream(watch, { logger: pino({ level: 'silent' }), cadence, cadenceMs: 50 });
    const fire = () => due!(0);
    const writes = () => [...sockets.values()].map((s) => s.written.length);

    stream.update('a', update('one'));
    expect(asked).toEqual([0]); // nothing went out for a window: no wait
    fire();
    expect(writes()).toEqual([1, 1]);

    clock += 10;
    stream.update('a', update('two'));
    stream.update('a', update('three'));
    expect(asked).toEqual([0, 40]); // the rest of the window since the last packet
    clock += 40;
    fire();
    expect(writes()).toEqual([2, 2]); // both in one packet
    expect(stream.stats.updatesCoalesced).toBe(2);

    clock += 500;
    stream.update('a', update('four'));
    expect(asked).toEqual([0, 40, 0]);
  });

  it('lets other work run between slices of observers, and starts the next window only after the last write', async () => {
    const count = OBSERVER_SLICE * 2 + 10;
    const { watch, log } = observersOf(count, ['a']);
    const stream = new ObserverStream(watch, { logger: pino({ level: 'silent' }), cadence: byHand });
    stream.update('a', update('one'));
    stream.flushAll();
    // A member's edit arriving while observers are being written to.
    setImmediate(() => {
      log.push('member');
      stream.update('a', update('two'));
      stream.flushAll();
    });
    await new Promise<void>((resolve) => {
      const check = () => (log.filter((e) => e !== 'member').length >= count ? resolve() : setImmediate(check));
      check();
    });
    const member = log.indexOf('member');
    expect(member).toBeGreaterThan(0);
    expect(member).toBeLessThan(count);
    // The second window's packet waited for the first to reach everyone: each observer got one write.
    expect(log.filter((e) => e !== 'member')).toHaveLength(count);
    expect(stream.pendingUpdates('a')).toBe(1);
  });
});
