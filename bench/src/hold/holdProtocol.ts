/** The runner (hold.ts) and its generator processes (observers.ts) talk over Node's IPC channel. */
export type ToChild =
  | {
      type: 'connect';
      /** This process's index, and the global index of its first observer. */
      child: number;
      offset: number;
      count: number;
      /** Observer g connects to urls[g % urls.length]: spread evenly over the nodes. */
      urls: string[];
      watchKey: string;
      docId: string;
      concurrency: number;
      perSecond: number;
    }
  | { type: 'sent'; key: number; at: number }
  | { type: 'measure'; on: boolean }
  /** The ramp's bound passed: open no more (those in flight finish). */
  | { type: 'stop' }
  | { type: 'arrivals' }
  | { type: 'report' }
  | { type: 'close' };

export type FromChild =
  | { type: 'ready' }
  | { type: 'progress' | 'connected'; connected: number; synced: number; gone: number; failed: number }
  | { type: 'arrivals'; held: number }
  | { type: 'report'; report: ChildReport };

export interface ChildReport {
  observers: number;
  held: number;
  disconnected: number;
  /** Socket.IO's disconnect reasons, by count. */
  reasons: Record<string, number>;
  /** Connections that never opened (handshake refused, timed out), by error. */
  refused: Record<string, number>;
  /** The writer's characters received by the observers still connected at the end. */
  arrivalsHeld: number;
  arrivalsAll: number;
  packetsHeld: number;
  fewestAtAnObserver: number;
  /** [update key, observers of this process that received it]. */
  perUpdate: [number, number][];
  /** Latency histogram buckets, [index, count] (stats.ts). */
  latency: [number, number][];
  loopP99: number;
  loopMax: number;
  heapUsed: number;
}
