import type { AssemblySnapshot, PanelPlace, PanelsState } from '@moot/protocol';
import { useSyncExternalStore } from 'react';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

export interface PanelsSnapshot {
  state: PanelsState;
  /** Who this page is (null for an observer), from the assembly snapshot. */
  me: { id: string; role: string } | null;
  /** This member's own index in each case's public transcript (`panels:mine`), by case id; null when not in the pool. */
  places: Readonly<Record<string, number | null>>;
}

const EMPTY: PanelsSnapshot = { state: { panels: [], conflicts: [] }, me: null, places: {} };

/**
 * Case panels and conflicts as the server last sent them (`panels:state`), who this page is, and
 * (for a member) their own index in each transcript (`panels:mine`).
 * Created with the socket in `openLiveRoom`, before it connects, so the first state is never missed.
 */
export class PanelsStore {
  private snapshot: PanelsSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    // Both namespaces carry these broadcasts; the union's overloads do not narrow.
    this.socket = socket as AssemblySocket;
    this.socket.on('panels:state', this.onState);
    this.socket.on('panels:mine', this.onMine);
    this.socket.on('assembly:snapshot', this.onSnapshot);
  }

  getSnapshot = (): PanelsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('panels:state', this.onState);
    this.socket.off('panels:mine', this.onMine);
    this.socket.off('assembly:snapshot', this.onSnapshot);
    this.listeners.clear();
  }

  private set(next: PanelsSnapshot) {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private readonly onState = (state: PanelsState) => this.set({ ...this.snapshot, state });

  private readonly onMine = ({ places }: { places: PanelPlace[] }) =>
    this.set({ ...this.snapshot, places: Object.fromEntries(places.map((p) => [p.caseId, p.index])) });

  private readonly onSnapshot = ({ me }: AssemblySnapshot) =>
    this.set({ ...this.snapshot, me: me ? { id: me.id, role: me.role } : null });
}

/**
 * Each live room's store, found from its document provider: every page that shows a case already
 * hands its card the provider, so the panel needs no new prop through the pages.
 */
const stores = new WeakMap<CollabProvider, PanelsStore>();
export const registerPanels = (provider: CollabProvider, store: PanelsStore): void => {
  stores.set(provider, store);
};
export const panelsStoreOf = (provider: CollabProvider): PanelsStore | null => stores.get(provider) ?? null;

const noop = () => () => {};
const nothing = (): PanelsSnapshot => EMPTY;

export function usePanels(store: PanelsStore | null): PanelsSnapshot {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? nothing);
}
