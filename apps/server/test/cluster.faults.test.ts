import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDocument, replay } from '../src/collab/documentStore.ts';
import type { Database } from '../src/storage/database.ts';
import { openDatabase } from '../src/storage/open.ts';
import { CollabClient } from './support/collabClient.ts';
import { connectMember, redeem, seedAssembly, type SeededAssembly } from './support/harness.ts';
import { NodeProcess, twoNodes } from './support/nodes.ts';
import { OwnRedis, REDIS_URL, redisAvailable, uniquePrefix } from './support/redis.ts';
import { createScratchDatabase, postgresAvailable } from './support/services.ts';
import { BOUNDS } from '../../../vitest.bounds.ts';

const servicesUp = (await postgresAvailable()) && (await redisAvailable());

/** Every marker exactly once in `text`. */
function expectEachOnce(text: string, markers: string[]) {
  for (const marker of markers) expect(text.split(marker).length - 1, marker).toBe(1);
}

describe.skipIf(!servicesUp)('faults: nodes and Redis failing mid-session', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Database;
  let seed: SeededAssembly;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    db = await openDatabase({ databaseUrl: scratch.url });
    seed = await seedAssembly(db);
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
  });

  const storedText = async () => {
    const stored = await loadDocument(db, seed.docId);
    return replay(stored.snapshot, stored.updates).getText('t').toString();
  };

  it(
    'loses no acknowledged edit when a node is killed (SIGKILL) while its clients edit',
    { timeout: BOUNDS.hookMs },
    async () => {
      const env = { DATABASE_URL: scratch.url, REDIS_URL, REDIS_PREFIX: uniquePrefix() };
      const [a, b] = await Promise.all([NodeProcess.start(env), NodeProcess.start(env)]);
      try {
        const cookies = [
          await redeem(a.url, seed.memberInvites[0]!, 'Ada'),
          await redeem(a.url, seed.memberInvites[1]!, 'Ben'),
        ];
        const open = async (url: string, cookie: string) => {
          const client = new CollabClient((await connectMember(url, cookie)).socket, seed.docId);
          await client.open();
          return client;
        };
        let clients = [await open(a.url, cookies[0]!), await open(b.url, cookies[1]!)];
        for (let n = 0; n < 40; n++) {
          clients.forEach((c, i) => c.edit(`[${i}:${n}]`));
          if (n === 20) {
            // Node A dies mid-edit; its client comes back through node B, as behind a load balancer.
            expect(await a.stop('SIGKILL')).toBeNull();
            clients = [await clients[0]!.moveTo((await connectMember(b.url, cookies[0]!)).socket), clients[1]!];
          }
          await new Promise((resolve) => setTimeout(resolve, 10)); // pacing of the edit stream, not a wait for a result
        }
        await vi.waitFor(() => {
          expect(clients.reduce((sum, c) => sum + c.unacked, 0)).toBe(0);
          expect(clients[0]!.text.toString()).toBe(clients[1]!.text.toString());
        });
        const acked = clients.flatMap((c) => c.acked);
        expect(acked.length).toBeGreaterThan(60);
        const all = clients.flatMap((_, i) => Array.from({ length: 40 }, (_, n) => `[${i}:${n}]`));
        expectEachOnce(clients[0]!.text.toString(), all);
        expectEachOnce(await storedText(), all);
        for (const c of clients) c.socket.disconnect();
      } finally {
        await a.stop('SIGKILL');
        await b.stop('SIGKILL');
      }
    },
  );

  it('writes pending edits before exiting on SIGTERM', { timeout: BOUNDS.hookMs }, async () => {
    // A long batch window: without the flush at shutdown these edits would still be waiting.
    const env = { DATABASE_URL: scratch.url, REDIS_URL, REDIS_PREFIX: uniquePrefix() };
    const a = await NodeProcess.start({ ...env, UPDATE_BATCH_MS: '4000' });
    try {
      const writer = new CollabClient(
        (await connectMember(a.url, await redeem(a.url, seed.memberInvites[2]!, 'Cy'))).socket,
        seed.docId,
      );
      // A second client on node A sees each edit as soon as node A applied it (before it is stored).
      const reader = new CollabClient(
        (await connectMember(a.url, await redeem(a.url, seed.memberInvites[1]!, 'Ben'))).socket,
        seed.docId,
      );
      await writer.open();
      await reader.open();
      // An idle log writes at once and then waits out its window: the edits after this one wait in it.
      writer.edit('<opening>');
      await vi.waitFor(() => expect(writer.acked).toHaveLength(1));
      const markers = Array.from({ length: 20 }, (_, n) => `<term ${n}>`);
      for (const marker of markers) writer.edit(marker);
      // Node A applied them all; none is stored yet.
      await vi.waitFor(() => expect(reader.text.toString()).toContain(markers.at(-1)));
      expect(writer.acked).toHaveLength(1);
      expect(await a.stop('SIGTERM')).toBe(0);
      expectEachOnce(await storedText(), ['<opening>', ...markers]);
      reader.socket.disconnect();
    } finally {
      await a.stop('SIGKILL');
    }
  });

  describe('Redis', () => {
    let redis: OwnRedis;
    beforeAll(async () => {
      redis = await OwnRedis.start();
    });
    afterAll(() => redis?.stop());

    const editorsOn = async (nodes: { url: string }[]) => {
      const clients: CollabClient[] = [];
      for (const [i, node] of nodes.entries()) {
        const cookie = await redeem(node.url, seed.memberInvites[i]!, `R${i}`);
        const client = new CollabClient((await connectMember(node.url, cookie)).socket, seed.docId);
        await client.open();
        clients.push(client);
      }
      return clients;
    };

    it('survives a Redis restart: nodes keep serving, resubscribe, and converge', async () => {
      const { nodes, close } = await twoNodes({ databaseUrl: scratch.url, redisUrl: redis.url });
      try {
        const [onA, onB] = await editorsOn(nodes);
        onA!.edit('(before)');
        await vi.waitFor(() => expect(onB!.text.toString()).toContain('(before)'));

        await redis.stop();
        await vi.waitFor(async () => expect((await fetch(`${nodes[0]!.url}/healthz`)).status).toBe(503));
        onA!.edit('(during A)');
        onB!.edit('(during B)');
        // Local clients are still served and their edits stored while Redis is away.
        await vi.waitFor(() => expect(onA!.acked).toContain('(during A)'));
        await vi.waitFor(() => expect(onB!.acked).toContain('(during B)'));

        await redis.start();
        for (const node of nodes) {
          await vi.waitFor(
            async () => expect(await (await fetch(`${node.url}/healthz`)).json()).toMatchObject({ redis: 'up' }),
            { timeout: 10_000 },
          );
        }
        onA!.edit('(after)');
        onA!.setPresence({ cursor: 'after restart' });
        await vi.waitFor(
          () => {
            for (const c of [onA!, onB!])
              expectEachOnce(c.text.toString(), ['(before)', '(during A)', '(during B)', '(after)']);
            expect(onB!.awareness.getStates().get(onA!.doc.clientID)?.cursor).toBe('after restart');
          },
          { timeout: 15_000 },
        );
        // Command broadcasts cross nodes again too (the adapter resubscribed).
        const titles: string[] = [];
        onB!.socket.on('charter:updated', ({ standards }) => titles.push(...standards.map((s) => s.title)));
        await vi.waitFor(
          async () => {
            expect(
              (await onA!.socket.emitWithAck('standard:add', { title: `After restart ${titles.length}` })).ok,
            ).toBe(true);
            expect(titles.some((t) => t.startsWith('After restart'))).toBe(true);
          },
          { timeout: 10_000 },
        );
        for (const c of [onA!, onB!]) c.socket.disconnect();
      } finally {
        await close();
      }
    });

    it('loses nothing acknowledged when Redis is flushed mid-session', async () => {
      const { nodes, close } = await twoNodes({ databaseUrl: scratch.url, redisUrl: redis.url });
      try {
        const [onA, onB] = await editorsOn(nodes);
        for (let n = 0; n < 10; n++) onA!.edit(`{a${n}}`);
        await vi.waitFor(() => expect(onA!.unacked).toBe(0));
        const flusher = await import('redis').then(({ createClient }) => createClient({ url: redis.url }));
        await flusher.connect();
        await flusher.flushAll();
        await flusher.quit();
        for (let n = 0; n < 10; n++) onB!.edit(`{b${n}}`);
        const markers = [
          ...Array.from({ length: 10 }, (_, n) => `{a${n}}`),
          ...Array.from({ length: 10 }, (_, n) => `{b${n}}`),
        ];
        await vi.waitFor(
          () => {
            expectEachOnce(onA!.text.toString(), markers);
            expectEachOnce(onB!.text.toString(), markers);
          },
          { timeout: 15_000 },
        );
        expectEachOnce(await storedText(), markers);
        for (const c of [onA!, onB!]) c.socket.disconnect();
      } finally {
        await close();
      }
    });
  });
});
