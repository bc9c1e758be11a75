import { fork } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { connectWatcher, seedAssembly, startApp } from '../../../apps/server/test/support/harness.ts';

/**
 * What one observer costs the server's heap, by constructor: `node --expose-gc --import tsx
 * bench/src/tools/observerHeap.ts [observers]`. Starts Moot in this process, connects the observers
 * from a child process (each opening the standard), and diffs two heap snapshots (none / all
 * connected), printing the top retained kinds per observer. A tool for issue 18, not a test.
 */
const N = Number(process.argv[2] ?? 300);

if (process.argv[3] === 'client') {
  const [url, watchKey, docId] = process.argv.slice(4);
  const sockets = [];
  for (let i = 0; i < N; i++) {
    const headers = { 'x-forwarded-for': `10.9.${(i >> 8) & 255}.${i & 255}` };
    const { socket } = await connectWatcher(url!, watchKey!, () => {}, headers);
    await socket.emitWithAck('doc:open', { docId: docId! });
    sockets.push(socket);
  }
  process.send!('ready');
  process.on('message', () => process.exit(0));
} else {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const running = await startApp({ trustProxy: ['loopback'] });
  const seed = await seedAssembly(running.db);
  // Load the document first, so the snapshot before holds it.
  const warm = await connectWatcher(running.url, seed.watchKey);
  await warm.socket.emitWithAck('doc:open', { docId: seed.docId });
  const snap = (name: string) => {
    gc();
    gc();
    return writeHeapSnapshot(path.join(tmpdir(), `observer-heap-${name}.heapsnapshot`));
  };
  const before = snap('before');
  const heapBefore = process.memoryUsage().heapUsed;
  const child = fork(new URL(import.meta.url).pathname, [String(N), 'client', running.url, seed.watchKey, seed.docId], {
    execArgv: ['--import', 'tsx'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = snap('after');
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(`heapUsed per observer: ${((heapAfter - heapBefore) / N / 1024).toFixed(2)} KB`);
  const a = totals(before);
  const b = totals(after);
  const rows = [...b].map(([k, v]) => [k, v.size - (a.get(k)?.size ?? 0), v.count - (a.get(k)?.count ?? 0)] as const);
  rows.sort((x, y) => y[1] - x[1]);
  let sum = 0;
  for (const [, s] of rows) sum += s;
  console.log(`snapshot self size per observer: ${(sum / N / 1024).toFixed(2)} KB`);
  for (const [k, s, c] of rows.slice(0, Number(process.env.TOP ?? 45))) {
    console.log(`${(s / N).toFixed(0).padStart(6)} B  ${(c / N).toFixed(2).padStart(6)}×  ${k}`);
  }
  const one = [...running.app.context.watch.sockets.values()].at(-1)!;
  const listeners = (
    name: string,
    e: { eventNames(): (string | symbol)[]; listenerCount(n: string | symbol): number },
  ) =>
    console.log(
      name,
      e
        .eventNames()
        .map((n) => `${String(n)}×${e.listenerCount(n)}`)
        .join(' '),
    );
  const conn = one.conn as unknown as { transport: { socket: { _socket: never } } } & Parameters<typeof listeners>[1];
  listeners('socket.io socket', one as never);
  listeners('engine socket', conn);
  listeners('engine transport', conn.transport as never);
  listeners('ws', conn.transport.socket as never);
  listeners('net socket', conn.transport.socket._socket);
  console.log('socket.data keys', Object.keys(one.data));
  child.send('bye');
  rmSync(before);
  rmSync(after);
  await running.close();
  process.exit(0);
}

function totals(file: string): Map<string, { size: number; count: number }> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: {
      meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] };
    };
    nodes: number[];
    edges: number[];
    strings: string[];
    locations: number[];
  };
  const meta = snapshot.snapshot.meta;
  const fields = meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    fields.indexOf(f),
  );
  const types = meta.node_types[0];
  const edgeWidth = meta.edge_fields.length;
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
  const edgeTypes = meta.edge_types[0];
  const firstEdge = new Map<number, number>();
  for (let i = 0, e = 0; i < snapshot.nodes.length; i += width) {
    firstEdge.set(i, e);
    e += snapshot.nodes[i + edgeCountAt!]! * edgeWidth;
  }
  const edge = (node: number, name: string): number | null => {
    const start = firstEdge.get(node)!;
    const end = start + snapshot.nodes[node + edgeCountAt!]! * edgeWidth;
    for (let e = start; e < end; e += edgeWidth) {
      const t = edgeTypes[snapshot.edges[e + edgeTypeAt!]!];
      if (t === 'element' || t === 'hidden') continue;
      if (snapshot.strings[snapshot.edges[e + edgeNameAt!]!] === name) return snapshot.edges[e + toAt!]!;
    }
    return null;
  };
  // Closures by where they were written: node → "script:line" from the locations table.
  const where = new Map<number, string>();
  const scriptName = new Map<number, string>();
  for (let i = 0; i < snapshot.locations.length; i += 4) {
    const node = snapshot.locations[i]!;
    const script = snapshot.locations[i + 1]!;
    if (!scriptName.has(script)) {
      const sfi = edge(node, 'shared');
      const scr = sfi === null ? null : (edge(sfi, 'script') ?? edge(sfi, 'script_or_debug_info'));
      const nm = scr === null ? null : edge(scr, 'name');
      scriptName.set(
        script,
        nm === null ? `#${script}` : snapshot.strings[snapshot.nodes[nm + nameAt!]!]!.split('/').slice(-2).join('/'),
      );
    }
    where.set(node, `${scriptName.get(script)}:${snapshot.locations[i + 2]! + 1}`);
  }
  const out = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt!]!]!;
    let name = snapshot.strings[snapshot.nodes[i + nameAt!]!]!;
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = '';
    if (type === 'code' || type === 'hidden') name = name.slice(0, 40);
    if (type === 'closure') name = `${name} @${where.get(i) ?? '?'}`;
    const key = `${type}:${name.slice(0, 90)}`;
    const t = out.get(key) ?? { size: 0, count: 0 };
    t.size += snapshot.nodes[i + sizeAt!]!;
    t.count++;
    out.set(key, t);
  }
  return out;
}
