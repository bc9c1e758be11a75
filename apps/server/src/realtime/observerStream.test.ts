import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as ws from 'ws';
import { mergeAwarenessUpdates } from './awarenessMerge.ts';
import { binaryFrame, nextCadence } from './observerStream.ts';

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
