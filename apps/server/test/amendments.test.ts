import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  HTTP_ROUTES,
  minutesPath,
  WATCH_KEY_HEADER,
  type Ack,
  type AmendmentView,
  type CharterExport,
  type MinutesExport,
} from '@moot/protocol';
import { fragmentToMarkdown } from '../src/collab/documentText.ts';
import { listMilestones, loadDocument, replay } from '../src/collab/documentStore.ts';
import { CollabClient } from './support/collabClient.ts';
import {
  acked,
  startSession,
  type AssemblyInSession,
  connectWatcher,
  type MemberSocket,
  type RunningApp,
  type SeededAssembly,
} from './support/harness.ts';

describe('amendments and minority reports', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let session: AssemblyInSession;

  const yesNo = { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false } as const;
  const decide = async (open: () => Promise<Ack<{ voteId: string }>>, choice: 'yes' | 'no') => {
    const { voteId } = acked(await open());
    for (const m of members) {
      acked(await m.emitWithAck('vote:cast', { voteId, ballotId: randomUUID(), choice: { method: 'yes_no', choice } }));
    }
    return acked(await mod.emitWithAck('vote:close', { voteId }));
  };

  beforeAll(async () => {
    session = await startSession({
      names: ['Member name 0', 'Member name 1', 'Member name 2'],
      title: 'Amending',
      start: true,
    });
    ({ running, seed, mod, members } = session);
    acked(await mod.emitWithAck('standard:lock', { standardId: seed.standardId }));
    await decide(
      () =>
        mod.emitWithAck('vote:open', {
          subject: { kind: 'adopt_standard', standardId: seed.standardId },
          rules: yesNo,
        }),
      'yes',
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('replaces an adopted text by vote, as a forward edit everyone receives, and keeps the version', async () => {
    const reader = new CollabClient(members[2]!, seed.docId);
    await reader.open();
    const watcher = await connectWatcher(running.url, seed.watchKey);
    let seen: AmendmentView[] = [];
    watcher.socket.on('amendments:state', (u) => (seen = u.amendments));

    expect(
      await members[0]!.emitWithAck('amendment:propose', { standardId: randomUUID(), text: 'x', reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', reason: { key: 'charter.standardNotFound' } } });
    const { amendmentId } = acked(
      await members[0]!.emitWithAck('amendment:propose', {
        standardId: seed.standardId,
        text: 'Leaders tell the whole truth.\n\nEven when it costs them.',
        reason: 'Half-truths mislead too',
      }),
    );
    acked(await members[1]!.emitWithAck('amendment:cosign', { amendmentId }));
    await vi.waitFor(() =>
      expect(seen[0]).toMatchObject({ status: 'proposed', proposer: 'Member 2', cosigners: ['Member 3'] }),
    );
    // Participants can tell their own signatures by id; observers get no ids.
    expect(seen[0]!.signerIds).toEqual([]);
    const [proposed] = await running.db.query<{ proposer_id: string }>(
      'SELECT proposer_id FROM amendments WHERE id = $1',
      [amendmentId],
    );
    const [cosigned] = await running.db.query<{ participant_id: string }>(
      'SELECT participant_id FROM amendment_cosigners WHERE amendment_id = $1',
      [amendmentId],
    );
    const asMember = await new Promise<AmendmentView[]>((resolve) => {
      members[2]!.once('amendments:state', (u) => resolve(u.amendments));
      void members[2]!.emitWithAck('amendment:cosign', { amendmentId });
    });
    const signerIds = asMember.find((a) => a.id === amendmentId)!.signerIds;
    expect(signerIds).toHaveLength(3); // the proposer, the first co-signer and this member
    expect(signerIds[0]).toBe(proposed!.proposer_id);
    expect(signerIds).toContain(cosigned!.participant_id);

    const result = await decide(() => mod.emitWithAck('amendment:table', { amendmentId, rules: yesNo }), 'yes');
    expect(result.passed).toBe(true);
    await vi.waitFor(() => expect(seen[0]?.status).toBe('adopted'));

    const expected = 'Leaders tell the whole truth\\.\n\nEven when it costs them\\.';
    await vi.waitFor(() => expect(fragmentToMarkdown(reader.doc.getXmlFragment('text'))).toBe(expected));
    const stored = await loadDocument(running.db, seed.docId);
    expect(fragmentToMarkdown(replay(stored.snapshot, stored.updates).getXmlFragment('text'))).toBe(expected);
    const versions = await listMilestones(running.db, seed.docId);
    expect(versions.map((m) => m.label)).toEqual(['locked', 'adopted', `amended by amendment ${amendmentId}`]);
    const amendedVersion = new Y.Doc();
    Y.applyUpdate(amendedVersion, versions.at(-1)!.state);
    expect(fragmentToMarkdown(amendedVersion.getXmlFragment('text'))).toBe(expected);
    // Tabling twice is refused.
    expect(await mod.emitWithAck('amendment:table', { amendmentId, rules: yesNo })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    watcher.socket.disconnect();
    reader.detach();
  });

  it('attaches a co-signed minority report to a decided standard, in the export', async () => {
    expect(await mod.emitWithAck('dissent:write', { standardId: seed.standardId, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const { dissentId } = acked(
      await members[2]!.emitWithAck('dissent:write', {
        standardId: seed.standardId,
        text: 'Truth alone is not enough.',
      }),
    );
    acked(await members[1]!.emitWithAck('dissent:cosign', { dissentId }));
    acked(await members[1]!.emitWithAck('dissent:cosign', { dissentId }));
    const exported = (await (
      await fetch(running.url + HTTP_ROUTES.charterJson, { headers: { [WATCH_KEY_HEADER]: seed.watchKey } })
    ).json()) as CharterExport;
    expect(exported.standards[0]).toMatchObject({
      status: 'adopted',
      minorityReports: [{ text: 'Truth alone is not enough.', signatures: 2 }],
    });
    expect(JSON.stringify(exported)).not.toContain('Member name');
  });

  it('exports the amendment with its vote and number, the history in words, and plain text in JSON', async () => {
    acked(await members[0]!.emitWithAck('dissent:write', { standardId: seed.standardId, text: 'Say less, mean it.' }));
    const watcher = { [WATCH_KEY_HEADER]: seed.watchKey };
    const exported = (await (
      await fetch(running.url + HTTP_ROUTES.charterJson, { headers: watcher })
    ).json()) as CharterExport;
    const [standard] = exported.standards;
    // Plain text: what was typed, no Markdown escapes.
    expect(standard!.text).toBe('Leaders tell the whole truth.\n\nEven when it costs them.');
    expect(standard!.history.map((h) => h.label)).toEqual([
      'locked',
      'adopted',
      'amended by amendment 1: “Leaders tell the whole truth. Even…”',
    ]);
    expect(standard!.amendments).toEqual([
      {
        number: 1,
        text: 'Leaders tell the whole truth.\n\nEven when it costs them.',
        status: 'adopted',
        vote: expect.objectContaining({ question: 'Amend “Honesty”?', method: 'yes_no', passed: true }),
      },
    ]);
    expect(standard!.amendments[0]!.vote!.counts).toMatchObject({ yes: 3 });
    const [{ id: amendmentId }] = (await running.db.query<{ id: string }>('SELECT id::text FROM amendments')) as [
      { id: string },
    ];
    expect(JSON.stringify(exported)).not.toContain(amendmentId);

    const markdown = await (await fetch(running.url + HTTP_ROUTES.charterMarkdown, { headers: watcher })).text();
    expect(markdown).toContain('### Amendment 1 (adopted)');
    expect(markdown).toMatch(/Vote: Amend “Honesty”\? \(yes \/ no \/ abstain\) — Passed.*yes: 3/);
    expect(markdown).toContain('amended by amendment 1: “Leaders tell the whole truth\\. Even…”');
    expect(markdown).toContain('Signed by 2 members.');
    expect(markdown).toContain('Signed by 1 member.');
    expect(markdown).not.toContain(amendmentId);

    const minutes = (await (
      await fetch(running.url + minutesPath('json', session.sessionId), { headers: watcher })
    ).json()) as MinutesExport;
    expect(minutes.amendments).toEqual([
      expect.objectContaining({ number: 1, standard: 'Honesty', status: 'adopted' }),
    ]);
    expect(minutes.minorityReports).toEqual([
      { standard: 'Honesty', signatures: 2 },
      { standard: 'Honesty', signatures: 1 },
    ]);
    const minutesMd = await (
      await fetch(running.url + minutesPath('md', session.sessionId), { headers: watcher })
    ).text();
    expect(minutesMd).toContain('Honesty: amendment 1: “Leaders tell the whole truth\\. Even…” (adopted)');
    expect(minutesMd).toContain('On Honesty: signed by 1 member');
  });
});
