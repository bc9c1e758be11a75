import type { ProgrammeState } from '@moot/protocol';
import { useSyncExternalStore } from 'react';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

/** Undefined until the server's first `programme:state`. */
export type ProgrammeSnapshot = ProgrammeState | undefined;

/**
 * The assembly's programme as the server last sent it (whole, on connection and after every
 * change; observers get it without online links). Created before the socket connects, so the
 * first one is never missed. Kept tiny: the watch page loads it up front, its view on demand.
 */
export class ProgrammeStore {
  private state: ProgrammeSnapshot = undefined;
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    this.socket = socket as AssemblySocket;
    this.socket.on('programme:state', this.onState);
  }

  getSnapshot = (): ProgrammeSnapshot => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('programme:state', this.onState);
    this.listeners.clear();
  }

  private readonly onState = (state: ProgrammeState) => {
    this.state = state;
    for (const listener of this.listeners) listener();
  };
}

const noop = () => () => {};
const nothing = (): ProgrammeSnapshot => undefined;

export function useProgramme(store: ProgrammeStore | null): ProgrammeSnapshot {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? nothing);
}
