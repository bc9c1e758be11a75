import type { AppealCase } from '@moot/protocol';
import { useSyncExternalStore } from 'react';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

/** Undefined until the server's first `appeals:state` (observers, facilitators and note-takers never get one). */
export type AppealsSnapshot = readonly AppealCase[] | undefined;

/**
 * The appeals as the server last sent them: to a member the actions about them, to moderators
 * every appeal. Created before the socket connects, so the first list is never missed.
 */
export class AppealsStore {
  private cases: AppealsSnapshot = undefined;
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    this.socket = socket as AssemblySocket;
    this.socket.on('appeals:state', this.onState);
  }

  getSnapshot = (): AppealsSnapshot => this.cases;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('appeals:state', this.onState);
    this.listeners.clear();
  }

  private readonly onState = ({ cases }: { cases: AppealCase[] }) => {
    this.cases = cases;
    for (const listener of this.listeners) listener();
  };
}

const noop = () => () => {};
const nothing = (): AppealsSnapshot => undefined;

/** The store's current cases, re-rendering on every change. */
export function useAppeals(store: AppealsStore | null): AppealsSnapshot {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? nothing);
}
