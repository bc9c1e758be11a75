import type { AmendmentView, DissentView, VoteView } from '@moot/protocol';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';

/** Each list is undefined until the server's first broadcast of it. */
export interface Decisions {
  votes: readonly VoteView[] | undefined;
  amendments: readonly AmendmentView[] | undefined;
  dissents: readonly DissentView[] | undefined;
}

const NOTHING_YET: Decisions = { votes: undefined, amendments: undefined, dissents: undefined };

/**
 * The assembly's votes, amendments and minority reports as the server last sent them (each the
 * whole list, on connection and after every change). Created before the socket connects, so the
 * first lists are never missed.
 */
export class DecisionsStore {
  private decisions: Decisions = NOTHING_YET;
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;

  constructor(socket: AssemblySocket | WatchSocket) {
    // Both namespaces carry these broadcasts; the union's overloads do not narrow.
    this.socket = socket as AssemblySocket;
    this.socket.on('votes:state', this.onVotes);
    this.socket.on('amendments:state', this.onAmendments);
  }

  getSnapshot = (): Decisions => this.decisions;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.socket.off('votes:state', this.onVotes);
    this.socket.off('amendments:state', this.onAmendments);
    this.listeners.clear();
  }

  private set(change: Partial<Decisions>): void {
    this.decisions = { ...this.decisions, ...change };
    for (const listener of this.listeners) listener();
  }

  private readonly onVotes = ({ votes }: { votes: VoteView[] }) => this.set({ votes });
  private readonly onAmendments = ({
    amendments,
    dissents,
  }: {
    amendments: AmendmentView[];
    dissents: DissentView[];
  }) => this.set({ amendments, dissents });
}

export const NO_DECISIONS = NOTHING_YET;
