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

const TOKEN = 'metrics-token-for-tests-0123456789abcdef';
const scrape = (url: string, token: string | null = TOKEN) =>
  fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('GET /metrics', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  beforeAll(async () => {
    running = await startApp({ metricsToken: TOKEN });
    seed = await seedAssembly(running.db);
  });
  afterAll(() => running.close());

  it('is not there for anyone without the token: 404 with none, a wrong one, or none configured', async () => {
    for (const response of [
      await scrape(running.url, null),
      await scrape(running.url, 'wrong-token-wrong-token-wrong-token-00'),
      await scrape(running.url, TOKEN.slice(0, -1)),
      await fetch(`${running.url}/metrics?token=${TOKEN}`),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.text()).not.toMatch(/moot_/);
    }
    const unconfigured = await startApp({ db: running.db });
    try {
      expect((await scrape(unconfigured.url)).status).toBe(404);
    } finally {
      await unconfigured.app.close();
    }
  });

  it('reports connections by role, loaded documents, updates, fan-out and persistence timings, event-loop delay', async () => {
    const { socket } = await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Ada'));
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const editor = new CollabClient(socket, seed.docId);
    await editor.open();
    for (let i = 0; i < 5; i++) editor.edit(`w${i} `);
    await vi.waitFor(() => expect(editor.acked).toHaveLength(5));

    const response = await scrape(running.url);
    expect(response.status).toBe(200);
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
      expect(sample(await (await scrape(running.url)).text(), 'moot_connections{role="member"}')).toBe(0),
    );
  });
});
