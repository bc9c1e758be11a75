import WebSocket from 'ws';
import { vi } from 'vitest';
import { NAMESPACES, PROTOCOL_VERSION, wireParser } from '@moot/protocol';
import { BOUNDS } from '../../../../vitest.bounds.ts';

const encoder = new wireParser.Encoder();
/** Any value as msgpack bytes, the way the wire parser encodes it. */
export const encode = (value: unknown): Uint8Array => (encoder.encode(value) as Uint8Array[])[0]!;

/**
 * A hostile client below Socket.IO: a bare WebSocket speaking Engine.IO v4, sending whatever
 * frames a test builds (binary frames carry msgpack Socket.IO packets, as the wire parser does).
 */
export class RawEngine {
  readonly closed: Promise<{ code: number; at: number }>;
  /** Every frame the server sent, in order. */
  readonly frames: (string | Buffer)[] = [];
  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve({ code, at: performance.now() })));
    ws.on('message', (data: Buffer, isBinary: boolean) => this.frames.push(isBinary ? data : data.toString()));
    ws.on('error', () => {});
  }

  /** Opens the Engine.IO session and waits for its open packet (`0{...}`). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<RawEngine> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers });
    const engine = new RawEngine(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('message', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    });
    return engine;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** An Engine.IO message frame as is: a string goes as a text frame, bytes as a binary one. */
  send(frame: string | Uint8Array): void {
    if (this.isOpen) this.ws.send(frame);
  }

  /** A Socket.IO packet as the msgpack wire parser frames it. */
  packet(packet: unknown): void {
    this.send(encode(packet));
  }

  /** Joins the watch namespace as an observer and waits for the server's CONNECT reply. */
  async watch(watchKey: string): Promise<void> {
    const before = this.frames.length;
    this.packet({ type: 0, nsp: NAMESPACES.watch, data: { protocol: PROTOCOL_VERSION, watchKey } });
    await vi.waitUntil(() => this.frames.length > before, { timeout: BOUNDS.conditionMs, interval: 10 });
  }

  close(): void {
    this.ws.terminate();
  }
}

/** The bytes of a msgpack map with the given raw keys, so `__proto__` can be an own key on the wire. */
export function mapWithKeys(entries: [string, unknown][]): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x80 | entries.length)];
  for (const [key, value] of entries)
    parts.push(encode(key), value instanceof RawMsgpack ? value.bytes : encode(value));
  return Buffer.concat(parts);
}

/** Bytes already in msgpack form, to nest inside `mapWithKeys`. */
export class RawMsgpack {
  constructor(readonly bytes: Uint8Array) {}
}

/** An EVENT packet whose arguments are given as raw msgpack bytes. */
export function rawEvent(nsp: string, event: unknown, args: Uint8Array[]): Uint8Array {
  const data = Buffer.concat([Uint8Array.of(0x90 | (args.length + 1)), encode(event), ...args]);
  return mapWithKeys([
    ['type', 2],
    ['nsp', nsp],
    ['data', new RawMsgpack(data)],
  ]);
}
