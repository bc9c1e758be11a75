import type { SessionState } from '@moot/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { AssemblySocket } from '../../collab/transport.ts';
import { SessionStore } from './sessionStore.ts';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket: listeners, and `clock:ping` answered by a server whose clock is `ahead` ms ahead. */
function fakeSocket(ahead: number) {
  const handlers = new Map<string, Set<Handler>>();
  let pings = 0;
  const socket = {
    on: (event: string, handler: Handler) => handlers.set(event, (handlers.get(event) ?? new Set()).add(handler)),
    off: (event: string, handler: Handler) => handlers.get(event)?.delete(handler),
    timeout: () => ({
      emit: (_event: string, _payload: unknown, done: (error: Error | null, ack: unknown) => void) => {
        pings += 1;
        queueMicrotask(() => done(null, { ok: true, data: { serverTime: Date.now() + ahead } }));
      },
    }),
  };
  const fire = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((h) => h(...args));
  const listening = () => [...handlers.values()].reduce((n, set) => n + set.size, 0);
  return { socket: socket as unknown as AssemblySocket, fire, listening, pings: () => pings };
}

const state = { id: 's', title: 'Morning' } as SessionState;

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
