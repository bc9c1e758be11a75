import * as msgpack from 'socket.io-msgpack-parser';

/**
 * The Socket.IO parser both apps must use: msgpack, so a binary message (a Yjs update) is one
 * WebSocket frame instead of two (Socket.IO's default parser sends a JSON header frame followed
 * by a separate attachment frame for each binary part).
 *
 * Its encoder (notepack.io 2.2) only sends *some* binary as msgpack `bin`: in Node a `Buffer`,
 * in the browser an `ArrayBuffer`. Anything else goes wrong silently — in Node a `Uint8Array`
 * becomes ext type 0 holding its whole backing buffer (bytes outside the view included), in the
 * browser a map of index → byte. So every typed array is turned into the form the running
 * encoder sends as `bin`, copying exactly the bytes it covers, before encoding.
 */
/**
 * Socket.IO's transports, in the order a client uses them: HTTP long-polling opens the session,
 * then it upgrades to WebSocket when the network allows. Members on networks that block
 * WebSocket (some council, library and workplace networks) stay on long-polling. Binary travels
 * base64-encoded inside polling responses and as binary frames on WebSocket.
 */
export const TRANSPORTS: ('polling' | 'websocket')[] = ['polling', 'websocket'];

type NodeBuffer = { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array };
const NODE_BUFFER: NodeBuffer | null = (globalThis as { Buffer?: NodeBuffer }).Buffer ?? null;

/** Exactly the bytes a view covers, as a `Buffer` in Node or a standalone `ArrayBuffer` in browsers. */
export function toWireBinary(
  view: ArrayBufferView | ArrayBuffer,
  nodeBuffer: NodeBuffer | null = NODE_BUFFER,
): Uint8Array | ArrayBuffer {
  const bytes =
    view instanceof ArrayBuffer ? new Uint8Array(view) : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.slice().buffer;
}

/** A copy of a packet with every typed array in wire form; plain objects and arrays are walked. */
export function withWireBinary(value: unknown, nodeBuffer: NodeBuffer | null = NODE_BUFFER): unknown {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return toWireBinary(value, nodeBuffer);
  if (Array.isArray(value)) return value.map((v) => withWireBinary(v, nodeBuffer));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = withWireBinary(inner, nodeBuffer);
    return out;
  }
  return value;
}

/**
 * Binary as it arrives: Node's decoder gives a `Buffer`, the browser's an `ArrayBuffer`; the
 * protocol types say `Uint8Array`. Anything else is refused rather than misread.
 */
export function toBytes(value: Uint8Array | ArrayBuffer): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new TypeError(`Expected binary, got ${Object.prototype.toString.call(value)}`);
}

/** Binary at least this large, alone in a packet, is encoded once per object (see `Encoder`). */
export const SHARED_BINARY_BYTES = 256 * 1024;

/** The one binary in a packet, if there is exactly one; plain objects and arrays are walked. */
function onlyBinaryIn(value: unknown, found: { binary: ArrayBufferView | ArrayBuffer | null; count: number }): void {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    found.binary = value;
    found.count++;
  } else if (Array.isArray(value)) {
    for (const inner of value) onlyBinaryIn(inner, found);
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const inner of Object.values(value)) onlyBinaryIn(inner, found);
  }
}

/**
 * The msgpack encoder copies every binary into the packet it builds. A big document's first
 * sync goes to each opener in turn, in its own emit, and copying 16 MB per opener was most of
 * what a crowd cost (and all of its garbage). So a packet whose one binary is large is encoded
 * once per binary object and packet shape, and later emits of the same object reuse those bytes
 * — which is why binary given to `emit` must not be changed afterwards (nothing here does: Yjs
 * updates and sync messages are built, sent and dropped).
 */
class Encoder {
  private readonly inner = new msgpack.Encoder();
  private readonly shared = new WeakMap<object, Map<string, unknown>>();

  encode(packet: unknown): unknown {
    const found = { binary: null as ArrayBufferView | ArrayBuffer | null, count: 0 };
    onlyBinaryIn(packet, found);
    const { binary } = found;
    if (!binary || found.count > 1 || binary.byteLength < SHARED_BINARY_BYTES) {
      return this.inner.encode(withWireBinary(packet));
    }
    const shape = JSON.stringify(packet, (_key, value: unknown) => (value === binary ? null : value));
    let byShape = this.shared.get(binary);
    if (!byShape) this.shared.set(binary, (byShape = new Map()));
    let encoded = byShape.get(shape);
    if (!encoded) byShape.set(shape, (encoded = this.inner.encode(withWireBinary(packet))));
    return encoded;
  }
}

/** Pass as `parser` to `new Server(...)` and to `io(...)`. */
export const wireParser = { Encoder, Decoder: msgpack.Decoder };
