import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LIMITS, pseudonym, type HistoryDiff } from '@moot/protocol';
import { appendUpdates, compactDocument, loadDocument } from '../src/collab/documentStore.ts';
import { CollabClient } from './support/collabClient.ts';
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
  type WatcherSocket,
} from './support/harness.ts';

/** The standard's text, one string per paragraph. */
const paragraphs = (doc: Y.Doc) =>
  doc
    .getXmlFragment('text')
    .toArray()
    .map((p) => (p as Y.XmlElement).toArray().map(String).join(''));

const paragraph = (text: string) => {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
};

/** Who wrote each change of kind `change`, as "author: text" lines, in document order. */
const changes = (diff: HistoryDiff, change: string) =>
  diff.blocks.flatMap((b) =>
    b.runs
      .filter((r) => r.change === change)
      .map((r) => `${diff.authors[r.author]!.name ?? diff.authors[r.author]!.kind}: ${r.text}`),
  );

/** Who deleted each deleted run, as "deleter: text" lines, in document order ("?" where not known). */
const deletions = (diff: HistoryDiff) =>
  diff.blocks.flatMap((b) =>
    b.runs
      .filter((r) => r.change === 'deleted')
      .map(
        (r) =>
          `${r.deletedBy === undefined ? '?' : (diff.authors[r.deletedBy]!.name ?? diff.authors[r.deletedBy]!.kind)}: ${r.text}`,
      ),
  );

describe("a standard's history keeps who wrote what", () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let moderator: MemberSocket;
  let watcher: WatcherSocket;
  const writers: CollabClient[] = [];

  beforeAll(async () => {
    // Folds happen only when this test asks for them (or when the last holder leaves).
    running = await startApp({ compactEvery: 100_000 });
    seed = await seedAssembly(running.db);
    moderator = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Aled'))).socket;
    watcher = (await connectWatcher(running.url, seed.watchKey)).socket;
    for (const [i, name] of ['Ada', 'Ben', 'Cai'].entries()) {
      const { socket } = await connectMember(running.url, await redeem(running.url, seed.memberInvites[i]!, name));
      const client = new CollabClient(socket, seed.docId);
      await client.open();
      writers.push(client);
    }
  });
  afterAll(async () => {
    for (const w of writers) w.socket.disconnect();
    moderator?.disconnect();
    watcher?.disconnect();
    await running?.close();
  });

  const settle = () =>
    vi.waitFor(() => {
      for (const w of writers) expect(w.unacked).toBe(0);
      const texts = writers.map((w) => JSON.stringify(paragraphs(w.doc)));
      expect(new Set(texts).size).toBe(1);
    });
  const fold = async () => {
    await running.app.context.documents.flushWrites();
    return compactDocument(running.db, seed.docId);
  };
  const seatOf = async (name: string) =>
    (await running.db.query<{ seat: number }>('SELECT seat FROM participants WHERE display_name = $1', [name]))[0]!
      .seat;

  it('names the author of every character after the log is folded into a snapshot', async () => {
    const [ada, ben, cai] = writers as [CollabClient, CollabClient, CollabClient];
    ada.doc.getXmlFragment('text').insert(0, [paragraph('Leaders answer questions.')]);
    await settle();
    ben.doc.getXmlFragment('text').insert(1, [paragraph('They publish their diaries.')]);
    await settle();
    // Cai writes inside Ada's paragraph: one paragraph, two authors.
    const first = (cai.doc.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    first.insert('Leaders answer'.length, ' every');
    for (let i = 0; i < 20; i++) ben.doc.getXmlFragment('text').insert(2 + i, [paragraph(`Clause ${i}.`)]);
    await settle();

    // One attribution row per client id, however many updates each sent.
    const [{ updates } = { updates: 0 }] = await running.db.query<{ updates: number }>(
      'SELECT count(*)::int AS updates FROM document_updates WHERE doc_id = $1',
      [seed.docId],
    );
    expect(updates).toBeGreaterThan(20);
    const authors = await running.db.query<{ client: string }>(
      'SELECT client_id::text AS client FROM document_authors WHERE doc_id = $1',
      [seed.docId],
    );
    expect(authors.map((a) => Number(a.client)).sort()).toEqual(writers.map((w) => w.doc.clientID).sort());

    expect((await fold()).folded).toBe(updates);
    const stored = await loadDocument(running.db, seed.docId);
    expect(stored.updates).toEqual([]);

    const { points } = acked(await moderator.emitWithAck('history:list', { standardId: seed.standardId }));
    expect(points.map((p) => p.kind)).toEqual(['saved', 'now']);
    const diff = acked(
      await moderator.emitWithAck('history:diff', { standardId: seed.standardId, from: points[0]!.id, to: 'now' }),
    );
    expect(changes(diff, 'inserted')).toEqual([]);
    expect(diff.blocks[0]!.runs.map((r) => `${diff.authors[r.author]!.name}: ${r.text}`)).toEqual([
      'Ada: Leaders answer',
      'Cai:  every',
      'Ada:  questions.',
    ]);
    expect(diff.blocks[1]!.runs.map((r) => `${diff.authors[r.author]!.name}: ${r.text}`)).toEqual([
      'Ben: They publish their diaries.',
    ]);
    expect(diff.authors.filter((a) => a.kind === 'person').map((a) => [a.name, a.role])).toEqual([
      ['Ada', 'member'],
      ['Cai', 'member'],
      ['Ben', 'member'],
    ]);
  });

  it('shows what was inserted and deleted between two points, and who wrote it', async () => {
    const [ada, ben, cai] = writers as [CollabClient, CollabClient, CollabClient];
    const before = acked(await moderator.emitWithAck('history:list', { standardId: seed.standardId })).points[0]!;
    // Ben strikes "their diaries", Ada adds a sentence, Cai removes a clause Ben wrote.
    const second = (ben.doc.getXmlFragment('text').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    second.delete('They publish '.length, 'their diaries'.length);
    second.insert('They publish '.length, 'a diary');
    await settle();
    ada.doc.getXmlFragment('text').insert(2, [paragraph('A sentence more.')]);
    await settle();
    cai.doc.getXmlFragment('text').delete(3, 1); // "Clause 0."
    await settle();
    acked(await moderator.emitWithAck('standard:lock', { standardId: seed.standardId }));

    const { points } = acked(await moderator.emitWithAck('history:list', { standardId: seed.standardId }));
    const locked = points.find((p) => p.kind === 'locked')!;
    expect(points.map((p) => p.kind)).toEqual(['saved', 'locked', 'now']);
    const diff = acked(
      await moderator.emitWithAck('history:diff', { standardId: seed.standardId, from: before.id, to: locked.id }),
    );
    expect(changes(diff, 'inserted')).toEqual(['Ben: a diary', 'Ada: A sentence more.']);
    expect(changes(diff, 'deleted')).toEqual(['Ben: their diaries', 'Ben: Clause 0.']);
    // Who deleted: Ben struck his own words, Cai removed Ben's clause.
    expect(deletions(diff)).toEqual(['Ben: their diaries', 'Cai: Clause 0.']);
    // Backwards, the same change reads the other way round.
    const back = acked(
      await moderator.emitWithAck('history:diff', { standardId: seed.standardId, from: locked.id, to: before.id }),
    );
    expect(changes(back, 'deleted')).toEqual(['Ben: a diary', 'Ada: A sentence more.']);
    // Read backwards nobody deleted them: they were written between the points.
    expect(deletions(back)).toEqual(['?: a diary', '?: A sentence more.']);
  });

  it('shows the public pseudonyms, and the moderator by name', async () => {
    const { points } = acked(await watcher.emitWithAck('history:list', { standardId: seed.standardId }));
    const diff = acked(
      await watcher.emitWithAck('history:diff', { standardId: seed.standardId, from: points[0]!.id, to: 'now' }),
    );
    const names = diff.authors.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        pseudonym(await seatOf('Ada')),
        pseudonym(await seatOf('Ben')),
        pseudonym(await seatOf('Cai')),
      ]),
    );
    expect(JSON.stringify(diff)).not.toMatch(/Ada|Ben|Cai/);
    expect(diff.blocks.map((b) => b.kind)).not.toContain('text');

    // Text the moderator wrote is theirs by name: a public figure.
    const other = acked(await moderator.emitWithAck('standard:add', { title: 'Openness' }));
    const notes = new CollabClient(moderator, other.docId);
    await notes.open();
    notes.doc.getXmlFragment('text').insert(0, [paragraph('Written by the moderator.')]);
    await vi.waitFor(() => expect(notes.unacked).toBe(0));
    const theirs = acked(await watcher.emitWithAck('history:diff', { standardId: other.id, from: 'now', to: 'now' }));
    expect(theirs.authors.map((a) => [a.name, a.role])).toEqual([['Aled', 'moderator']]);
  });

  it('compares any two moments of the edit log, naming who deleted what', async () => {
    const added = acked(await moderator.emitWithAck('standard:add', { title: 'Moments' }));
    const clients = writers.map((w) => new CollabClient(w.socket, added.docId));
    for (const c of clients) await c.open();
    const [ada, ben, cai] = clients as [CollabClient, CollabClient, CollabClient];
    const settled = () =>
      vi.waitFor(() => {
        for (const c of clients) expect(c.unacked).toBe(0);
        expect(new Set(clients.map((c) => JSON.stringify(paragraphs(c.doc)))).size).toBe(1);
      });
    const momentsOf = async (before?: string) =>
      acked(await moderator.emitWithAck('history:moments', { standardId: added.id, ...(before ? { before } : {}) }));
    const newest = async () => (await momentsOf()).moments[0]!.at;
    const diffOf = async (from: string, to: string) =>
      acked(await moderator.emitWithAck('history:diff', { standardId: added.id, from, to }));

    ada.doc.getXmlFragment('text').insert(0, [paragraph('Leaders answer every question.')]);
    await settled();
    const afterAda = await newest();
    ben.doc.getXmlFragment('text').insert(1, [paragraph('Ben writes this.')]);
    await settled();
    const afterBen = await newest();
    // Cai deletes Ada's "every ".
    const first = (cai.doc.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    first.delete('Leaders answer '.length, 'every '.length);
    await settled();
    const afterCai = await newest();
    expect(afterAda < afterBen && afterBen < afterCai).toBe(true);

    // The moments, newest first, each with who sent its edit.
    const { moments, more } = await momentsOf();
    expect(more).toBe(false);
    expect(moments.slice(0, 3).map((m) => [m.at, m.author.name])).toEqual([
      [afterCai, 'Cai'],
      [afterBen, 'Ben'],
      [afterAda, 'Ada'],
    ]);
    // A page before a moment holds only older ones.
    expect((await momentsOf(afterBen)).moments.map((m) => m.at)).toEqual(moments.slice(2).map((m) => m.at));

    // Between two arbitrary times: the deleter is named, the writer kept.
    const diff = await diffOf(afterAda, afterCai);
    expect(diff.from).toMatchObject({ kind: 'moment', at: afterAda });
    expect(changes(diff, 'inserted')).toEqual(['Ben: Ben writes this.']);
    expect(changes(diff, 'deleted')).toEqual(['Ada: every ']);
    expect(deletions(diff)).toEqual(['Cai: every ']);
    expect(diff.authors[diff.blocks[0]!.runs.find((r) => r.change === 'deleted')!.deletedBy!]!.color).toBeTruthy();

    // A time between two edits: the text as it stood after the first and before the second.
    const between = (a: string, b: string) => new Date(Math.floor((Date.parse(a) + Date.parse(b)) / 2)).toISOString();
    const mid = between(afterAda, afterBen);
    const still = await diffOf(mid, mid);
    expect(still.blocks.map((b) => b.runs.map((r) => `${r.change}: ${r.text}`).join(''))).toEqual([
      'kept: Leaders answer every question.',
    ]);
    const later = await diffOf(between(afterBen, afterCai), 'now');
    expect(changes(later, 'inserted')).toEqual([]);
    expect(deletions(later)).toEqual(['Cai: every ']);

    // Once the log is folded, its moments are saved points: a moment before the fold is refused.
    await running.app.context.documents.flushWrites();
    await compactDocument(running.db, added.docId);
    expect(await moderator.emitWithAck('history:diff', { standardId: added.id, from: mid, to: 'now' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: { key: 'history.momentFolded' } },
    });
    expect((await momentsOf()).moments).toEqual([]);
    for (const c of clients) c.detach();
  });

  it('refuses a diff that would read more logged edits than the limit', async () => {
    const added = acked(await moderator.emitWithAck('standard:add', { title: 'Long log' }));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i <= LIMITS.maxHistoryUpdatesRead; i++) doc.getText('t').insert(i, 'x');
    const [{ id: ada } = { id: '' }] = await running.db.query<{ id: string }>(
      'SELECT id FROM participants WHERE display_name = $1',
      ['Ada'],
    );
    await appendUpdates(
      running.db,
      updates.map((update) => ({ docId: added.docId, update, participantId: ada })),
    );
    const moment = new Date().toISOString();
    expect(
      await moderator.emitWithAck('history:diff', { standardId: added.id, from: moment, to: 'now' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'limit_reached',
        reason: { key: 'history.tooManyUpdates', params: { max: LIMITS.maxHistoryUpdatesRead } },
      },
    });
    // A point is a moment, a kept copy or now: anything else is not one.
    const bad = await moderator.emitWithAck('history:diff', { standardId: added.id, from: 'yesterday', to: 'now' });
    expect(bad.ok).toBe(false);
  });

  it("refuses another standard's or another assembly's points and standards", async () => {
    const elsewhere = await seedAssembly(running.db);
    const otherStandard = acked(await moderator.emitWithAck('standard:add', { title: 'Fairness' }));
    const ours = acked(await moderator.emitWithAck('history:list', { standardId: seed.standardId })).points[0]!;
    const refused = async (payload: { standardId: string; from: string; to: string }) => {
      const ack = await moderator.emitWithAck('history:diff', payload);
      expect(ack.ok ? null : ack.error.code).toBe('not_found');
    };
    await refused({ standardId: elsewhere.standardId, from: 'now', to: 'now' });
    await refused({ standardId: otherStandard.id, from: ours.id, to: 'now' });
    expect(
      await moderator.emitWithAck('history:diff', { standardId: otherStandard.id, from: ours.id, to: 'now' }),
    ).toMatchObject({
      ok: false,
      error: { reason: { key: 'history.pointNotFound' } },
    });
    const list = await watcher.emitWithAck('history:list', { standardId: elsewhere.standardId });
    expect(list.ok ? null : list.error.code).toBe('not_found');
  });
});
