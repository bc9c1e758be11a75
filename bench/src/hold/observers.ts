import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import { toBytes } from '@moot/protocol';
import { connectWatcher, type WatcherSocket } from '../../../apps/server/test/support/harness.ts';
import { STEP2, UPDATE, updateKeys } from '../clients.ts';
import { Histogram } from '../stats.ts';
import type { ChildReport, ToChild, FromChild } from './holdProtocol.ts';

/**
 * One generator process of the hold workload (hold.ts starts 2–4 of them, each its own event
 * loop): it connects its share of the observers in a bounded ramp, counts every update of the
 * writer at every observer, and measures each arrival against the send time the runner tells it
 * over IPC (one machine, one wall clock: `timeOrigin + now()` in both processes). Only receives.
 */
const send = (m: FromChild) => process.send!(m);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Observer {
  socket: WatcherSocket;
  synced: boolean;
  /** Writer's characters this observer received (each counted once per message that carried it). */
  arrivals: number;
  packets: number;
  gone: string | null;
}

const observers: Observer[] = [];
const sentAt = new Map<number, number>();
/** Arrivals that came before the runner's IPC note of their send time (rare: a race, not an error). */
const early = new Map<number, number[]>();
const perUpdate = new Map<number, number>();
const latency = new Histogram();
const refused = new Map<string, number>();
let measuring = false;
const loop = monitorEventLoopDelay({ resolution: 10 });

function arrived(o: Observer, update: Uint8Array): void {
  const t = now();
  for (const key of updateKeys(update)) {
    o.arrivals++;
    perUpdate.set(key, (perUpdate.get(key) ?? 0) + 1);
    if (!measuring) continue;
    const at = sentAt.get(key);
    if (at !== undefined) latency.record(t - at);
    else early.set(key, [...(early.get(key) ?? []), t]);
  }
}

async function connectOne(url: string, watchKey: string, docId: string, address: string): Promise<void> {
  const { socket } = await connectWatcher(url, watchKey, () => {}, { 'x-forwarded-for': address });
  const o: Observer = { socket, synced: false, arrivals: 0, packets: 0, gone: null };
  observers.push(o);
  socket.on('disconnect', (reason) => void (o.gone ??= reason));
  socket.on('doc:sync', ({ message }) => {
    const d = decoding.createDecoder(toBytes(message));
    const kind = decoding.readVarUint(d);
    if (kind === STEP2) o.synced = true;
    if (kind !== UPDATE && kind !== STEP2) return;
    o.packets++;
    arrived(o, decoding.readVarUint8Array(d));
  });
  const ack = await socket.timeout(120_000).emitWithAck('doc:open', { docId });
  if (!ack.ok) throw new Error(`watch open refused: ${ack.error.code}`);
}

let stopped = false;

async function ramp(m: Extract<ToChild, { type: 'connect' }>): Promise<void> {
  let next = 0;
  let failed = 0;
  const started = Date.now();
  // `concurrency` handshakes in flight at once, and no faster than `perSecond` (this process's share).
  const worker = async () => {
    for (let i = next++; i < m.count && !stopped; i = next++) {
      const due = started + (i / m.perSecond) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      const g = m.offset + i;
      const url = m.urls[g % m.urls.length]!;
      // Each observer from its own address, as browsers are: the per-address handshake limit counts clients.
      const address = `10.${100 + m.child}.${(i >> 8) & 255}.${i & 255}`;
      try {
        await connectOne(url, m.watchKey, m.docId, address);
      } catch (error) {
        failed++;
        const reason = error instanceof Error ? error.message.slice(0, 80) : String(error);
        refused.set(reason, (refused.get(reason) ?? 0) + 1);
      }
    }
  };
  const progress = setInterval(() => send({ type: 'progress', ...counts(), failed }), 1000);
  await Promise.all(Array.from({ length: m.concurrency }, worker));
  clearInterval(progress);
  send({ type: 'progress', ...counts(), failed });
  send({ type: 'connected', ...counts(), failed });
}

function counts() {
  return {
    connected: observers.length,
    synced: observers.filter((o) => o.synced).length,
    gone: observers.filter((o) => o.gone).length,
  };
}

function report(): ChildReport {
  // Send times that came after their arrivals: measured now.
  for (const [key, times] of early) {
    const at = sentAt.get(key);
    if (at !== undefined) for (const t of times) latency.record(t - at);
  }
  const reasons: Record<string, number> = {};
  for (const o of observers) if (o.gone) reasons[o.gone] = (reasons[o.gone] ?? 0) + 1;
  const held = observers.filter((o) => !o.gone);
  return {
    observers: observers.length,
    held: held.length,
    disconnected: observers.length - held.length,
    reasons,
    refused: Object.fromEntries(refused),
    arrivalsHeld: held.reduce((n, o) => n + o.arrivals, 0),
    arrivalsAll: observers.reduce((n, o) => n + o.arrivals, 0),
    packetsHeld: held.reduce((n, o) => n + o.packets, 0),
    fewestAtAnObserver: held.reduce((n, o) => Math.min(n, o.arrivals), Number.POSITIVE_INFINITY),
    perUpdate: [...perUpdate],
    latency: latency.sparse(),
    loopP99: loop.percentile(99) / 1e6 - 10,
    loopMax: loop.max / 1e6 - 10,
    heapUsed: process.memoryUsage().heapUsed,
  };
}

process.on('message', (m: ToChild) => {
  switch (m.type) {
    case 'connect':
      void ramp(m);
      break;
    case 'stop':
      stopped = true;
      break;
    case 'sent':
      sentAt.set(m.key, m.at);
      break;
    case 'measure':
      measuring = m.on;
      if (m.on) loop.enable();
      else loop.disable();
      break;
    case 'arrivals':
      send({ type: 'arrivals', held: observers.filter((o) => !o.gone).reduce((n, o) => n + o.arrivals, 0) });
      break;
    case 'report':
      send({ type: 'report', report: report() });
      break;
    case 'close':
      for (const o of observers) {
        o.gone ??= 'closed by the runner';
        o.socket.disconnect();
      }
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
