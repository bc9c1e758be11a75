import type { Logger } from 'pino';
import type { Database } from '../storage/database.ts';
import { appendUpdates, type StoredUpdate } from './documentStore.ts';

interface Pending extends StoredUpdate {
  resolve: () => void;
}

/**
 * Writes document updates to the log in batches: at most one INSERT per `batchMs`, and each
 * writer's promise resolves only after its batch committed (so "saved" means durable). An
 * update reaching an idle log (its last write began `batchMs` ago or more) is written at once,
 * with whatever else arrives in the same turn: batching bounds the write rate under load and
 * adds no wait when edits are sparse — that wait delays the acknowledgement and every other
 * node's copy, which is only published once stored. A
 * failed batch is retried with backoff — the updates are already live in memory and at other
 * clients, so dropping them would make the database diverge from what people saw.
 */
export class UpdateLog {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private failures = 0;
  private lastWriteAt = -Infinity;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    options: { batchMs?: number; maxBatch?: number; maxQueued?: number } = {},
  ) {
    this.options = { batchMs: 10, maxBatch: 500, maxQueued: 20_000, ...options };
  }
  private readonly options: { batchMs: number; maxBatch: number; maxQueued: number };

  /** Whether the log can take more; when false, new edits are refused rather than buffered. */
  get accepting(): boolean {
    return this.queue.length < this.options.maxQueued;
  }

  append(update: StoredUpdate): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({ ...update, resolve });
      this.schedule(this.untilNextWindow());
    });
  }

  /**
   * Resolves when everything appended so far is committed (used on shutdown); gives up at
   * `deadline` and returns how many updates are still unwritten.
   */
  async flush(deadline = Date.now() + 10_000): Promise<number> {
    while ((this.queue.length > 0 || this.writing) && Date.now() < deadline) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      await (this.writing ?? this.write());
      if (this.failures > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * this.failures)));
    }
    return this.queue.length;
  }

  private untilNextWindow(): number {
    return Math.max(0, this.lastWriteAt + this.options.batchMs - performance.now());
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.writing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, delayMs);
  }

  private write(): Promise<void> {
    const batch = this.queue.splice(0, this.options.maxBatch);
    this.lastWriteAt = performance.now();
    this.writing = appendUpdates(this.db, batch)
      .then(() => {
        this.failures = 0;
        for (const pending of batch) pending.resolve();
      })
      .catch((error: unknown) => {
        this.failures++;
        this.logger.error(
          { err: error, updates: batch.length, failures: this.failures },
          'update log write failed; retrying',
        );
        this.queue.unshift(...batch);
      })
      .finally(() => {
        this.writing = null;
        if (this.queue.length === 0) return;
        this.schedule(this.failures === 0 ? this.untilNextWindow() : Math.min(5000, 100 * 2 ** this.failures));
      });
    return this.writing;
  }
}
