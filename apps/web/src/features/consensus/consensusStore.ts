import type { OwnMark, StandardConsensus } from '@moot/protocol';
import { useSyncExternalStore } from 'react';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

export interface ConsensusSnapshot {
  /** Each marked standard's map, by standard id (as last computed by the server). */
  maps: ReadonlyMap<string, StandardConsensus>;
  /** The member's own marks (empty for everyone else). */
  mine: readonly OwnMark[];
}

const EMPTY: ConsensusSnapshot = { maps: new Map(), mine: [] };

/**
 * The consensus maps and, for a member, their own marks, as the server last sent them. Created
 * before the socket connects (with the room's other stores), so the first state is never missed.
 */
export class ConsensusStore {
  private snapshot: ConsensusSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    // Both namespaces carry `consensus:state`; the union's overloads do not narrow.
    this.socket = socket as AssemblySocket;
    this.socket.on('consensus:state', this.onState);
    this.socket.on('consensus:mine', this.onMine);
  }

  getSnapshot = (): ConsensusSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('consensus:state', this.onState);
    this.socket.off('consensus:mine', this.onMine);
    this.listeners.clear();
  }

  private set(next: ConsensusSnapshot) {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private readonly onState = ({ standards }: { standards: StandardConsensus[] }) =>
    this.set({ ...this.snapshot, maps: new Map(standards.map((s) => [s.standardId, s])) });

  private readonly onMine = ({ marks }: { marks: OwnMark[] }) => this.set({ ...this.snapshot, mine: marks });
}

const noop = () => () => {};
const nothing = (): ConsensusSnapshot => EMPTY;

/** The store's current maps and own marks, re-rendering on every change. */
export function useConsensus(store: ConsensusStore | null): ConsensusSnapshot {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? nothing);
}
