import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Ack, AmendmentView, SuggestAmendment } from '@moot/protocol';
import { fragmentToMarkdown } from '../src/collab/documentText.ts';
import { loadDocument, replay } from '../src/collab/documentStore.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  acked,
  startSession,
  type AssemblyInSession,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

/**
 * Amendments suggested in place: a member anchors a range of the standard's text, the vote
 * that adopts it replaces exactly that range in the canonical document (credited to the
 * proposer), and a suggestion whose words were edited since is refused rather than misapplied.
 */
describe('suggested amendments', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let session: AssemblyInSession;
  let writer: CollabClient;
  let amendments: AmendmentView[] = [];

  const yesNo = { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false } as const;
  const decide = async (open: () => Promise<Ack<{ voteId: string }>>) => {
    const { voteId } = acked(await open());
    for (const m of members) {
      acked(
        await m.emitWithAck('vote:cast', {
          voteId,
          ballotId: randomUUID(),
          choice: { method: 'yes_no', choice: 'yes' },
        }),
      );
    }
    return acked(await mod.emitWithAck('vote:close', { voteId }));
  };
  const adopt = (amendmentId: string) =>
    decide(() => mod.emitWithAck('amendment:table', { amendmentId, rules: yesNo }));
  const statusOf = (id: string) => amendments.find((a) => a.id === id)?.status;

  /** The first paragraph's run of text in the writer's replica (which follows the server). */
  const firstRun = () => (writer.doc.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const plain = (run: Y.XmlText) => (run.toDelta() as { insert: string }[]).map((op) => op.insert).join('');
  const anchor = (run: Y.XmlText, index: number, assoc: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(run, index, assoc))).toString('base64');
  /** A suggestion over `words` in the first paragraph, as the web client builds one. */
  const over = (words: string, content: SuggestAmendment['content']): SuggestAmendment => {
    const run = firstRun();
    const from = plain(run).indexOf(words);
    expect(from).toBeGreaterThanOrEqual(0);
    return {
      standardId: seed.standardId,
      start: anchor(run, from, 0),
      end: anchor(run, from + words.length, -1),
      quote: words,
      content,
      reason: '',
    };
  };
  const markdown = () => fragmentToMarkdown(writer.doc.getXmlFragment('text'));

  beforeAll(async () => {
    session = await startSession({ names: ['Ana', 'Bryn', 'Cai'], title: 'Suggesting', start: true });
    ({ running, seed, mod, members } = session);
    mod.on('amendments:state', (u) => (amendments = u.amendments));
    // While drafting, a member writes a formatted text: bold words in a paragraph, then a list.
    writer = new CollabClient(members[2]!, seed.docId);
    await writer.open();
    const field = writer.doc.getXmlFragment('text');
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const run = new Y.XmlText();
      paragraph.insert(0, [run]);
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      const inner = new Y.XmlElement('paragraph');
      inner.insert(0, [new Y.XmlText('Answer questions in public.')]);
      item.insert(0, [inner]);
      list.insert(0, [item]);
      field.insert(0, [paragraph, list]);
      run.insert(0, 'Leaders tell ');
      run.insert(13, 'the truth', { bold: {} });
      run.insert(22, ' to the assembly.', {});
    });
    await vi.waitFor(() => expect(writer.unacked).toBe(0));
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    await decide(() =>
      mod.emitWithAck('vote:open', { subject: { kind: 'adopt_standard', standardId: seed.standardId }, rules: yesNo }),
    );
  });
  afterAll(async () => {
    writer?.detach();
    await session?.close();
  });

  it('refuses a suggestion on another assembly’s standard, outside one paragraph, or over words that differ', async () => {
    const good = over('the truth', [{ type: 'text', text: 'the whole truth' }]);
    expect(await members[0]!.emitWithAck('amendment:suggest', { ...good, standardId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const list = ((writer.doc.getXmlFragment('text').get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlElement;
    const acrossParagraphs = { ...good, end: anchor(list.get(0) as Y.XmlText, 3, -1) };
    expect(await members[0]!.emitWithAck('amendment:suggest', acrossParagraphs)).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        message: expect.stringMatching(/one paragraph/),
        reason: { key: 'amendment.oneParagraph' },
      },
    });
    expect(await members[0]!.emitWithAck('amendment:suggest', { ...good, quote: 'the lies!' })).toMatchObject({
      ok: false,
      error: { code: 'stale', reason: { key: 'amendment.selectionChanged' } },
    });
    // Marks outside the editor's schema, and links to anything but http(s), are refused by the schema.
    const script = [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }];
    expect(
      await members[0]!.emitWithAck('amendment:suggest', { ...good, content: script } as unknown as SuggestAmendment),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(
      await members[0]!.emitWithAck('amendment:suggest', {
        ...good,
        content: [{ type: 'image', attrs: { src: 'x' } }],
      } as unknown as SuggestAmendment),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('adopts only the range, keeping formatting elsewhere and its anchor after an earlier edit before it', async () => {
    const { amendmentId } = acked(
      await members[0]!.emitWithAck(
        'amendment:suggest',
        over('the assembly', [{ type: 'text', text: 'every member', marks: [{ type: 'italic' }] }]),
      ),
    );
    // Another suggestion, before the first one's range, is adopted first: the range moves, its words stay.
    const { amendmentId: before } = acked(
      await members[1]!.emitWithAck('amendment:suggest', over('Leaders', [{ type: 'text', text: 'All leaders' }])),
    );
    acked(await members[1]!.emitWithAck('amendment:cosign', { amendmentId }));
    await vi.waitFor(() =>
      expect(amendments.find((a) => a.id === amendmentId)).toMatchObject({
        proposer: 'Ana',
        cosigners: ['Bryn'],
        text: 'every member',
        suggestion: { quote: 'the assembly', content: [{ text: 'every member', marks: [{ type: 'italic' }] }] },
      }),
    );
    expect((await adopt(before)).passed).toBe(true);
    await vi.waitFor(() => expect(markdown()).toMatch(/^All leaders tell \*\*the truth\*\* to the assembly\\\./));
    expect((await adopt(amendmentId)).passed).toBe(true);
    const expected = 'All leaders tell **the truth** to _every member_\\.\n\n- Answer questions in public\\.';
    await vi.waitFor(() => expect(markdown()).toBe(expected));
    await vi.waitFor(() => expect(statusOf(amendmentId)).toBe('adopted'));
    const stored = await loadDocument(running.db, seed.docId);
    expect(fragmentToMarkdown(replay(stored.snapshot, stored.updates).getXmlFragment('text'))).toBe(expected);

    // Credited to the proposer: the stored update carries her id, the audit names the amendment.
    const [proposer] = await running.db.query<{ id: string }>(
      'SELECT proposer_id AS id FROM amendments WHERE id = $1',
      [amendmentId],
    );
    const [last] = await running.db.query<{ participant_id: string | null }>(
      'SELECT participant_id FROM document_updates WHERE doc_id = $1 ORDER BY seq DESC LIMIT 1',
      [seed.docId],
    );
    expect(last?.participant_id).toBe(proposer!.id);
    const audit = await running.db.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action LIKE 'amendment.%' AND target = $1 ORDER BY id`,
      [amendmentId],
    );
    expect(audit.map((e) => e.action)).toEqual([
      'amendment.suggested',
      'amendment.cosigned',
      'amendment.tabled',
      'amendment.applied',
    ]);
  });

  it('refuses to table a suggestion whose words were changed since; its proposer alone withdraws it', async () => {
    const { amendmentId: stale } = acked(
      await members[0]!.emitWithAck('amendment:suggest', over('the truth', [{ type: 'text', text: 'facts' }])),
    );
    const { amendmentId: overlapping } = acked(
      await members[1]!.emitWithAck('amendment:suggest', over('tell the', [{ type: 'text', text: 'say the' }])),
    );
    await adopt(overlapping);
    await vi.waitFor(() => expect(plain(firstRun())).toMatch(/^All leaders say the truth/));
    expect(await mod.emitWithAck('amendment:table', { amendmentId: stale, rules: yesNo })).toMatchObject({
      ok: false,
      error: { code: 'stale', message: expect.stringMatching(/edited since/) },
    });
    expect(await members[1]!.emitWithAck('amendment:withdraw', { amendmentId: stale })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await members[0]!.emitWithAck('amendment:withdraw', { amendmentId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    acked(await members[0]!.emitWithAck('amendment:withdraw', { amendmentId: stale }));
    await vi.waitFor(() => expect(statusOf(stale)).toBe('withdrawn'));
    expect(await members[0]!.emitWithAck('amendment:withdraw', { amendmentId: stale })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('marks a passed suggestion stale, changing nothing, when another adopted first took its words', async () => {
    const first = over('the truth', [{ type: 'text', text: 'facts' }]);
    const second = over('truth', [{ type: 'text', text: 'whole truth' }]);
    const { amendmentId: a } = acked(await members[0]!.emitWithAck('amendment:suggest', first));
    const { amendmentId: b } = acked(await members[1]!.emitWithAck('amendment:suggest', second));
    // Both tabled while their words are intact; the first one's adoption takes the second one's words.
    const { voteId: voteA } = acked(await mod.emitWithAck('amendment:table', { amendmentId: a, rules: yesNo }));
    const { voteId: voteB } = acked(await mod.emitWithAck('amendment:table', { amendmentId: b, rules: yesNo }));
    for (const voteId of [voteA, voteB]) {
      for (const m of members) {
        acked(
          await m.emitWithAck('vote:cast', {
            voteId,
            ballotId: randomUUID(),
            choice: { method: 'yes_no', choice: 'yes' },
          }),
        );
      }
    }
    acked(await mod.emitWithAck('vote:close', { voteId: voteA }));
    await vi.waitFor(() => expect(plain(firstRun())).toMatch(/^All leaders say facts to/));
    const before = markdown();
    expect(acked(await mod.emitWithAck('vote:close', { voteId: voteB })).passed).toBe(true);
    await vi.waitFor(() => expect(statusOf(b)).toBe('stale'));
    expect(markdown()).toBe(before);
    const [entry] = await running.db.query<{ detail: { why: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'amendment.stale' AND target = $1`,
      [b],
    );
    expect(entry?.detail).toEqual({ why: 'edited' });
  });

  it('still adopts new wording of the whole text, credited to its proposer', async () => {
    const { amendmentId } = acked(
      await members[2]!.emitWithAck('amendment:propose', {
        standardId: seed.standardId,
        text: 'Leaders are honest.',
        reason: '',
      }),
    );
    expect(amendments.find((a) => a.id === amendmentId)?.suggestion ?? null).toBeNull();
    await adopt(amendmentId);
    await vi.waitFor(() => expect(markdown()).toBe('Leaders are honest\\.'));
  });
});
