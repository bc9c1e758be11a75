import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The connection roles a node counts: the assembly namespace's members and moderators, and `/watch` observers. */
export type ConnectionRole = 'member' | 'moderator' | 'observer';

export interface Metrics {
  /** Serve `registry.metrics()` with `registry.contentType` at `GET /metrics`. */
  registry: Registry;
  connections: Gauge<'role'>;
  documentsLoaded: Gauge;
  /** Client updates applied on this node (`origin: client`) and updates applied from other nodes (`cluster`). */
  updatesApplied: Counter<'origin'>;
  /** Seconds from applying an update to handing it to the sockets (Socket.IO emit returns). */
  fanoutSeconds: Histogram;
  /** Seconds from `UpdateLog.append` to the batch's commit: how long an edit is at risk. */
  persistenceLagSeconds: Histogram;
  /** Stops the event-loop monitor (tests, shutdown). */
  close(): void;
}

// Fan-out and commit times are milliseconds, stalls seconds: buckets span 0.1 ms to 2.5 s.
const BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * One registry per app (not prom-client's global one), so tests can build several apps in one
 * process. Event-loop delay is read from `monitorEventLoopDelay` at scrape time and reset, so each
 * scrape reports the interval since the previous one.
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'moot_process_' });

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // The histogram holds whole timer intervals; what exceeds the 10 ms resolution is the delay.
  const delaySeconds = (ns: number) => Math.max(0, ns / 1e9 - 0.01);
  new Gauge({
    name: 'moot_event_loop_delay_seconds',
    help: 'Event-loop delay since the previous scrape, by quantile',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      this.set({ quantile: '0.5' }, delaySeconds(loop.percentile(50)));
      this.set({ quantile: '0.99' }, delaySeconds(loop.percentile(99)));
      this.set({ quantile: '1' }, delaySeconds(loop.max));
      loop.reset();
    },
  });

  return {
    registry,
    connections: new Gauge({
      name: 'moot_connections',
      help: 'Open Socket.IO connections on this node, by role',
      labelNames: ['role'],
      registers: [registry],
    }),
    documentsLoaded: new Gauge({
      name: 'moot_documents_loaded',
      help: 'Yjs documents loaded in memory on this node',
      registers: [registry],
    }),
    updatesApplied: new Counter({
      name: 'moot_document_updates_total',
      help: 'Document updates applied on this node, by origin (client or cluster); rate() gives updates/s',
      labelNames: ['origin'],
      registers: [registry],
    }),
    fanoutSeconds: new Histogram({
      name: 'moot_fanout_seconds',
      help: 'Time from applying a document update to emitting it to the sockets',
      buckets: BUCKETS,
      registers: [registry],
    }),
    persistenceLagSeconds: new Histogram({
      name: 'moot_persistence_lag_seconds',
      help: 'Time from appending a document update to the log until its batch committed',
      buckets: BUCKETS,
      registers: [registry],
    }),
    close: () => loop.disable(),
  };
}
