import type { SharedHeads } from './sharedHeads.ts';

/**
 * The one module that knows about other nodes. The document registry tells it what this node
 * holds and what changed here; it tells the registry what changed elsewhere. Single node: the
 * `soloNode` below, which has nobody to tell.
 */
export interface ClusterListener {
  /** A Yjs update another node accepted (and persists). */
  remoteUpdate(docId: string, update: Uint8Array): void;
  /** Awareness from another node, already stamped and pseudonymised there. */
  remoteAwareness(docId: string, forParticipants: Uint8Array, forWatchers: Uint8Array): void;
  /** This node may have missed updates (its subscription dropped, or another node could not publish): reload from the database. */
  missedUpdates(docId: string): void;
}

export interface Cluster {
  readonly nodeId: string;
  /** Registers the nodes share (compare-and-set); null on a single node, which keeps them in memory. */
  readonly heads: SharedHeads | null;
  listen(listener: ClusterListener): void;
  /**
   * Start following a document; awaited before it is read from the database, so whatever is
   * published after that read is received. Resolves (without following) while Redis is away:
   * the document is then reloaded once the link is back.
   */
  follow(docId: string): Promise<void>;
  unfollow(docId: string): void;
  /** An update this node stored; updates stored in the same tick travel together. */
  publishUpdate(docId: string, update: Uint8Array): void;
  publishAwareness(docId: string, forParticipants: Uint8Array, forWatchers: Uint8Array): void;
  /** Whether the cluster link is up; null on a single node. */
  isUp(): boolean | null;
  close(): Promise<void>;
}

export const soloNode: Cluster = {
  nodeId: 'solo',
  heads: null,
  listen: () => {},
  follow: async () => {},
  unfollow: () => {},
  publishUpdate: () => {},
  publishAwareness: () => {},
  isUp: () => null,
  close: async () => {},
};
