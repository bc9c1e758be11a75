import { createServer, type Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { LIMITS, NAMESPACES, TRANSPORTS, wireParser } from '@moot/protocol';
import type { AppContext } from './appContext.ts';
import { soloNode, type Cluster } from './cluster/cluster.ts';
import { MemoryHeads } from './cluster/sharedHeads.ts';
import type { ClusterLink } from './cluster/connectCluster.ts';
import { DocumentAccess } from './collab/documentAccess.ts';
import { DocumentRegistry } from './collab/documentRegistry.ts';
import type { DocumentRules } from './collab/resolveDocument.ts';
import { UpdateLog } from './collab/updateLog.ts';
import { AmendmentPublisher } from './features/amendments/amendmentPublisher.ts';
import { assemblyConnections } from './features/assemblies/assemblyConnections.ts';
import { CommentPublisher } from './features/comments/commentPublisher.ts';
import { ConsensusPublisher } from './features/consensus/consensusPublisher.ts';
import { PanelPublisher } from './features/panels/panelPublisher.ts';
import { panelRoutes } from './features/panels/panelRoutes.ts';
import { caseReasoning } from './features/cases/caseReasoning.ts';
import { CasePublisher } from './features/cases/casePublisher.ts';
import { EvidencePublisher } from './features/evidence/evidencePublisher.ts';
import { TrackerPublisher } from './features/accountability/trackerPublisher.ts';
import { standardDocument } from './features/charter/standardDocument.ts';
import { exportRoutes } from './features/exports/exportRoutes.ts';
import { recordRoutes } from './features/exports/recordRoutes.ts';
import { passportRoutes } from './features/passport/passportRoutes.ts';
import { reportRoutes } from './features/report/reportRoutes.ts';
import type {} from './features/featureContext.ts'; // the features' part of AppContext
import { inviteRoutes } from './features/identity/inviteRoutes.ts';
import { liveSecretHashes } from './features/identity/liveSecrets.ts';
import { lockedWhenArchived } from './features/organise/archive.ts';
import { organiseRoutes } from './features/organise/organiseRoutes.ts';
import { liveOrganiserSecretHashes } from './features/organise/organiserStore.ts';
import { liveCodeHashes } from './features/members/memberCards.ts';
import { memberCodeRoutes } from './features/members/memberCommands.ts';
import { groupPad } from './features/sessions/groupPad.ts';
import { resendStateOnRestore } from './features/assemblies/currentState.ts';
import { SessionPublisher } from './features/sessions/sessionPublisher.ts';
import { Silence } from './features/sessions/silence.ts';
import { VotePublisher } from './features/votes/votePublisher.ts';
import { QuorumWatch, type QuorumWatchOptions } from './features/votes/quorumWatch.ts';
import { WatcherCount } from './features/watch/watcherCount.ts';
import { createHttpApp } from './http/httpApp.ts';
import { clientAddress, compileTrust, type ProxyTrust } from './http/clientAddress.ts';
import { allowOwnOrigin } from './http/origin.ts';
import { createMetrics } from './metrics/metrics.ts';
import { followedBy, socketFanout } from './realtime/fanout.ts';
import { dropSlowConsumers } from './realtime/backpressure.ts';
import { ObserverStream, type ObserverStreamOptions } from './realtime/observerStream.ts';
import { attachNamespaces } from './realtime/namespaces.ts';
import { guardEngineRequests } from './realtime/transports.ts';
import type { MootServer, WatchNamespace } from './realtime/socketData.ts';
import type { Database } from './storage/database.ts';
import type { Clock } from './throttle/perClient.ts';
import { createThrottles } from './throttle/throttles.ts';

/** Who may open which kind of document (`<kind>:<id>`): each feature's own rule. */
const DOCUMENT_RULES: DocumentRules = new Map(
  (
    [
      ['standard', standardDocument],
      ['easy', standardDocument], // a standard's easy-read version follows the standard's own rules
      ['pad', groupPad],
      ['case', caseReasoning],
    ] as const
  ).map(([kind, rule]) => [kind, lockedWhenArchived(rule)]), // an archived assembly's documents are read-only
);

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** The built web app to serve, if any. */
  webRoot?: string | null;
  sessionLifetimeMs?: number;
  secureCookies?: boolean;
  /** Other nodes, when several run (`connectCluster`); a single node otherwise. */
  cluster?: Pick<ClusterLink, 'cluster' | 'adapter' | 'onRestored'>;
  /** The secret that keys ballots to members (`BALLOT_SECRET`); identical on every node. */
  ballotSecret: Uint8Array;
  /** How long the update log gathers a batch before one INSERT (default 10 ms). */
  updateBatchMs?: number;
  /** Tuning for tests: updates folded into a snapshot after this many. */
  compactEvery?: number;
  /** How long a document nobody holds stays loaded before it is folded and freed (default 2 s); walks that wait for the fold shorten it. */
  unloadAfterMs?: number;
  /** The address users reach (`PUBLIC_URL`): pages from its origin (or the host itself) may connect. */
  publicUrl?: string | null;
  /** A connection that has not authenticated by then is closed (default `LIMITS.handshakeTimeoutMs`). */
  handshakeTimeoutMs?: number;
  /** Which peers are proxies whose `X-Forwarded-For` names the client (`TRUST_PROXY`); default none. */
  trustProxy?: ProxyTrust;
  /** The per-address limits' clock (default `performance.now`); tests move it by hand. */
  throttleClock?: Clock;
  /** Handshakes one address may open at once (default `LIMITS.handshakeBurst`); walks that open hundreds raise it. */
  handshakeBurst?: number;
  /** `GET /metrics` answers only `Authorization: Bearer <this>` (`METRICS_TOKEN`); without it, 404. */
  metricsToken?: string | null;
  /** How often unwritten denials are summed up in one audit row (default `LIMITS.deniedSummaryWindowMs`). */
  deniedSummaryWindowMs?: number;
  /** The observer stream's cadence and bound (defaults from `LIMITS`); tests drive its cadence by hand. */
  observerStream?: Omit<ObserverStreamOptions, 'logger'>;
  /** Audited denials per address and per key before they are only counted (default `LIMITS.auditedDenialBurst`); the permissions walk, which audits every refusal, raises it. */
  auditedDenialBurst?: number;
  /** PeerTube hosts the watch page may embed a livestream from (`PEERTUBE_HOSTS`); default none. */
  peertubeHosts?: readonly string[];
  /** Quorum while a vote is open: the grace and the sweep (defaults from `LIMITS`); tests shorten the grace. */
  quorum?: QuorumWatchOptions;
}

export interface App {
  httpServer: HttpServer;
  io: MootServer;
  context: AppContext;
  /** Document traffic to this node's observers (`/watch`). */
  observers: ObserverStream;
  /** Stops taking connections, writes everything pending, and frees documents. Leaves the database open. */
  close(): Promise<void>;
}

/** Builds the whole server without listening or reading the environment (that is `main.ts`). */
export function createApp(deps: AppDeps): App {
  const httpServer = createServer();
  const io: MootServer = new Server(httpServer, {
    parser: wireParser,
    maxHttpBufferSize: LIMITS.maxPacketBytes,
    transports: TRANSPORTS,
    serveClient: false,
    connectTimeout: deps.handshakeTimeoutMs ?? LIMITS.handshakeTimeoutMs,
    allowRequest: allowOwnOrigin(deps.publicUrl ?? null),
    ...(deps.cluster ? { adapter: deps.cluster.adapter } : {}),
  });
  guardEngineRequests(io, deps.publicUrl ?? null);
  const cluster: Cluster = deps.cluster?.cluster ?? soloNode;
  const watch = io.of(NAMESPACES.watch) as unknown as WatchNamespace;
  const metrics = createMetrics();
  const observers = new ObserverStream(watch, { logger: deps.logger, ...deps.observerStream });
  const log = new UpdateLog(deps.db, deps.logger, { batchMs: deps.updateBatchMs ?? 10 });
  const consensus = new ConsensusPublisher(deps.db, io, watch, deps.logger);
  const documents = new DocumentRegistry({
    db: deps.db,
    log,
    logger: deps.logger,
    fanout: followedBy(socketFanout(io, watch, observers), (docId) => consensus.textChanged(docId)),
    cluster,
    metrics,
    compactEvery: deps.compactEvery,
    unloadAfterMs: deps.unloadAfterMs,
  });
  const trust = compileTrust(deps.trustProxy ?? false);
  const context: AppContext = {
    db: deps.db,
    logger: deps.logger,
    io,
    watch,
    documents,
    metrics,
    // The in-memory adapter of a single node has no serverSideEmit (it would only warn).
    access: new DocumentAccess(
      deps.db,
      DOCUMENT_RULES,
      undefined,
      deps.cluster ? (docId) => io.serverSideEmit('access:changed', docId) : null,
    ),
    watchers: new WatcherCount(io, watch, Boolean(deps.cluster)),
    sessions: new SessionPublisher(deps.db, io, watch, cluster.heads ?? new MemoryHeads(), deps.logger),
    silence: new Silence(deps.db),
    votes: new VotePublisher(deps.db, io, watch),
    quorum: new QuorumWatch(() => context, deps.quorum),
    amendments: new AmendmentPublisher(deps.db, io, watch),
    comments: new CommentPublisher(deps.db, io, watch),
    consensus,
    cases: new CasePublisher(deps.db, io, watch),
    evidence: new EvidencePublisher(deps.db, io, watch),
    tracker: new TrackerPublisher(deps.db, io, watch),
    panels: new PanelPublisher(deps.db, io, watch),
    ballotSecret: deps.ballotSecret,
    sessionLifetimeMs: deps.sessionLifetimeMs ?? 30 * 24 * 3600 * 1000,
    secureCookies: deps.secureCookies ?? false,
    peertubeHosts: deps.peertubeHosts ?? [],
    clientAddress: (req) => clientAddress(req, trust),
    // Every secret that opens something: participants' (invites, sessions, watch keys), organisers' and cards' codes.
    throttles: createThrottles(
      async () =>
        (
          await Promise.all([liveSecretHashes(deps.db), liveOrganiserSecretHashes(deps.db), liveCodeHashes(deps.db)])
        ).flat(),
      deps.throttleClock,
      deps.handshakeBurst,
    ),
  };
  const denials = attachNamespaces(context, assemblyConnections(context), {
    now: deps.throttleClock,
    windowMs: deps.deniedSummaryWindowMs,
    burst: deps.auditedDenialBurst,
  });
  dropSlowConsumers(io, deps.logger);
  context.quorum.start();
  io.on('access:changed', (docId) => context.access.forget(docId));
  const resend = resendStateOnRestore(context, deps.cluster);
  const httpApp = createHttpApp(context, {
    webRoot: deps.webRoot ?? null,
    redisUp: () => cluster.isUp(),
    publicUrl: deps.publicUrl ?? null,
    routes: [
      inviteRoutes(context),
      memberCodeRoutes(context),
      exportRoutes(context),
      recordRoutes(context),
      reportRoutes(context),
      organiseRoutes(context),
      passportRoutes(context),
      panelRoutes(context),
    ],
    trust,
    metricsToken: deps.metricsToken ?? null,
  });
  // engine.io attached first and answers its own path; a listener added after it would see those
  // requests too and answer a held long-poll with a 404 of its own.
  const enginePath = `${io.path()}/`;
  httpServer.on('request', (req, res) => {
    if (!req.url?.startsWith(enginePath)) httpApp(req, res);
  });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      context.watchers.close();
      observers.close();
      context.sessions.close();
      context.votes.close();
      context.quorum.close();
      consensus.close();
      resend.close();
      const stopped = new Promise<void>((resolve) => io.close(() => resolve()));
      await documents.close();
      await stopped;
      await denials.close();
      metrics.close();
    })());
  return { httpServer, io, context, observers, close };
}
