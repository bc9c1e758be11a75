import * as decoding from 'lib0/decoding';
import { toBytes } from '@moot/protocol';
import { CollabClient } from '../../apps/server/test/support/collabClient.ts';
import { connectMember, connectWatcher } from '../../apps/server/test/support/harness.ts';
import { deferred, keyOf, readSync, STEP2, UPDATE, type Client, type ClientOptions } from './clients.ts';

/**
 * Each simulated client comes from its own address, as browsers do: the nodes run with
 * TRUST_PROXY=loopback, so the generator names one in X-Forwarded-For and the per-address
 * handshake limit counts clients, not the one machine they all run on.
 */
let clientsMade = 0;
function ownAddress(): Record<string, string> {
  const n = clientsMade++;
  return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
}

/** Moot writers are the server tests' own headless co-editor (CollabClient) on a member socket. */
export function mootWriter(o: ClientOptions): Client {
  const ready = deferred();
  const cookie = o.target.cookies![o.writerIndex! % o.target.cookies!.length]!;
  let client: CollabClient | null = null;
  const closers: (() => void)[] = [];
  let closed = false;
  void (async () => {
    const { socket } = await connectMember(o.url, cookie, { headers: ownAddress() });
    if (closed) return void socket.disconnect();
    if (process.env.BENCH_DEBUG) socket.onAny((event: string) => countEvent(event));
    socket.on('disconnect', () => closers.forEach((l) => l()));
    client = new CollabClient(socket, o.target.name);
    // Our writer owns the doc: CollabClient makes its own, so updates are read off the wire instead.
    socket.on('doc:sync', ({ message }) => {
      const d = decoding.createDecoder(toBytes(message));
      const sub = decoding.readVarUint(d);
      if (sub === UPDATE) o.onUpdate(decoding.readVarUint8Array(d));
      if (sub === STEP2) ready.resolve();
      client!.received.length = 0; // CollabClient keeps every message for tests; a benchmark cannot.
    });
    await client.open();
  })().catch((e: Error) => ready.reject(e));
  return {
    get doc() {
      return client?.doc ?? null;
    },
    synced: ready.promise,
    acked: () => client?.acked.length ?? 0,
    refused: () => client?.refusals.length ?? 0,
    write: () => {
      if (!client || client.socket.disconnected) return null;
      const key = keyOf(client.doc);
      client.edit('x');
      return key;
    },
    onClose: (l) => closers.push(l),
    close: () => {
      closed = true;
      client?.socket.disconnect();
    },
  };
}

/** Moot observers: the `/watch` namespace, which only receives. */
export function mootReader(o: ClientOptions): Client {
  const ready = deferred();
  const closers: (() => void)[] = [];
  let socket: Awaited<ReturnType<typeof connectWatcher>>['socket'] | null = null;
  let closed = false;
  void (async () => {
    ({ socket } = await connectWatcher(o.url, o.target.watchKey!, () => {}, ownAddress()));
    if (closed) return void socket.disconnect();
    socket.on('disconnect', () => closers.forEach((l) => l()));
    if (process.env.BENCH_DEBUG) socket.onAny((event: string) => countEvent(event));
    socket.on('doc:sync', ({ message }) => {
      const d = decoding.createDecoder(toBytes(message));
      readSync(o, d, ready.resolve, () => {});
    });
    const ack = await socket.emitWithAck('doc:open', { docId: o.target.name });
    if (!ack.ok) throw new Error(`watch open refused: ${ack.error.code}`);
  })().catch((e: Error) => ready.reject(e));
  return {
    doc: o.doc,
    synced: ready.promise,
    acked: () => null,
    refused: () => 0,
    write: () => null,
    onClose: (l) => closers.push(l),
    close: () => {
      closed = true;
      socket?.disconnect();
    },
  };
}

/** BENCH_DEBUG: every event Moot's clients receive, by name, printed with the generator's diagnostics — to see traffic besides documents. */
export const events = new Map<string, number>();
function countEvent(event: string): void {
  events.set(event, (events.get(event) ?? 0) + 1);
}
