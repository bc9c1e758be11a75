import { diffSession, type SessionState } from '@moot/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { AssemblySocket } from '../../collab/transport.ts';
import { SessionStore } from './sessionStore.ts';

type Handler = (...args: unknown[]) => void;

/**
 * Just enough of a socket: listeners, `clock:ping` answered by a server whose clock is `ahead` ms
 * ahead, and `session:resync` answered with whatever `current` holds.
 */
function fakeSocket(ahead: number) {
  const handlers = new Map<string, Set<Handler>>();
  let pings = 0;
  const resyncs = { count: 0, current: null as SessionState | null };
  const socket = {
    on: (event: string, handler: Handler) => handlers.set(event, (handlers.get(event) ?? new Set()).add(handler)),
    off: (event: string, handler: Handler) => handlers.get(event)?.delete(handler),
    timeout: () => ({
      emit: (event: string, _payload: unknown, done: (error: Error | null, ack: unknown) => void) => {
        if (event === 'session:resync') {
          resyncs.count += 1;
          const state = structuredClone(resyncs.current);
          return queueMicrotask(() => done(null, { ok: true, data: state }));
        }
        pings += 1;
        queueMicrotask(() => done(null, { ok: true, data: { serverTime: Date.now() + ahead } }));
      },
    }),
  };
  const fire = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((h) => h(...args));
  const listening = () => [...handlers.values()].reduce((n, set) => n + set.size, 0);
  return { socket: socket as unknown as AssemblySocket, fire, listening, pings: () => pings, resyncs };
}

const state = { id: 's', title: 'Morning' } as SessionState;
const full: SessionState = {
  version: 'e.0',
  id: 's',
  title: 'Morning',
  status: 'live',
  queueMode: 'fifo',
  turnLimitSeconds: 180,
  agenda: [],
  currentItemId: null,
  groupRepeats: null,
  attendees: [],
  queue: [],
  turn: null,
  groups: [],
  announcements: [],
  moderationLog: [],
  equity: null,
};
const hand = { id: 'h1', participantId: 'p1', name: 'Ada', kind: 'new_point' as const, raisedAt: 1, raisedBy: null };

describe('SessionStore', () => {
  it('keeps the last state the server sent, null included, and tells subscribers', () => {
    const { socket, fire } = fakeSocket(0);
    const store = new SessionStore(socket);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.getSnapshot().state).toBeUndefined();
    fire('session:state', state);
    expect(store.getSnapshot().state).toBe(state);
    fire('session:state', null);
    expect(store.getSnapshot().state).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('applies patches to the state it holds, and asks for the whole state after a gap', async () => {
    const { socket, fire, resyncs } = fakeSocket(0);
    const store = new SessionStore(socket);
    const v1 = { ...full, version: 'e.1' };
    const v2 = { ...v1, version: 'e.2', title: 'Afternoon' };
    const v3 = { ...v2, version: 'e.3', queue: [hand] };
    fire('session:state', v1);
    // The whole state shows at once; a patch waits for the replica's code (loaded on demand), then applies.
    expect(store.getSnapshot().state).toEqual(v1);
    fire('session:patch', diffSession(v1, v2));
    await vi.waitFor(() => expect(store.getSnapshot().state).toEqual(v2));
    expect(resyncs.count).toBe(0);

    // 3→4 arrives without 2→3: the store cannot apply it, asks, and shows what the server answers.
    const v4 = { ...v3, version: 'e.4', currentItemId: null, status: 'ended' as const };
    resyncs.current = v4;
    fire('session:patch', diffSession(v3, v4));
    expect(store.getSnapshot().state).toEqual(v2);
    await vi.waitFor(() => expect(store.getSnapshot().state).toEqual(v4));
    expect(resyncs.count).toBe(1);
    // A late, older patch changes nothing and asks for nothing.
    fire('session:patch', diffSession(v2, v3));
    expect(store.getSnapshot().state).toEqual(v4);
    expect(resyncs.count).toBe(1);
    store.destroy();
  });

  it('measures the clock offset with five pings on every connection', async () => {
    const { socket, fire, pings } = fakeSocket(90_000);
    const store = new SessionStore(socket);
    fire('connect');
    await vi.waitFor(() => expect(store.getSnapshot().offset).not.toBe(0));
    expect(Math.abs(store.getSnapshot().offset - 90_000)).toBeLessThan(50);
    expect(pings()).toBe(5);
    fire('connect');
    await vi.waitFor(() => expect(pings()).toBe(10));
  });

  it('stops listening when destroyed, and ignores a measurement that finishes afterwards', async () => {
    const { socket, fire, listening } = fakeSocket(90_000);
    const store = new SessionStore(socket);
    fire('connect');
    store.destroy();
    expect(listening()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getSnapshot().offset).toBe(0);
  });
});
