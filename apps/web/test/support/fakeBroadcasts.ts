import type { AssemblySocket } from '../../src/collab/transport.ts';

type Handler = (...args: unknown[]) => void;

/**
 * A socket that only listens: a store under test subscribes with `on`/`off`, the test plays the
 * server's broadcasts with `fire`, and `listening()` counts the handlers still attached.
 */
export function fakeBroadcasts() {
  const handlers = new Map<string, Set<Handler>>();
  const socket = {
    on: (event: string, handler: Handler) => handlers.set(event, (handlers.get(event) ?? new Set()).add(handler)),
    off: (event: string, handler: Handler) => handlers.get(event)?.delete(handler),
  };
  const fire = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((h) => h(...args));
  const listening = () => [...handlers.values()].reduce((n, set) => n + set.size, 0);
  return { socket: socket as unknown as AssemblySocket, fire, listening };
}
