import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CollabClient } from './support/collabClient.ts';
import {
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

/** Reads one sample of a Prometheus text exposition. */
const sample = (text: string, series: string): number | null => {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line ? Number(line.slice(series.length + 1)) : null;
};

describe('GET /metrics', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
  });
  afterAll(() => running.close());

  it('reports connections by role, loaded documents, updates, fan-out and persistence timings, event-loop delay', async () => {
    const { socket } = await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'));
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const editor = new CollabClient(socket, seed.docId);
    await editor.open();
    for (let i = 0; i < 5; i++) editor.edit(`w${i} `);
    await vi.waitFor(() => expect(editor.acked).toHaveLength(5));

    const response = await fetch(`${running.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(sample(text, 'moot_connections{role="member"}')).toBe(1);
    expect(sample(text, 'moot_connections{role="observer"}')).toBe(1);
    expect(sample(text, 'moot_documents_loaded')).toBe(1);
    expect(sample(text, 'moot_document_updates_total{origin="client"}')).toBe(5);
    expect(sample(text, 'moot_fanout_seconds_count')).toBe(5);
    expect(sample(text, 'moot_persistence_lag_seconds_count')).toBe(5);
    expect(sample(text, 'moot_event_loop_delay_seconds{quantile="0.99"}')).toBeGreaterThanOrEqual(0);

    socket.disconnect();
    watcher.socket.disconnect();
    await vi.waitFor(async () =>
      expect(sample(await (await fetch(`${running.url}/metrics`)).text(), 'moot_connections{role="member"}')).toBe(0),
    );
  });
});
