import type { ModerationNotice, SessionPatch, SessionState } from '@moot/protocol';
import type { SessionReplica } from './replica.ts';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';
import { measureClockOffset } from './clock.ts';
import { noteServerOffset } from './serverOffset.ts';

const PING_TIMEOUT_MS = 2000;
const PINGS_PER_CONNECT = 5;
/** How long to wait for the whole state after a gap before giving up (the next connection sends it anyway). */
const RESYNC_TIMEOUT_MS = 10_000;

export interface SessionFeed {
  /** Undefined until the server's first `session:state`; null when there is no session yet. */
  state: SessionState | null | undefined;
  /** Server clock − local clock, in ms, measured on every (re)connection. */
  offset: number;
  /** The last moderation notice about me (members only). */
  notice: ModerationNotice | null;
}

/**
 * The live session as the server sends it — the whole state on connection, then what changed
 * (`session:patch`), applied by a `SessionReplica`, which asks for the whole state again when it
 * finds a gap — and the clock offset countdowns need, measured with a few `clock:ping` round trips
 * on every connection. Created before the socket connects, so the first state is never missed.
 */
export class SessionStore {
  private feed: SessionFeed = { state: undefined, offset: 0, notice: null };
  private readonly listeners = new Set<() => void>();
  private readonly socket: AssemblySocket;
  private connection = 0;
  /** Null until its code is loaded (a dynamic import); meanwhile whole states show at once and patches wait. */
  private replica: SessionReplica | null = null;
  private early: { state?: SessionState | null; patches: SessionPatch[] } = { patches: [] };

  constructor(socket: AssemblySocket | WatchSocket) {
    // Both namespaces carry `session:state` and `clock:ping`; the union's overloads do not narrow.
    this.socket = socket as AssemblySocket;
    void import('./replica.ts').then(({ SessionReplica }) => {
      if (this.connection < 0) return;
      const replica = new SessionReplica(this.resync, () => {
        if (replica.state !== this.feed.state) this.set({ state: replica.state });
      });
      this.replica = replica;
      if (this.early.state !== undefined) replica.replace(this.early.state);
      for (const patch of this.early.patches) replica.patch(patch);
      this.early = { patches: [] };
    });
    this.socket.on('session:state', this.onState);
    this.socket.on('session:patch', this.onPatch);
    this.socket.on('moderation:notice', this.onNotice);
    this.socket.on('connect', this.measure);
  }

  getSnapshot = (): SessionFeed => this.feed;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.connection = -1;
    this.socket.off('session:state', this.onState);
    this.socket.off('session:patch', this.onPatch);
    this.socket.off('moderation:notice', this.onNotice);
    this.socket.off('connect', this.measure);
    this.listeners.clear();
  }

  private set(change: Partial<SessionFeed>): void {
    this.feed = { ...this.feed, ...change };
    for (const listener of this.listeners) listener();
  }

  private readonly onState = (state: SessionState | null) => {
    if (this.replica) return this.replica.replace(state);
    this.early = { state, patches: [] };
    this.set({ state });
  };
  private readonly onPatch = (patch: SessionPatch) => {
    if (this.replica) this.replica.patch(patch);
    else this.early.patches.push(patch);
  };

  private readonly resync = () =>
    new Promise<SessionState | null>((resolve, reject) => {
      this.socket.timeout(RESYNC_TIMEOUT_MS).emit('session:resync', {}, (error, ack) => {
        if (error || !ack.ok) reject(error ?? new Error(ack.ok ? '' : ack.error.message));
        else resolve(ack.data);
      });
    });
  private readonly onNotice = (notice: ModerationNotice) => this.set({ notice });

  private readonly measure = () => {
    if (this.connection < 0) return;
    const connection = ++this.connection;
    const ping = () =>
      new Promise<number | null>((resolve) => {
        this.socket.timeout(PING_TIMEOUT_MS).emit('clock:ping', {}, (error, ack) => {
          resolve(!error && ack.ok ? ack.data.serverTime : null);
        });
      });
    void measureClockOffset(ping, Date.now, PINGS_PER_CONNECT).then((offset) => {
      if (offset !== null && connection === this.connection) {
        noteServerOffset(offset);
        this.set({ offset });
      }
    });
  };
}
