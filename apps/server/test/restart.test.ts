import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CollabClient } from './support/collabClient.ts';
import { connectMember, redeem, seedAssembly, startApp } from './support/harness.ts';
import { openDatabase } from '../src/storage/open.ts';

describe('stopping and starting the server', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged edit, exactly once, across restarts from the same data directory', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'moot-restart-'));
    dirs.push(dataDir);
    let db = await openDatabase({ dataDir });
    // Fold into a snapshot often, so both the snapshot and the log path are exercised.
    let running = await startApp({ db, compactEvery: 25 });
    const seed = await seedAssembly(db);
    const cookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada');

    const editSession = async (words: string[]) => {
      const { socket } = await connectMember(running.url, cookie);
      const client = new CollabClient(socket, seed.docId);
      await client.open();
      await vi.waitFor(() => expect(client.unacked).toBe(0));
      for (const word of words) client.text.insert(client.text.length, word);
      await vi.waitFor(() => expect(client.unacked).toBe(0));
      return client;
    };

    const first = await editSession(Array.from({ length: 60 }, (_, i) => `w${i} `));
    const expected = first.text.toString();
    const expectedState = Y.encodeStateAsUpdate(first.doc);
    await running.close();
    await db.close();

    db = await openDatabase({ dataDir });
    running = await startApp({ db, compactEvery: 25 });
    const live = await running.app.context.documents.open(seed.docId);
    expect(live.doc.getText('t').toString()).toBe(expected);
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(expectedState))).toBe(true);

    // The same client reconnecting with its old state adds nothing twice.
    const { socket } = await connectMember(running.url, cookie);
    const returning = new CollabClient(socket, seed.docId);
    Y.applyUpdate(returning.doc, expectedState);
    await returning.open();
    returning.text.insert(returning.text.length, 'end');
    await vi.waitFor(() => expect(returning.unacked).toBe(0));
    await running.close();
    await db.close();

    db = await openDatabase({ dataDir });
    running = await startApp({ db });
    const again = await running.app.context.documents.open(seed.docId);
    expect(again.doc.getText('t').toString()).toBe(`${expected}end`);
    await running.close();
    await db.close();
  });
});
