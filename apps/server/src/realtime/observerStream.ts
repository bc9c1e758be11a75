import type { Logger } from 'pino';
import * as Y from 'yjs';
import { LIMITS, NAMESPACES, wireParser } from '@moot/protocol';
import { mergeAwarenessUpdates } from './awarenessMerge.ts';
import { backlogOf } from './backpressure.ts';
import { updateMessage } from './updateMessage.ts';
import { documentRoom, type WatchNamespace } from './socketData.ts';

/** What of engine.io's connection the stream writes to (not all in its public types). */
interface EngineConnection {
  readyState: string;
  writeBuffer: unknown[];
  transport: {
    name: string;
    perMessageDeflate?: unknown;
    /** The `ws` WebSocket, on the websocket transport. */
    socket?: { readyState: number; _sender?: { sendFrame?(list: Uint8Array[]): void } };
  };
  write(data: Uint8Array, options: { wsPreEncodedFrame?: Uint8Array[] }): void;
  close(discard?: boolean): void;
}

/**
 * Writes an observer's packets the cheapest way that keeps them in order: with nothing waiting in
 * engine.io's buffer, on a plain WebSocket, their pre-built frames go straight to the socket in one
 * write (engine.io itself writes pre-encoded frames this way, `wsPreEncodedFrame`); otherwise
 * (polling, or packets queued) through engine.io, behind what is queued.
 */
function writeTo(connection: EngineConnection, packets: readonly Packet[], frames: Uint8Array): void {
  const { transport } = connection;
  const ws = transport.socket;
  if (
    connection.writeBuffer.length === 0 &&
    transport.name === 'websocket' &&
    !transport.perMessageDeflate &&
    ws?.readyState === 1 &&
    typeof ws._sender?.sendFrame === 'function'
  ) {
    ws._sender.sendFrame([frames]);
    return;
  }
  for (const { encoded, frame } of packets) connection.write(encoded, { wsPreEncodedFrame: [frame] });
}

interface Packet {
  docId: string;
  encoded: Uint8Array;
  frame: Uint8Array;
}

/** How many observers are written to before the event loop is let go (members' traffic runs in between). */
export const OBSERVER_SLICE = 100;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** When the stream's next flush runs, and its clock; tests drive both by hand. */
export interface Cadence {
  /** Calls `run` in about `ms`, with how late it ran (ms); returns a cancel. */
  after(ms: number, run: (lateMs: number) => void): () => void;
  /** Milliseconds on a monotonic clock. */
  now(): number;
}

export const timerCadence: Cadence = {
  now: () => performance.now(),
  after(ms, run) {
    const due = performance.now() + ms;
    const timer = setTimeout(() => run(Math.max(0, performance.now() - due)), ms);
    return () => clearTimeout(timer);
  },
};

export interface ObserverStreamOptions {
  logger: Logger;
  /** The window updates are gathered in (default `LIMITS.observerCadenceMs`); 0 sends each at once. */
  cadenceMs?: number;
  maxCadenceMs?: number;
  /** An observer whose backlog passes this when a packet is due is dropped (default `LIMITS.maxUnsentBytesPerObserver`). */
  maxUnsentBytes?: number;
  cadence?: Cadence;
}

/**
 * The next window: doubled while the flush ran later than one window (the node is overloaded, so
 * observers get fewer, larger packets), halved back towards `base` once it runs on time.
 */
export function nextCadence(current: number, lateMs: number, base: number, max: number): number {
  if (lateMs > current) return Math.min(max, Math.max(base, current * 2));
  if (lateMs < base / 2) return Math.max(base, Math.floor(current / 2));
  return current;
}

interface Pending {
  updates: Uint8Array[];
  awareness: Uint8Array[];
}

/** Counters the stream keeps (exposed for /metrics and tests). */
export interface ObserverStreamStats {
  /** Packets encoded: one per document per flush (plus one for awareness), whatever the observers' number. */
  packetsEncoded: number;
  /** Packets handed to observers' connections. */
  deliveries: number;
  /** Updates that went out merged with others. */
  updatesCoalesced: number;
  /** Observers dropped because their backlog passed the bound. */
  dropped: number;
}

/**
 * Document traffic to this node's observers (`/watch`), the public stream. Unlike members, who get
 * each update at once, observers get at most one packet per document per short window
 * (`observerCadenceMs`, one window for every document): an update after a quiet window goes at
 * once, and what arrives within a window after a flush goes at its end as one update per document
 * (`Y.mergeUpdates`: it carries every one of them). Each packet is built once: encoded by the wire parser once and framed as a
 * WebSocket binary frame once; each observer then gets the frames of every document it watches in
 * one write, the same bytes for everyone watching the same documents, with no per-socket
 * encoding, filtering or Socket.IO broadcast work. Members never wait behind observers: past
 * `OBSERVER_SLICE` observers the writes are spread over several turns of the event loop, so
 * members' edits, acks and broadcasts run in between; the next window starts once the last
 * write is out. Under overload the window widens (`nextCadence`); an observer that does not keep
 * up (its backlog past `maxUnsentBytesPerObserver`) is dropped with a logged reason rather than
 * buffered for. Members are never delayed or dropped by any of this.
 */
export class ObserverStream {
  private pending = new Map<string, Pending>();
  private readonly encoder = new wireParser.Encoder();
  private readonly base: number;
  private readonly max: number;
  private readonly maxUnsentBytes: number;
  private readonly cadence: Cadence;
  private window: number;
  /** Cancels the window's timer, while one is set. */
  private timer: (() => void) | null = null;
  /** A window's writes are still going out, slice by slice: the next waits for them. */
  private sending = false;
  /** When the last flush's writes were all out (the cadence's clock). */
  private lastSent = -Infinity;
  private closed = false;
  readonly stats: ObserverStreamStats = { packetsEncoded: 0, deliveries: 0, updatesCoalesced: 0, dropped: 0 };

  constructor(
    private readonly watch: WatchNamespace,
    private readonly options: ObserverStreamOptions,
  ) {
    this.base = options.cadenceMs ?? LIMITS.observerCadenceMs;
    this.max = Math.max(this.base, options.maxCadenceMs ?? LIMITS.observerMaxCadenceMs);
    this.maxUnsentBytes = options.maxUnsentBytes ?? LIMITS.maxUnsentBytesPerObserver;
    this.cadence = options.cadence ?? timerCadence;
    this.window = this.base;
  }

  /** The window in force now (ms). */
  get cadenceMs(): number {
    return this.window;
  }

  /** Updates of `docId` waiting for the next packet. */
  pendingUpdates(docId: string): number {
    return this.pending.get(docId)?.updates.length ?? 0;
  }

  update(docId: string, update: Uint8Array): void {
    this.queue(docId).updates.push(update);
  }

  /** Carets as observers see them (pseudonymised): the latest state of each within the window. */
  awareness(docId: string, update: Uint8Array): void {
    this.queue(docId).awareness.push(update);
  }

  /** Sends everything pending now (shutdown, tests). */
  flushAll(): void {
    void this.flush(0);
  }

  close(): void {
    this.closed = true;
    this.timer?.();
    this.timer = null;
    this.pending.clear();
  }

  private queue(docId: string): Pending {
    let p = this.pending.get(docId);
    if (!p) {
      p = { updates: [], awareness: [] };
      this.pending.set(docId, p);
      this.schedule();
    }
    return p;
  }

  /**
   * The leading edge: an update arriving when nothing went out for a whole window goes at once
   * (a quiet hearing's each keystroke, with no wait); what follows within the window after a
   * flush waits for the window's end, and goes together (a busy one, merged as before).
   */
  private schedule(): void {
    if (this.timer || this.sending || this.closed) return;
    if (this.window === 0) {
      this.timer = () => {};
      queueMicrotask(() => void this.flush(0));
      return;
    }
    const wait = Math.max(0, Math.min(this.window, this.lastSent + this.window - this.cadence.now()));
    this.timer = this.cadence.after(wait, (late) => void this.flush(late));
  }

  private async flush(lateMs: number): Promise<void> {
    this.timer?.();
    this.timer = null;
    if (this.sending || this.pending.size === 0) return;
    const due = this.pending;
    this.pending = new Map();
    this.adapt(lateMs);
    // Each observer's packets, in document order; observers watching the same documents share one buffer.
    const packets: Packet[] = [];
    const of = new Map<string, number[]>();
    for (const [docId, p] of due) {
      const room = this.watch.adapter.rooms.get(documentRoom(docId));
      if (!room || room.size === 0) continue;
      const first = packets.length;
      if (p.updates.length > 0) {
        const update = p.updates.length === 1 ? p.updates[0]! : Y.mergeUpdates(p.updates);
        if (p.updates.length > 1) this.stats.updatesCoalesced += p.updates.length;
        packets.push(this.packet(docId, 'doc:sync', { docId, message: updateMessage(update) }));
      }
      if (p.awareness.length > 0) {
        const update = p.awareness.length === 1 ? p.awareness[0]! : mergeAwarenessUpdates(p.awareness);
        packets.push(this.packet(docId, 'doc:awareness', { docId, update }));
      }
      for (const socketId of room) {
        let mine = of.get(socketId);
        if (!mine) of.set(socketId, (mine = []));
        for (let i = first; i < packets.length; i++) mine.push(i);
      }
    }
    const shared = new Map<string, { packets: Packet[]; frames: Uint8Array }>();
    const bundle = (indices: number[]) => {
      const key = indices.join(',');
      let b = shared.get(key);
      if (!b) {
        const mine = indices.map((i) => packets[i]!);
        const frames = mine.length === 1 ? mine[0]!.frame : Buffer.concat(mine.map((p) => p.frame));
        shared.set(key, (b = { packets: mine, frames }));
      }
      return b;
    };
    this.sending = true;
    try {
      let written = 0;
      for (const [socketId, indices] of of) {
        if (++written % OBSERVER_SLICE === 0) {
          await nextTurn();
          if (this.closed) return;
        }
        const socket = this.watch.sockets.get(socketId);
        if (!socket) continue;
        const connection = socket.conn as unknown as EngineConnection;
        if (connection.readyState !== 'open') continue;
        const backlog = backlogOf(connection);
        const { packets: mine, frames } = bundle(indices);
        if (backlog > this.maxUnsentBytes) {
          this.stats.dropped++;
          const docIds = [...new Set(mine.map((p) => p.docId))];
          this.options.logger.warn(
            {
              event: 'observer.dropped',
              reason: 'slow-consumer',
              socket: socket.id,
              docId: docIds[0],
              docIds,
              backlogBytes: backlog,
            },
            'observer dropped: it is not reading the public stream fast enough',
          );
          connection.close(true);
          continue;
        }
        writeTo(connection, mine, frames);
        this.stats.deliveries += mine.length;
      }
    } finally {
      this.sending = false;
      this.lastSent = this.cadence.now();
      if (this.pending.size > 0) this.schedule();
    }
  }

  /** One Socket.IO event packet for `/watch`, encoded once, and its WebSocket frame built once. */
  private packet(docId: string, event: string, payload: unknown): Packet {
    const [encoded] = this.encoder.encode({ type: 2, nsp: NAMESPACES.watch, data: [event, payload] }) as [Uint8Array];
    this.stats.packetsEncoded++;
    return { docId, encoded, frame: binaryFrame(encoded) };
  }

  private adapt(lateMs: number): void {
    if (this.base === 0) return;
    const next = nextCadence(this.window, lateMs, this.base, this.max);
    if (next !== this.window) {
      this.options.logger.warn(
        { event: 'observer.cadence', cadenceMs: next, previousMs: this.window, lateMs: Math.round(lateMs) },
        next > this.window
          ? 'node overloaded: observers get updates less often'
          : 'observers back towards the usual cadence',
      );
      this.window = next;
    }
  }
}

/**
 * A whole unmasked WebSocket binary frame (FIN, opcode 2) around `payload`, as one buffer: the
 * server writes it as is to every observer (engine.io's `wsPreEncodedFrame`, skipping ws's per-send
 * framing), one write per connection.
 */
export function binaryFrame(payload: Uint8Array): Uint8Array {
  const length = payload.byteLength;
  const headerBytes = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = 0x82;
  if (headerBytes === 2) frame[1] = length;
  else if (headerBytes === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerBytes);
  return frame;
}
