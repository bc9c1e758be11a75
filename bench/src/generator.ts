import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { connectClient, loadClients, updateKeys, type Client } from './clients.ts';
import { Histogram, percentiles } from './stats.ts';
import type { DocTarget, GeneratorConfig, GeneratorEvent, GeneratorResult } from './types.ts';

/**
 * The load generator: its own process (pinned to CPU 1), driven by the runner over IPC. Writers
 * and readers live here together, so latency is now − sentAt on one clock.
 */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

let goWaiter: ((url: string | null) => void) | null = null;
process.on('message', (m: { type: string; config?: GeneratorConfig; url?: string | null }) => {
  if (m.type === 'config') void run(m.config!).catch(fail);
  if (m.type === 'go') goWaiter?.(m.url ?? null);
});

function send(event: GeneratorEvent): void {
  process.send!(event);
}
/** Tells the runner where we are and waits until it has taken its server-side sample (W4 crash: the restarted URL). */
function ask(event: GeneratorEvent): Promise<string | null> {
  return new Promise((resolve) => {
    goWaiter = resolve;
    send(event);
  });
}
function fail(error: unknown): void {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  setTimeout(() => process.exit(1), 100);
}

interface Reader {
  client: Client;
  doc: DocTarget;
  node: number;
  received: number;
  alive: boolean;
}
interface Writer {
  client: Client;
  doc: DocTarget;
  node: number;
  writes: number;
  nextAt: number;
  alive: boolean;
  clientId: number;
}

async function run(config: GeneratorConfig): Promise<void> {
  await loadClients(config.kind);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const sentAt = new Map<number, number>();
  const latency = new Histogram();
  let measuring = false;
  let delivered = 0;
  let deliveredUpdates = 0;
  let windowWrites = 0;
  let disconnects = 0;
  let expectedClose = false;
  const readers: Reader[] = [];
  const writers: Writer[] = [];
  const syncMs: number[] = [];
  let failed = 0;

  const delivery = (reader: Reader | null, writer: Writer | null) => (update: Uint8Array) => {
    const t1 = now();
    const keys = updateKeys(update);
    // Hocuspocus and y-websocket echo each update to its sender: sent, but not a delivery.
    const echo = writer !== null && keys.length > 0 && Math.floor(keys[0]! / 2 ** 21) === writer.clientId;
    if (measuring && !echo) {
      delivered++;
      deliveredUpdates += keys.length;
    }
    for (const key of keys) {
      const t = sentAt.get(key);
      if (t === undefined) continue;
      if (reader) reader.received++;
      if (measuring && reader) latency.record(t1 - t);
    }
  };

  // Round-robin over nodes by global client index, so every document spans every node.
  const plan: { doc: DocTarget; writer: number | null; node: number }[] = [];
  for (const doc of config.docs) {
    for (let w = 0; w < config.writersPerDoc; w++)
      plan.push({ doc, writer: w, node: plan.length % config.urls.length });
    for (let r = 0; r < config.readersPerDoc; r++)
      plan.push({ doc, writer: null, node: plan.length % config.urls.length });
  }

  const open = (entry: (typeof plan)[number], url: string): Reader | Writer => {
    const isWriter = entry.writer !== null;
    const doc = isWriter || config.fullReaders ? new Y.Doc() : null;
    const holder = { doc: entry.doc, node: entry.node, alive: true } as Reader & Writer;
    const client = connectClient({
      kind: config.kind,
      url,
      target: entry.doc,
      ...(isWriter ? { writerIndex: entry.writer! } : {}),
      doc,
      onUpdate: delivery(isWriter ? null : holder, isWriter ? holder : null),
    });
    Object.assign(holder, { client, received: 0, writes: 0, nextAt: 0, clientId: doc?.clientID ?? 0 });
    client.onClose(() => {
      holder.alive = false;
      if (!expectedClose) disconnects++;
    });
    return holder;
  };

  if (config.mode === 'cold') await ask({ type: 'measure-start' });
  // Connect: evenly over the spread window (W3), else 25 at a time so the handshake storm stays bounded.
  const started = now();
  const spread = config.connectSpreadMs / Math.max(1, plan.length);
  const pending: Promise<void>[] = [];
  for (const [i, entry] of plan.entries()) {
    if (config.connectSpreadMs > 0) await sleep(Math.max(0, started + i * spread - now()));
    const t0 = now();
    const holder = open(entry, config.urls[entry.node]!);
    (entry.writer !== null ? writers : readers).push(holder as Reader & Writer);
    pending.push(
      holder.client.synced.then(
        () => void syncMs.push(now() - t0),
        () => void failed++,
      ),
    );
    if (config.connectSpreadMs === 0 && pending.length % 25 === 0) await Promise.all(pending.slice(-25));
  }
  await Promise.all(pending);
  for (const w of writers) w.clientId = w.client.doc?.clientID ?? 0;

  if (config.mode === 'cold') {
    await sleep(1000); // disconnects caused by the load (ping timeouts, size limits) show up after it
    await ask({ type: 'measure-end' });
    return finish();
  }
  await ask({ type: 'connected', clients: plan.length, syncMs, failed });

  // Open-loop writers: a Poisson schedule per writer, caught up when late, never waiting for replies.
  const tickStart = now();
  for (const w of writers) w.nextAt = tickStart + (-Math.log(1 - Math.random()) * 1000) / config.rate;
  let writing = true;
  const tick = setInterval(() => {
    if (!writing) return;
    const t = now();
    for (const w of writers) {
      let bounded = 100;
      while (w.alive && w.nextAt <= t && bounded-- > 0) {
        w.nextAt += (-Math.log(1 - Math.random()) * 1000) / config.rate;
        const key = w.client.write();
        if (key === null) continue;
        sentAt.set(key, now());
        w.writes++;
        if (measuring) windowWrites++;
      }
    }
  }, 2);

  await sleep(config.warmupMs);
  loop.reset();
  await ask({ type: 'measure-start' });
  measuring = true;
  let kill: GeneratorResult['kill'];
  if (config.mode === 'kill') {
    await sleep(Math.min(3000, config.measureMs / 2));
    kill = await killPhase();
    await sleep(1000);
  } else {
    await sleep(config.measureMs);
  }
  measuring = false;
  await ask({ type: 'measure-end' });
  if (kill) kill.crash = await crashPhase();
  writing = false;
  clearInterval(tick);
  return finish(kill);

  /** Every node dies at once and one restarts from storage: which acknowledged edits survived? */
  async function crashPhase(): Promise<NonNullable<GeneratorResult['kill']>['crash']> {
    const live = writers.filter((w) => w.alive);
    const ackedAtCrash = new Map(live.map((w) => [w, w.client.acked() ?? 0]));
    writing = false;
    const url = await ask({ type: 'crash-all' });
    const total = [...ackedAtCrash.values()].reduce((a, b) => a + b, 0);
    if (!url) return { crashLost: null, ackedAtCrash: total, crashPendingClients: 0 };
    const probe = open({ doc: config.docs[0]!, writer: null, node: 0 }, url) as Reader;
    const synced = await probe.client.synced.then(
      () => true,
      () => false,
    );
    const doc = probe.client.doc!;
    const lost = synced
      ? live.reduce((sum, w) => sum + Math.max(0, ackedAtCrash.get(w)! - Y.getState(doc.store, w.clientId)), 0)
      : null;
    // Edits stored whose dependencies were not: Yjs parks them as pending, so they are as good as lost.
    const pending = synced && doc.store.pendingStructs ? doc.store.pendingStructs.missing.size : 0;
    probe.client.close();
    return { crashLost: lost, ackedAtCrash: total, crashPendingClients: pending };
  }

  async function killPhase(): Promise<NonNullable<GeneratorResult['kill']>> {
    // Node 1 dies. Its writers stay gone (the tab died with it), so what they had acknowledged
    // must already be elsewhere; its readers reconnect to node 0 with the state they had.
    const ackedAtKill = new Map(writers.map((w) => [w, w.client.acked() ?? 0]));
    const killed = writers.filter((w) => w.node === 1);
    for (const w of killed) w.alive = false;
    expectedClose = true;
    const killedAt = now();
    await ask({ type: 'kill-now' });
    await sleep(300);
    for (const r of readers.filter((r) => r.node === 1)) {
      r.client.close();
      const moved = open({ doc: r.doc, writer: null, node: 0 }, config.urls[0]!) as Reader;
      Y.applyUpdate(moved.client.doc!, Y.encodeStateAsUpdate(r.client.doc!), 'remote');
      Object.assign(r, { client: moved.client, node: 0, alive: true });
    }
    // A fresh observer on the survivor tells what it kept; converged = every reader has every
    // acknowledged edit the survivor has (edits it lost are counted as lost, not waited for).
    const probe = open({ doc: config.docs[0]!, writer: null, node: 0 }, config.urls[0]!) as Reader;
    const probed = await probe.client.synced.then(
      () => true,
      () => false,
    );
    const state = (doc: Y.Doc | null, w: Writer) => (doc ? Y.getState(doc.store, w.clientId) : 0);
    const target = (w: Writer) =>
      w.node === 1 && probed ? Math.min(ackedAtKill.get(w)!, state(probe.client.doc, w)) : ackedAtKill.get(w)!;
    let convergeMs: number | null = null;
    for (let i = 0; i < 400; i++) {
      if (readers.every((r) => writers.every((w) => state(r.client.doc, w) >= target(w)))) {
        convergeMs = now() - killedAt;
        break;
      }
      await sleep(50);
    }
    const lost = probed
      ? killed.reduce((sum, w) => sum + Math.max(0, ackedAtKill.get(w)! - state(probe.client.doc, w)), 0)
      : null;
    probe.client.close();
    const ackedTotal = killed.reduce((sum, w) => sum + ackedAtKill.get(w)!, 0);
    return { ackedLost: lost, convergeMs, ackedAtKill: ackedTotal, killedWriters: killed.length };
  }

  async function finish(killResult?: GeneratorResult['kill']): Promise<void> {
    // Quiesce: wait (bounded) until no more updates arrive, then whatever never arrived was dropped.
    let last = -1;
    let stable = 0;
    for (let i = 0; i < 75 && stable < 5; i++) {
      const total = readers.reduce((s, r) => s + r.received, 0);
      stable = total === last ? stable + 1 : 0;
      last = total;
      await sleep(200);
    }
    // Writes the server refused (and said so) reach nobody by design; they are counted apart from drops.
    const writesPerDoc = new Map<DocTarget, number>();
    for (const w of writers) writesPerDoc.set(w.doc, (writesPerDoc.get(w.doc) ?? 0) + w.writes - w.client.refused());
    const drops =
      config.mode === 'kill'
        ? 0
        : readers.reduce((s, r) => s + Math.max(0, (writesPerDoc.get(r.doc) ?? 0) - r.received), 0);
    if (process.env.BENCH_DEBUG) {
      const byNode = config.urls.map((_, n) =>
        readers.filter((r) => r.node === n).reduce((s, r) => s + (writesPerDoc.get(r.doc) ?? 0) - r.received, 0),
      );
      const perWriterNode = config.urls.map((_, n) =>
        writers.filter((w) => w.node === n).reduce((s, w) => s + w.writes, 0),
      );
      console.error('drops by reader node', byNode, 'writes by writer node', perWriterNode);
      const refusals = writers.flatMap((w) => (w.client.refused() ? [`${w.node}:${w.client.refused()}`] : []));
      console.error('refusals', refusals);
      if (config.kind === 'moot')
        console.error('events', Object.fromEntries((await import('./mootClients.ts')).events));
    }
    expectedClose = true;
    const result: GeneratorResult = {
      latency: latency.summary(),
      delivered,
      deliveredUpdates,
      writes: writers.reduce((s, w) => s + w.writes, 0),
      refused: writers.reduce((s, w) => s + w.client.refused(), 0),
      windowWrites,
      drops,
      disconnects,
      syncMs: percentiles(syncMs),
      // The histogram holds whole 10 ms timer intervals; the delay is what exceeds them.
      loopP99: Math.max(0, loop.percentile(99) / 1e6 - 10),
      loopMax: Math.max(0, loop.max / 1e6 - 10),
      ...(killResult ? { kill: killResult } : {}),
    };
    for (const c of [...readers, ...writers]) c.client.close();
    send({ type: 'result', result });
    setTimeout(() => process.exit(0), 200);
  }
}
