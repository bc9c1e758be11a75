import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { DocumentAccess } from './collab/documentAccess.ts';
import type { DocumentRegistry } from './collab/documentRegistry.ts';
import type { AmendmentPublisher } from './features/amendments/amendmentPublisher.ts';
import type { CommentPublisher } from './features/comments/commentPublisher.ts';
import type { CasePublisher } from './features/cases/casePublisher.ts';
import type { Metrics } from './metrics/metrics.ts';
import type { SessionPublisher } from './features/sessions/sessionPublisher.ts';
import type { Silence } from './features/sessions/silence.ts';
import type { VotePublisher } from './features/votes/votePublisher.ts';
import type { WatcherCount } from './features/watch/watcherCount.ts';
import type { MootServer, WatchNamespace } from './realtime/socketData.ts';
import type { Database } from './storage/database.ts';
import type { Throttles } from './throttle/throttles.ts';

/** What every feature's handlers are built from; assembled once in `createApp`. */
export interface AppContext {
  db: Database;
  logger: Logger;
  io: MootServer;
  watch: WatchNamespace;
  documents: DocumentRegistry;
  metrics: Metrics;
  access: DocumentAccess;
  watchers: WatcherCount;
  sessions: SessionPublisher;
  silence: Silence;
  votes: VotePublisher;
  amendments: AmendmentPublisher;
  comments: CommentPublisher;
  cases: CasePublisher;
  /** Keys ballots to members without the database knowing how (see voteStore). Same on every node. */
  ballotSecret: Uint8Array;
  sessionLifetimeMs: number;
  /** The address a request or handshake comes from, as every per-address limit counts it (`TRUST_PROXY`). */
  clientAddress(req: IncomingMessage): string;
  throttles: Throttles;
  secureCookies: boolean;
}
