import type { CaseView } from '@moot/protocol';
import { useSyncExternalStore } from 'react';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

/** Undefined until the server's first `cases:state`. */
export type CasesSnapshot = readonly CaseView[] | undefined;

/**
 * The assembly's breach cases as the server last sent them (the whole list on connection and
 * after every change; observers get pseudonyms). Created before the socket connects, so the first
 * list is never missed.
 */
export class CasesStore {
  private cases: CasesSnapshot = undefined;
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    // Both namespaces carry `cases:state`; the union's overloads do not narrow.
    this.socket = socket as AssemblySocket;
    this.socket.on('cases:state', this.onState);
  }

  getSnapshot = (): CasesSnapshot => this.cases;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('cases:state', this.onState);
    this.listeners.clear();
  }

  private readonly onState = ({ cases }: { cases: CaseView[] }) => {
    this.cases = cases;
    for (const listener of this.listeners) listener();
  };
}

const noop = () => () => {};
const nothing = (): CasesSnapshot => undefined;

/** The cases store's current list, re-rendering on every change. */
export function useCases(store: CasesStore | null): CasesSnapshot {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? nothing);
}
