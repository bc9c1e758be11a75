/** What the runner tells a load generator, and what the generator reports back (over IPC). */

export type ClientKind = 'moot' | 'hocuspocus' | 'yws' | 'sio';

/** One document as the generator must address it on a given system. */
export interface DocTarget {
  name: string;
  /** Moot only: the watch key of the document's assembly, and one session cookie per writer. */
  watchKey?: string;
  cookies?: string[];
}

export interface GeneratorConfig {
  kind: ClientKind;
  /** One URL per server node; clients are split round-robin across them. */
  urls: string[];
  docs: DocTarget[];
  writersPerDoc: number;
  readersPerDoc: number;
  /** Updates per second per writer (one character each), Poisson arrivals. */
  rate: number;
  warmupMs: number;
  measureMs: number;
  /** Connections are spread evenly over this window (W3: 100 clients within 5 s). */
  connectSpreadMs: number;
  /** W4: readers keep a real Y.Doc so convergence can be checked; writers on a killed node stay gone. */
  fullReaders: boolean;
  mode: 'steady' | 'cold' | 'kill';
}

/** Generator → runner. The runner answers `measure-start`/`measure-end`/`kill` with `go`. */
export type GeneratorEvent =
  | { type: 'connected'; clients: number; syncMs: number[]; failed: number }
  | { type: 'measure-start' }
  | { type: 'measure-end' }
  | { type: 'kill-now' }
  /** W4, after the window: SIGKILL every node, start node 0 again; the runner's `go` carries its URL. */
  | { type: 'crash-all' }
  | { type: 'result'; result: GeneratorResult }
  | { type: 'error'; message: string };

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface GeneratorResult {
  latency: LatencySummary;
  /** Update messages delivered to any client during the measured window. */
  delivered: number;
  /** The writers' updates those messages carried (one message may carry several: Moot's observer packets). */
  deliveredUpdates?: number;
  writes: number;
  /** Writes the server refused and told the writer so (Moot only): they are not drops of the fan-out. */
  refused: number;
  /** Writes made inside the measured window (Redis commands per update divide by this). */
  windowWrites: number;
  drops: number;
  disconnects: number;
  syncMs: { p50: number; p99: number; max: number; count: number };
  loopP99: number;
  loopMax: number;
  /** W4 only. */
  kill?: {
    ackedLost: number | null;
    convergeMs: number | null;
    ackedAtKill: number;
    killedWriters: number;
    /** After every node was SIGKILLed and one restarted from storage: acknowledged edits missing, of how many. */
    crash?: { crashLost: number | null; ackedAtCrash: number; crashPendingClients: number };
  };
}
