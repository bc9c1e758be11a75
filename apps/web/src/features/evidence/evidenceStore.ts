import type { AckCallback, EvidenceMine, EvidenceState } from '@moot/protocol';
import { useSyncExternalStore } from 'react';

/** What both sockets (a member's and an observer's) offer the library: open it, and hear its changes. */
export interface EvidenceSocket {
  connected: boolean;
  on(event: 'evidence:state' | 'connect', listener: (state: EvidenceState) => void): unknown;
  emit(
    event: 'evidence:open',
    payload: Record<string, never>,
    ack: AckCallback<{ state: EvidenceState; mine: EvidenceMine }>,
  ): unknown;
}

export interface EvidenceSnapshot {
  /** Undefined until the server answered. */
  state: EvidenceState | undefined;
  /** The questions this member supports (their own record, from `evidence:open` and their own commands). */
  supported: ReadonlySet<string>;
}

/**
 * The library, opened once per connection (again after a reconnection) and kept current by
 * `evidence:state`. One store per socket, shared by the section and the citations under standards.
 */
class EvidenceStore {
  private snapshot: EvidenceSnapshot = { state: undefined, supported: new Set() };
  private readonly listeners = new Set<() => void>();

  constructor(socket: EvidenceSocket) {
    socket.on('evidence:state', (state) => this.set({ ...this.snapshot, state }));
    const open = () =>
      socket.emit('evidence:open', {}, (ack) => {
        if (ack.ok) this.set({ state: ack.data.state, supported: new Set(ack.data.mine.supported) });
      });
    socket.on('connect', open);
    if (socket.connected) open();
  }

  /** This member's support was counted. */
  markSupported(questionId: string): void {
    this.set({ ...this.snapshot, supported: new Set([...this.snapshot.supported, questionId]) });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getSnapshot = () => this.snapshot;

  private set(snapshot: EvidenceSnapshot) {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<object, EvidenceStore>();

export function evidenceStore(socket: EvidenceSocket): EvidenceStore {
  let store = stores.get(socket);
  if (!store) stores.set(socket, (store = new EvidenceStore(socket)));
  return store;
}

/** The library as this socket's audience sees it, re-rendering on every change. */
export function useEvidence(socket: EvidenceSocket): EvidenceSnapshot & { store: EvidenceStore } {
  const store = evidenceStore(socket);
  return { ...useSyncExternalStore(store.subscribe, store.getSnapshot), store };
}
