import type { Tracker } from '@moot/protocol';
import { useSyncExternalStore } from 'react';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

/**
 * The institution's responses and progress as the server last sent them (`accountability:state`,
 * the same for everyone). Created before the socket connects, so the first state is never missed.
 */
export class TrackerStore {
  private tracker: Tracker | undefined = undefined;
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    this.socket = socket as AssemblySocket;
    this.socket.on('accountability:state', this.onState);
  }

  getSnapshot = (): Tracker | undefined => this.tracker;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('accountability:state', this.onState);
    this.listeners.clear();
  }

  private readonly onState = (tracker: Tracker) => {
    this.tracker = tracker;
    for (const listener of this.listeners) listener();
  };
}

const none = () => () => {};
/** The tracker, undefined until the first state (or without a store). */
export function useTracker(store: TrackerStore | null): Tracker | undefined {
  return useSyncExternalStore(store?.subscribe ?? none, store?.getSnapshot ?? (() => undefined));
}
