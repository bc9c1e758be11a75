import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { easyReadDocId, HTTP_ROUTES, type CharterExport } from '@moot/protocol';
import { CollabClient, paragraph } from './support/collabClient.ts';
import {
  acked,
  connectMember,
  connectWatcher,
  redeem,
  seedAssembly,
  startApp,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

const plain = (doc: Y.Doc) =>
  doc
    .getXmlFragment('text')
    .toArray()
    .map((node) => node.toString().replace(/<[^>]+>/g, ''))
    .join('\n');

describe("a standard's easy-read version", () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let moderator: MemberSocket;
  let ada: CollabClient;
  let cookie: string;
  const EASY = 'Leaders say what is true.';

  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    cookie = await redeem(running.url, seed.memberInvites[0]!, 'Ada');
    ada = new CollabClient((await connectMember(running.url, cookie)).socket, easyReadDocId(seed.standardId));
    moderator = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
  });
  afterAll(async () => {
    ada.socket.disconnect();
    moderator.disconnect();
    await running.close();
  });

  it('is written by a member like the standard, stored, and read live by an observer', async () => {
    await ada.open();
    ada.doc.getXmlFragment('text').insert(0, [paragraph(EASY)]);
    await vi.waitFor(() => expect(ada.unacked).toBe(0));
    expect(ada.refusals).toEqual([]);

    // The public reads it through the watch link, and sees later edits live.
    const { socket: watcher } = await connectWatcher(running.url, seed.watchKey);
    const seen = new Y.Doc();
    watcher.on('doc:sync', ({ docId, message }) => {
      if (docId !== easyReadDocId(seed.standardId)) return;
      const bytes = message instanceof Uint8Array ? message : new Uint8Array(message);
      syncProtocol.readSyncMessage(decoding.createDecoder(bytes), encoding.createEncoder(), seen, 'server');
    });
    expect((await watcher.emitWithAck('doc:open', { docId: easyReadDocId(seed.standardId) })).ok).toBe(true);
    await vi.waitFor(() => expect(plain(seen)).toBe(EASY));
    ada.doc.getXmlFragment('text').insert(1, [paragraph('They do not hide things.')]);
    await vi.waitFor(() => expect(plain(seen)).toBe(`${EASY}\nThey do not hide things.`));
    watcher.disconnect();
  });

  it('is exported with the standard, in JSON and Markdown', async () => {
    await vi.waitFor(() => expect(ada.unacked).toBe(0));
    const json = (await (
      await fetch(running.url + HTTP_ROUTES.charterJson, { headers: { cookie } })
    ).json()) as CharterExport;
    // Plain text in JSON, one paragraph each; Markdown (typed punctuation escaped) only in the .md.
    expect(json.standards[0]!.easyRead).toBe('Leaders say what is true.\n\nThey do not hide things.');
    const markdown = await (await fetch(running.url + HTTP_ROUTES.charterMarkdown, { headers: { cookie } })).text();
    expect(markdown).toContain(`### Easy read\n\nLeaders say what is true\\.\n\nThey do not hide things\\.\n`);
  });

  it('is locked with the standard: an edit after the lock is refused and not stored', async () => {
    acked(await moderator.emitWithAck('standard:lock', { standardId: seed.standardId }));
    ada.edit(' LATE');
    await vi.waitFor(() => expect(ada.unacked).toBe(0));
    expect(ada.refusals.map((r) => r.code)).toEqual(['locked']);
    const json = (await (
      await fetch(running.url + HTTP_ROUTES.charterJson, { headers: { cookie } })
    ).json()) as CharterExport;
    expect(json.standards[0]!.easyRead).not.toContain('LATE');
  });

  it('does not exist for a standard of another assembly, or none', async () => {
    const other = await seedAssembly(running.db);
    const ack = await ada.socket.emitWithAck('doc:open', { docId: easyReadDocId(other.standardId) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
