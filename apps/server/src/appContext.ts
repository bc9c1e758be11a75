import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { DocumentAccess } from './collab/documentAccess.ts';
import type { DocumentRegistry } from './collab/documentRegistry.ts';
import type { Metrics } from './metrics/metrics.ts';
import type { MootServer, WatchNamespace } from './realtime/socketData.ts';
import type { Database } from './storage/database.ts';
import type { Throttles } from './throttle/throttles.ts';

/** Whether a participant may not speak or write for now; cached on each node. */
export interface Silencing {
  isSilenced(participantId: string): Promise<boolean>;
  /** Throws the refusal for a muted (`muted`) or removed (`forbidden`) participant; `what` says what was not taken. */
  refuse(participantId: string, what: string): Promise<void>;
  /** This node just changed it: forget the cached answer. */
  forget(participantId: string): void;
}

/**
 * What every feature's handlers are built from; assembled once in `createApp`. The core's part
 * is declared here; the features add what they share (their publishers) in
 * `features/featureContext.ts`, so the core never names a feature.
 */
export interface AppContext {
  db: Database;
  logger: Logger;
  io: MootServer;
  watch: WatchNamespace;
  documents: DocumentRegistry;
  metrics: Metrics;
  access: DocumentAccess;
  /** Whether someone is muted or removed: every edit asks (the sessions feature answers). */
  silence: Silencing;
  /** Keys ballots to members without the database knowing how (see voteStore). Same on every node. */
  ballotSecret: Uint8Array;
  sessionLifetimeMs: number;
  /** The address a request or handshake comes from, as every per-address limit counts it (`TRUST_PROXY`). */
  clientAddress(req: IncomingMessage): string;
  throttles: Throttles;
  secureCookies: boolean;
  /** PeerTube hosts whose videos the watch page may embed (`PEERTUBE_HOSTS`); also the CSP's `frame-src`. */
  peertubeHosts: readonly string[];
}
