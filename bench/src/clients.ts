import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import * as msgpack from 'socket.io-msgpack-parser';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type * as MootClients from './mootClients.ts';
import type { ClientKind, DocTarget } from './types.ts';

/**
 * One benchmark client per connection, the same shape for every system: a writer holds a real
 * Y.Doc and sends one character per update; a reader is "light" (decodes only the header of each
 * update to find who wrote it) unless it is given a Y.Doc (W4 convergence checks).
 */
export interface Client {
  readonly doc: Y.Doc | null;
  /** Resolves once the initial state has arrived. */
  readonly synced: Promise<void>;
  /** Updates the server confirmed (Moot: stored; Hocuspocus: applied; bare Socket.IO: relayed); null = no acks. */
  acked(): number | null;
  /** Updates the server refused (Moot tells the sender; the others do not). */
  refused(): number;
  /** Writers: appends one character as one update; returns its key (see `updateKey`), or null if not connected. */
  write(): number | null;
  onClose(listener: () => void): void;
  close(): void;
}

export interface ClientOptions {
  kind: ClientKind;
  url: string;
  target: DocTarget;
  /** Writers: which of the document's cookies (Moot) to use. */
  writerIndex?: number;
  doc: Y.Doc | null;
  /** Every update message this client receives, before it is applied. */
  onUpdate: (update: Uint8Array) => void;
}

const SYNC = 0;
const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;

/**
 * The keys ("this writer's n-th character": client id × 2^21 + clock) an update carries, read
 * from its header without Yjs for the common shape (one run of characters from one client);
 * anything else (updates a server merged or relayed in one transaction) is decoded in full.
 */
export function updateKeys(update: Uint8Array): number[] {
  try {
    const d = decoding.createDecoder(update);
    if (decoding.readVarUint(d) !== 1 || decoding.readVarUint(d) !== 1) return decodedKeys(update);
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const info = decoding.readUint8(d);
    if ((info & 0x1f) !== 4) return decodedKeys(update); // not a string run
    if ((info & 0xc0) === 0) return decodedKeys(update); // parent info follows: not an append
    // Skip the origin and right origin ids (client, clock each) that precede the content.
    const ids = (info & 0x80 ? 1 : 0) + (info & 0x40 ? 1 : 0);
    for (let i = 0; i < ids * 2; i++) decoding.readVarUint(d);
    const length = decoding.readVarString(d).length;
    return Array.from({ length }, (_, i) => client * 2 ** 21 + clock + i);
  } catch {
    return [];
  }
}

function decodedKeys(update: Uint8Array): number[] {
  const keys: number[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    for (let i = 0; i < struct.length; i++) keys.push(struct.id.client * 2 ** 21 + struct.id.clock + i);
  }
  return keys;
}

export const keyOf = (doc: Y.Doc): number => doc.clientID * 2 ** 21 + Y.getState(doc.store, doc.clientID);

function writeChar(doc: Y.Doc | null): number | null {
  if (!doc) return null;
  const key = keyOf(doc);
  const text = doc.getText('t');
  text.insert(text.length, 'x');
  return key;
}

/**
 * Moot's clients import the server's test support (and with it the app), loaded only when Moot
 * is measured: a Moot tree mid-edit then fails Moot's cells, not the peers'.
 */
let moot: typeof MootClients | null = null;
export async function loadClients(kind: ClientKind): Promise<void> {
  if (kind === 'moot') moot = await import('./mootClients.ts');
}

export function connectClient(o: ClientOptions): Client {
  switch (o.kind) {
    case 'moot':
      return o.writerIndex === undefined ? moot!.mootReader(o) : moot!.mootWriter(o);
    case 'sio':
      return sioClient(o);
    default:
      return wsClient(o);
  }
}

export function deferred(timeoutMs = 30_000): {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: Error) => void;
} {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error('not synced in time')), timeoutMs);
    resolve = () => (clearTimeout(timer), res());
    reject = (e) => (clearTimeout(timer), rej(e));
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Handles one y-protocols sync message for a client: reports updates, applies them if it has a doc. */
export function readSync(
  o: ClientOptions,
  decoder: decoding.Decoder,
  synced: () => void,
  reply: (m: Uint8Array) => void,
) {
  const sub = decoding.readVarUint(decoder);
  const body = decoding.readVarUint8Array(decoder);
  if (sub === STEP1) {
    if (!o.doc) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, STEP2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(o.doc, body));
    reply(encoding.toUint8Array(e));
    return;
  }
  if (sub === UPDATE) o.onUpdate(body);
  if (o.doc) Y.applyUpdate(o.doc, body, 'remote');
  if (sub === STEP2) synced();
}

function syncMessage(sub: number, body: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, body);
  return encoding.toUint8Array(e);
}

/** Hocuspocus and y-websocket speak the same y-protocols over a bare WebSocket; Hocuspocus adds a document name and an auth step. */
function wsClient(o: ClientOptions): Client {
  const hp = o.kind === 'hocuspocus';
  const name = o.target.name;
  const ws = new WebSocket(hp ? o.url : `${o.url}/${encodeURIComponent(name)}`, { perMessageDeflate: false });
  const ready = deferred();
  let acked = 0;
  const frame = (type: number, body: Uint8Array) => {
    const e = encoding.createEncoder();
    if (hp) encoding.writeVarString(e, name);
    encoding.writeVarUint(e, type);
    encoding.writeUint8Array(e, body);
    return encoding.toUint8Array(e);
  };
  const send = (m: Uint8Array) => ws.readyState === WebSocket.OPEN && ws.send(m);
  ws.on('open', () => {
    if (hp) {
      const auth = encoding.createEncoder();
      encoding.writeVarUint(auth, 0); // token auth
      encoding.writeVarString(auth, '');
      send(frame(2, encoding.toUint8Array(auth)));
    }
    send(frame(SYNC, syncMessage(STEP1, o.doc ? Y.encodeStateVector(o.doc) : new Uint8Array([0]))));
  });
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (hp) decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    // Hocuspocus: 0 sync, 4 sync reply, 8 "update saved" status; y-websocket: 0 sync.
    if (type === SYNC || (hp && type === 4)) {
      readSync(o, d, ready.resolve, (m) => send(frame(SYNC, m)));
    } else if (hp && type === 8) acked++;
  });
  ws.on('error', (e) => ready.reject(e));
  const onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') send(frame(SYNC, syncMessage(UPDATE, update)));
  };
  o.doc?.on('update', onDocUpdate);
  return {
    doc: o.doc,
    synced: ready.promise,
    acked: () => (hp ? acked : null),
    refused: () => 0,
    write: () => writeChar(o.doc),
    onClose: (l) => ws.on('close', l),
    close: () => {
      o.doc?.off('update', onDocUpdate);
      ws.terminate();
    },
  };
}

function sioClient(o: ClientOptions): Client {
  const socket: Socket = io(o.url, { transports: ['websocket'], parser: msgpack, reconnection: false, forceNew: true });
  const ready = deferred();
  let acked = 0;
  const room = o.target.name;
  socket.on('connect', () => socket.emit('join', room, () => ready.resolve()));
  socket.on('connect_error', (e) => ready.reject(e));
  socket.on('u', ({ u }: { u: Uint8Array }) => {
    o.onUpdate(u);
    if (o.doc) Y.applyUpdate(o.doc, u, 'remote');
  });
  const onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') socket.emit('u', { room, u: Buffer.from(update) }, () => acked++);
  };
  o.doc?.on('update', onDocUpdate);
  return {
    doc: o.doc,
    synced: ready.promise,
    acked: () => acked,
    refused: () => 0,
    write: () => writeChar(o.doc),
    onClose: (l) => socket.on('disconnect', l),
    close: () => {
      o.doc?.off('update', onDocUpdate);
      socket.disconnect();
    },
  };
}
