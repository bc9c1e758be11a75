import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { createClient, RESP_TYPES, type RedisClientType } from 'redis';
import type { Cluster, ClusterListener } from './cluster.ts';

/** Stream entries are kept at least this long: far longer than a batch takes to commit. */
const RETAIN_MS = 60_000;
/** An idle document's stream disappears after this, so Redis does not grow with every document ever opened. */
const IDLE_EXPIRY_S = 600;
const READ_BLOCK_MS = 1000;
const READ_COUNT = 500;
/** After a gap, reload again this much later: other nodes' last updates may still have been committing. */
const SECOND_RELOAD_MS = 2000;
/** Streams are also checked for gaps this often, which catches a flushed Redis that never disconnected. */
const GAP_CHECK_MS = 5000;

/**
 * Several nodes over Redis. Yjs updates travel on one Redis Stream per document: every node
 * holding the document reads and applies them, and streams give gap-free replay after a blip
 * where pub/sub would silently lose messages. A node starts reading a stream from its oldest
 * retained entry when it loads the document, so updates published while it loaded from the
 * database are applied too (Yjs updates are idempotent). Awareness is ephemeral and goes over
 * pub/sub. Socket.IO command broadcasts use the Socket.IO adapter, not this module.
 */
export class RedisCluster implements Cluster {
  readonly nodeId = randomUUID();
  private listener: ClusterListener | null = null;
  /** Last stream entry id read, per followed document. */
  private readonly positions = new Map<string, string>();
  private readonly secondReloads = new Set<NodeJS.Timeout>();
  private readerId: number | null = null;
  private running = true;
  private readerLoop: Promise<void> = Promise.resolve();
  /** Set when the reader lost Redis: every followed stream is checked for a gap before reading on. */
  private mustCheckGaps = false;
  private readonly gapCheck = setInterval(() => (this.mustCheckGaps = true), GAP_CHECK_MS).unref();

  private readonly streamKey = (docId: string) => `${this.prefix}:doc:{${docId}}`;
  private readonly awarenessChannel = (docId: string) => `${this.prefix}:aw:${docId}`;

  private constructor(
    private readonly prefix: string,
    private readonly commands: RedisClientType,
    private readonly reader: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
  ) {}

  /** `prefix` names every key and channel, so separate deployments (or test runs) can share a Redis. */
  static async connect(url: string, logger: Logger, prefix = 'moot'): Promise<RedisCluster> {
    const make = (name: string) => {
      const client: RedisClientType = createClient({
        url,
        socket: {
          // A refused password does not heal by retrying: give up, so start fails saying why.
          reconnectStrategy: (retries: number, cause: Error) =>
            /WRONGPASS|NOAUTH|NOPERM/.test(cause?.message ?? '') ? cause : Math.min(100 * 2 ** retries, 2000),
        },
        // While Redis is away, fail fast instead of queueing without bound: other nodes catch up
        // from the database when it returns (see checkGaps).
        disableOfflineQueue: true,
      });
      // Without a listener an error event would crash the process; reconnection is automatic.
      client.on('error', (err: Error) => logger.warn({ err: err.message, client: name }, 'redis error'));
      return client;
    };
    const cluster = new RedisCluster(prefix, make('commands'), make('reader'), make('subscriber'), logger);
    await Promise.all([cluster.commands.connect(), cluster.reader.connect(), cluster.subscriber.connect()]);
    cluster.reader.on('ready', () => {
      cluster.mustCheckGaps = true;
      void cluster.reader.clientId().then((id) => (cluster.readerId = id));
    });
    cluster.readerId = await cluster.reader.clientId();
    cluster.readerLoop = cluster.readForever();
    return cluster;
  }

  /** Two more connections for the Socket.IO adapter (it needs its own publisher and subscriber). */
  adapterClients(): [RedisClientType, RedisClientType] {
    const pub = this.commands.duplicate();
    const sub = this.commands.duplicate();
    for (const c of [pub, sub])
      c.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'redis adapter error'));
    return [pub, sub];
  }

  listen(listener: ClusterListener): void {
    this.listener = listener;
  }

  isUp(): boolean {
    return this.commands.isReady && this.reader.isReady && this.subscriber.isReady;
  }

  follow(docId: string): void {
    if (this.positions.has(docId)) return;
    this.positions.set(docId, '0-0');
    this.subscriber
      .subscribe(this.awarenessChannel(docId), (message: Buffer) => this.receiveAwareness(docId, message), true)
      .catch((err: Error) => this.logger.warn({ err: err.message, docId }, 'awareness subscribe failed'));
    this.wakeReader();
  }

  unfollow(docId: string): void {
    if (!this.positions.delete(docId)) return;
    this.subscriber.unsubscribe(this.awarenessChannel(docId)).catch(() => {});
    this.wakeReader();
  }

  publishUpdate(docId: string, update: Uint8Array): void {
    if (!this.commands.isReady) {
      // Not queued for later (unbounded while Redis is away): other nodes reload from the database.
      this.logger.warn({ docId }, 'Redis is away; update not published');
      return;
    }
    const key = this.streamKey(docId);
    this.commands
      .multi()
      .xAdd(
        key,
        '*',
        { n: this.nodeId, u: Buffer.from(update.buffer, update.byteOffset, update.byteLength) },
        {
          TRIM: { strategy: 'MINID', strategyModifier: '~', threshold: Date.now() - RETAIN_MS },
        },
      )
      .expire(key, IDLE_EXPIRY_S)
      .exec()
      // Other nodes notice the gap when Redis returns and reload from the database.
      .catch((err: Error) => this.logger.warn({ err: err.message, docId }, 'update not published'));
  }

  publishAwareness(docId: string, forParticipants: Uint8Array, forWatchers: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.nodeId);
    encoding.writeVarUint8Array(encoder, forParticipants);
    encoding.writeVarUint8Array(encoder, forWatchers);
    this.commands.publish(this.awarenessChannel(docId), Buffer.from(encoding.toUint8Array(encoder))).catch(() => {}); // ephemeral: clients renew their state every 15 s
  }

  async close(): Promise<void> {
    this.running = false;
    clearInterval(this.gapCheck);
    for (const timer of this.secondReloads) clearTimeout(timer);
    this.wakeReader();
    await this.readerLoop;
    await Promise.allSettled([this.commands.quit(), this.reader.quit(), this.subscriber.quit()]);
  }

  private wakeReader(): void {
    if (this.readerId === null || !this.commands.isReady) return;
    this.commands.clientUnblock(this.readerId).catch(() => {});
  }

  private receiveAwareness(docId: string, message: Buffer): void {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message));
      if (decoding.readVarString(decoder) === this.nodeId) return;
      const forParticipants = decoding.readVarUint8Array(decoder);
      const forWatchers = decoding.readVarUint8Array(decoder);
      this.listener?.remoteAwareness(docId, forParticipants, forWatchers);
    } catch (err) {
      this.logger.warn({ err, docId }, 'unreadable awareness message');
    }
  }

  private async readForever(): Promise<void> {
    const binary = this.reader.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    while (this.running) {
      if (this.positions.size === 0 || !this.reader.isReady) {
        await new Promise((resolve) => setTimeout(resolve, this.positions.size === 0 ? 50 : 250));
        continue;
      }
      try {
        if (this.mustCheckGaps) await this.checkGaps();
        const streams = [...this.positions].map(([docId, id]) => ({ key: this.streamKey(docId), id }));
        const reply = await binary.xRead(streams, { BLOCK: READ_BLOCK_MS, COUNT: READ_COUNT });
        if (!reply) continue;
        for (const stream of reply as { name: Buffer; messages: { id: Buffer; message: Record<string, Buffer> }[] }[]) {
          const docId = stream.name.toString().slice(`${this.prefix}:doc:{`.length, -1);
          if (!this.positions.has(docId)) continue;
          for (const { id, message } of stream.messages) {
            this.positions.set(docId, id.toString());
            if (message.n?.toString() === this.nodeId || !message.u) continue;
            this.listener?.remoteUpdate(docId, new Uint8Array(message.u));
          }
        }
      } catch (err) {
        // Unblocked on purpose (follow/unfollow/close), or Redis went away: loop and retry.
        if (!String(err).includes('UNBLOCKED')) {
          this.logger.debug({ err: String(err) }, 'stream read interrupted');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
  }

  /**
   * After losing Redis: a stream that is gone, or whose oldest entry is newer than our
   * position, lost entries we never read (flushed, expired or trimmed). Those updates are in
   * the database (or soon will be): reload from it now and once more shortly after.
   */
  private async checkGaps(): Promise<void> {
    this.mustCheckGaps = false;
    for (const [docId, position] of this.positions) {
      if (position === '0-0') continue;
      const first = (await this.reader.xRange(this.streamKey(docId), '-', '+', { COUNT: 1 }))?.[0];
      if (first && compareIds(first.id, position) <= 0) continue;
      this.logger.warn(
        { docId, position, oldest: first?.id ?? null },
        'missed stream entries; reloading from the database',
      );
      this.positions.set(docId, '0-0');
      this.listener?.missedUpdates(docId);
      const timer = setTimeout(() => {
        this.secondReloads.delete(timer);
        if (this.positions.has(docId)) this.listener?.missedUpdates(docId);
      }, SECOND_RELOAD_MS);
      this.secondReloads.add(timer);
    }
  }
}

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am !== bm ? am - bm : as - bs;
}
