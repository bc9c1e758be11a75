import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import type { OwnMark, ParagraphMark, StandardConsensus } from '@moot/protocol';
import { readAudit } from '../src/audit/auditLog.ts';
import { readMaps, saveMap } from '../src/features/consensus/markStore.ts';
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

/** Keeps the latest consensus maps and own marks a socket received. */
function follow(socket: MemberSocket) {
  const seen = { maps: [] as StandardConsensus[], mine: null as OwnMark[] | null };
  socket.on('consensus:state', (s) => (seen.maps = s.standards));
  socket.on('consensus:mine', (m) => (seen.mine = m.marks));
  return seen;
}

const keyOf = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => `${node._item!.id.client}:${node._item!.id.clock}`;

describe('the consensus map of a standard', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let writer: CollabClient;
  let keys: string[];

  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    mod = (await connectMember(running.url, await redeem(running.url, seed.moderatorInvite, 'Mo'))).socket;
    members = [];
    for (const [i, invite] of seed.memberInvites.entries())
      members.push((await connectMember(running.url, await redeem(running.url, invite, `Member ${i}`))).socket);
    writer = new CollabClient(members[0]!, seed.docId);
    await writer.open();
    const text = writer.doc.getXmlFragment('text');
    text.insert(0, [
      paragraph('Leaders tell the truth.'),
      paragraph('Leaders publish their diaries.'),
      paragraph('Leaders answer questions.'),
    ]);
    keys = text.toArray().map(keyOf);
    await vi.waitUntil(() => writer.unacked === 0);
  });
  afterAll(async () => {
    for (const s of [mod, ...members]) s?.disconnect();
    await running.close();
  });

  const mark = (socket: MemberSocket, paragraphKey: string, value: ParagraphMark | null) =>
    socket.emitWithAck('consensus:mark', { standardId: seed.standardId, paragraph: paragraphKey, mark: value });

  it('counts members’ marks for everyone, observers too, and tells each member only their own', async () => {
    const watcher = await connectWatcher(running.url, seed.watchKey);
    const byObserver = follow(watcher.socket as unknown as MemberSocket);
    const byFirst = follow(members[0]!);
    const bySecond = follow(members[1]!);
    acked(await mark(members[0]!, keys[0]!, 'agree'));
    acked(await mark(members[1]!, keys[0]!, 'agree'));
    acked(await mark(members[2]!, keys[0]!, 'disagree'));
    acked(await mark(members[2]!, keys[1]!, 'pass'));

    await vi.waitFor(() => {
      expect(byObserver.maps[0]?.paragraphs[0]).toMatchObject({ agree: 2, disagree: 1, pass: 0, reading: 'agreement' });
      expect(byObserver.maps[0]?.paragraphs[1]).toMatchObject({ agree: 0, disagree: 0, pass: 1, reading: 'too_few' });
    });
    const map = byObserver.maps[0]!;
    expect(map.paragraphs.map((p) => p.paragraph)).toEqual(keys);
    expect(map.paragraphs[0]!.opening).toBe('Leaders tell the truth.');
    expect(map.groupSizes).toEqual([3]);
    // One group of three: (2 + 1) / (3 + 2).
    expect(map.paragraphs[0]!.bridging).toBeCloseTo(3 / 5, 12);
    // Aggregates only: nothing names a member.
    const ids = (await running.db.query<{ id: string }>('SELECT id FROM participants')).map((r) => r.id);
    for (const id of ids) expect(JSON.stringify(byObserver.maps)).not.toContain(id);

    await vi.waitFor(() =>
      expect(byFirst.mine).toEqual([expect.objectContaining({ paragraph: keys[0], mark: 'agree' })]),
    );
    expect(bySecond.mine).toEqual([expect.objectContaining({ paragraph: keys[0], mark: 'agree' })]);
    watcher.socket.disconnect();
  });

  it('changes and withdraws a mark', async () => {
    const seen = follow(mod);
    acked(await mark(members[2]!, keys[0]!, 'agree'));
    await vi.waitFor(() => expect(seen.maps[0]?.paragraphs[0]).toMatchObject({ agree: 3, disagree: 0 }));
    acked(await mark(members[2]!, keys[0]!, null));
    await vi.waitFor(() => expect(seen.maps[0]?.paragraphs[0]).toMatchObject({ agree: 2, disagree: 0 }));
  });

  it('gives a socket that connects the last map, and a member their own marks', async () => {
    let seen!: ReturnType<typeof follow>;
    const again = await connectMember(running.url, await redeem(running.url, seed.memberInvites[0]!, 'Member 0'), {
      listen: (socket) => (seen = follow(socket)),
    });
    await vi.waitFor(() => expect(seen.maps[0]?.paragraphs[0]).toMatchObject({ agree: 2 }));
    await vi.waitFor(() => expect(seen.mine).toEqual([expect.objectContaining({ paragraph: keys[0], mark: 'agree' })]));
    again.socket.disconnect();
  });

  it('counts a mark on an edited paragraph as given to an earlier wording', async () => {
    const seen = follow(members[0]!);
    const first = writer.doc.getXmlFragment('text').get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, 'Always: ');
    await vi.waitUntil(() => writer.unacked === 0);
    await vi.waitFor(() => expect(seen.maps[0]?.paragraphs[0]).toMatchObject({ agree: 0, earlier: 2 }));
    acked(await mark(members[0]!, keys[1]!, 'agree')); // any mark sends the member all of theirs
    await vi.waitFor(() => expect(seen.mine?.find((m) => m.paragraph === keys[1])).toBeDefined());
    const mine = seen.mine!.find((m) => m.paragraph === keys[0])!;
    expect(mine.wording).not.toBe(seen.maps[0]!.paragraphs[0]!.wording);
    // Marked again as it reads now, it counts again.
    acked(await mark(members[0]!, keys[0]!, 'agree'));
    await vi.waitFor(() => expect(seen.maps[0]?.paragraphs[0]).toMatchObject({ agree: 1, earlier: 1 }));
  });

  it('stores a recomputed map only when it changed (an edit that changes no wording writes nothing)', async () => {
    const computedAt = async () =>
      (
        await running.db.query<{ at: string }>(
          'SELECT computed_at::text AS at FROM consensus_maps WHERE standard_id = $1',
          [seed.standardId],
        )
      )[0]?.at;
    const [map] = await readMaps(running.db, seed.assemblyId);
    const before = await computedAt();
    expect(before).toBeDefined();
    expect(await saveMap(running.db, structuredClone(map!))).toBe(false);
    expect(await computedAt()).toBe(before);
    const changed = { ...map!, paragraphs: map!.paragraphs.map((p, i) => (i === 0 ? { ...p, pass: p.pass + 1 } : p)) };
    expect(await saveMap(running.db, changed)).toBe(true);
    expect((await readMaps(running.db, seed.assemblyId))[0]).toEqual(changed);
    expect(await saveMap(running.db, map!)).toBe(true); // as it was, for the tests after
  });

  it('leaves the audit log as it was: a mark is an opinion, not an act on the record (SECURITY.md)', async () => {
    const before = await readAudit(running.db, seed.assemblyId);
    const passes = async () => (await readMaps(running.db, seed.assemblyId))[0]?.paragraphs[2]?.pass ?? 0;
    const passesBefore = await passes();
    acked(await mark(members[1]!, keys[2]!, 'pass'));
    // Wait until the mark has been stored and the map recomputed from it: all its work is done.
    await vi.waitFor(async () => expect(await passes()).toBe(passesBefore + 1));
    acked(await mark(members[1]!, keys[2]!, null));
    await vi.waitFor(async () => expect(await passes()).toBe(passesBefore));
    expect(await readAudit(running.db, seed.assemblyId)).toEqual(before);
  });

  it('refuses moderators, unknown paragraphs, other assemblies’ standards and decided standards', async () => {
    expect(await mark(mod, keys[0]!, 'agree')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await mark(members[0]!, '999999:1', 'agree')).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: { key: 'consensus.paragraphGone' } },
    });
    const other = await seedAssembly(running.db);
    expect(
      await members[0]!.emitWithAck('consensus:mark', {
        standardId: other.standardId,
        paragraph: keys[0]!,
        mark: 'agree',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await members[0]!.emitWithAck('consensus:mark', {
        standardId: seed.standardId,
        paragraph: 'first',
        mark: 'agree',
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await running.db.query("UPDATE standards SET status = 'adopted' WHERE id = $1", [seed.standardId]);
    expect(await mark(members[0]!, keys[0]!, 'pass')).toMatchObject({
      ok: false,
      error: { code: 'locked', reason: { key: 'consensus.decided' } },
    });
    await running.db.query("UPDATE standards SET status = 'drafting' WHERE id = $1", [seed.standardId]);
  });
});
