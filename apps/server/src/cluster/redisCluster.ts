import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createClient, type RedisClientType } from 'redis';
import type { Cluster, ClusterListener } from './cluster.ts';
import { decodeClusterMessage, encodeAwareness, encodeReload, encodeUpdates } from './clusterMessage.ts';
import { redisHeads, type SharedHeads } from './sharedHeads.ts';

/** After a gap, reload again this much later: other nodes' last updates may still have been committing. */
const SECOND_RELOAD_MS = 2000;

/**
 * Several nodes over Redis pub/sub: one channel per document carries its Yjs updates (batched:
 * every update a node stored in one database batch, in one PUBLISH), awareness, and "reload"
 * notices. One Redis command per document per storage batch, and none to receive.
 *
 * Why no stream: a node publishes an update only once it is committed to the database, so the
 * database already is the durable, ordered log every node can replay — a Redis Stream would
 * only duplicate it. Pub/sub can lose messages in exactly two ways, and both are repaired
 * from the database:
 * - this node's subscriber connection dropped (Redis restarted, network, or Redis cut a slow
 *   subscriber off): once it is back (node-redis resubscribes before `ready`), every followed
 *   document is reloaded from the database, now and once more shortly after;
 * - a PUBLISH of this node failed (its command connection was down): once that connection is
 *   back, it publishes a reload notice for each such document, and every other node reloads it.
 * A node subscribes to a document's channel before it reads the document from the database,
 * so an update is either committed before that read or published after the subscription.
 */
export class RedisCluster implements Cluster {
  private listener: ClusterListener | null = null;
  /** Documents this node follows, and whether their channel subscription is confirmed. */
  private readonly followed = new Map<string, boolean>();
  /** Updates stored in the current tick, per document, published together at its end. */
  private readonly outbox = new Map<string, Uint8Array[]>();
  private flushing: NodeJS.Immediate | null = null;
  /** Documents whose updates could not be published: other nodes are told to reload them. */
  private readonly unpublished = new Set<string>();
  private readonly secondReloads = new Set<NodeJS.Timeout>();
  private closed = false;

  private readonly channel = (docId: string) => `${this.prefix}:doc:${docId}`;
  /** Called once this node's document subscriber is back and its channels resubscribed. */
  private readonly restoredListeners: (() => void)[] = [];
  /** Shared registers on the command connection (the session's published views). */
  readonly heads: SharedHeads;
  /** How this node's connections are named in `CLIENT LIST`. */
  readonly connectionName = (connection: Connection) => connectionName(this.prefix, this.nodeId, connection);

  private constructor(
    readonly nodeId: string,
    private readonly prefix: string,
    private readonly commands: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
  ) {
    this.heads = redisHeads(commands, prefix);
  }

  /** `prefix` names every channel, so separate deployments (or test runs) can share a Redis. */
  static async connect(url: string, logger: Logger, prefix = 'moot'): Promise<RedisCluster> {
    const nodeId = randomUUID();
    const make = (name: 'commands' | 'subscriber') => {
      const client: RedisClientType = createClient({
        url,
        // `CLIENT LIST` shows whose connection is whose.
        name: connectionName(prefix, nodeId, name),
        socket: {
          // A refused password does not heal by retrying: give up, so start fails saying why.
          reconnectStrategy: (retries: number, cause: Error) =>
            /WRONGPASS|NOAUTH|NOPERM/.test(cause?.message ?? '') ? cause : Math.min(100 * 2 ** retries, 2000),
        },
        // While Redis is away, fail fast instead of queueing without bound: other nodes catch up
        // from the database when it returns.
        disableOfflineQueue: true,
      });
      // Without a listener an error event would crash the process; reconnection is automatic.
      client.on('error', (err: Error) => logger.warn({ err: err.message, client: name }, 'redis error'));
      return client;
    };
    const cluster = new RedisCluster(nodeId, prefix, make('commands'), make('subscriber'), logger);
    await Promise.all([cluster.commands.connect(), cluster.subscriber.connect()]);
    cluster.subscriber.on('ready', () => cluster.resubscribed());
    cluster.commands.on('ready', () => cluster.announceUnpublished());
    return cluster;
  }

  /** Two more connections for the Socket.IO adapter (it needs its own publisher and subscriber). */
  adapterClients(): [RedisClientType, RedisClientType] {
    const pub = this.commands.duplicate({ name: this.connectionName('adapter-publisher') });
    const sub = this.commands.duplicate({ name: this.connectionName('adapter-subscriber') });
    for (const c of [pub, sub])
      c.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'redis adapter error'));
    return [pub, sub];
  }

  /** `listener` runs each time the document subscriber comes back (not on the first connection). */
  onRestored(listener: () => void): void {
    this.restoredListeners.push(listener);
  }

  listen(listener: ClusterListener): void {
    this.listener = listener;
  }

  isUp(): boolean {
    return this.commands.isReady && this.subscriber.isReady;
  }

  async follow(docId: string): Promise<void> {
    if (this.followed.has(docId)) return;
    this.followed.set(docId, false);
    await this.subscribe(docId);
  }

  unfollow(docId: string): void {
    if (!this.followed.delete(docId)) return;
    this.subscriber.unsubscribe(this.channel(docId)).catch(() => {});
  }

  publishUpdate(docId: string, update: Uint8Array): void {
    const pending = this.outbox.get(docId);
    if (pending) pending.push(update);
    else this.outbox.set(docId, [update]);
    this.flushing ??= setImmediate(() => this.flushOutbox());
  }

  publishAwareness(docId: string, forParticipants: Uint8Array, forWatchers: Uint8Array): void {
    if (!this.commands.isReady) return; // ephemeral: clients renew their state every 15 s
    this.commands
      .publish(this.channel(docId), encodeAwareness(this.nodeId, forParticipants, forWatchers))
      .catch(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.flushing) clearImmediate(this.flushing);
    this.flushOutbox();
    for (const timer of this.secondReloads) clearTimeout(timer);
    await Promise.allSettled([this.commands.quit(), this.subscriber.quit()]);
  }

  private async subscribe(docId: string): Promise<void> {
    if (!this.subscriber.isReady) return; // subscribed, and reloaded, once the subscriber is back
    try {
      await this.subscriber.subscribe(this.channel(docId), (message: Buffer) => this.receive(docId, message), true);
      if (this.followed.has(docId)) this.followed.set(docId, true);
    } catch (err) {
      this.logger.warn({ err: String(err), docId }, 'document channel subscribe failed');
    }
  }

  /** One PUBLISH per document for everything stored in this tick. */
  private flushOutbox(): void {
    this.flushing = null;
    for (const [docId, updates] of this.outbox) {
      if (!this.commands.isReady) {
        // Not queued for later (unbounded while Redis is away): the others reload from the database.
        this.markUnpublished(docId);
        continue;
      }
      this.commands
        .publish(this.channel(docId), encodeUpdates(this.nodeId, updates))
        .catch(() => this.markUnpublished(docId));
    }
    this.outbox.clear();
  }

  private markUnpublished(docId: string): void {
    if (this.unpublished.size === 0) this.logger.warn({ docId }, 'Redis is away; other nodes will reload');
    this.unpublished.add(docId);
  }

  /** Our command connection is back: whatever we could not publish, the other nodes reload from the database. */
  private announceUnpublished(): void {
    for (const docId of this.unpublished) {
      this.commands
        .publish(this.channel(docId), encodeReload(this.nodeId))
        .then(() => this.unpublished.delete(docId))
        .catch(() => {});
    }
  }

  /** Our subscriber is back (its channels resubscribed): anything published meanwhile was missed. */
  private resubscribed(): void {
    if (this.closed) return;
    for (const [docId, subscribed] of this.followed) {
      if (!subscribed) void this.subscribe(docId);
      this.reload(docId);
    }
    for (const listener of this.restoredListeners) listener();
  }

  private reload(docId: string): void {
    this.logger.warn({ docId }, 'may have missed updates from other nodes; reloading from the database');
    this.listener?.missedUpdates(docId);
    const timer = setTimeout(() => {
      this.secondReloads.delete(timer);
      if (this.followed.has(docId)) this.listener?.missedUpdates(docId);
    }, SECOND_RELOAD_MS);
    this.secondReloads.add(timer);
  }

  private receive(docId: string, message: Buffer): void {
    const decoded = decodeClusterMessage(message);
    if (!decoded) return this.logger.warn({ docId }, 'unreadable cluster message');
    if (decoded.nodeId === this.nodeId || !this.followed.has(docId)) return;
    switch (decoded.kind) {
      case 'updates':
        for (const update of decoded.updates) this.listener?.remoteUpdate(docId, update);
        return;
      case 'awareness':
        return this.listener?.remoteAwareness(docId, decoded.forParticipants, decoded.forWatchers);
      case 'reload':
        return this.listener?.missedUpdates(docId);
    }
  }
}

/** A node's four Redis connections: its own two for documents, and the Socket.IO adapter's two. */
export type Connection = 'commands' | 'subscriber' | 'adapter-publisher' | 'adapter-subscriber';

const connectionName = (prefix: string, nodeId: string, connection: Connection) => `${prefix}:${nodeId}:${connection}`;
