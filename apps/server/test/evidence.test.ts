import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVIDENCE_LIMITS, type EvidenceEntryInput, type EvidenceState } from '@moot/protocol';
import { readAudit } from '../src/audit/auditLog.ts';
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

/** Opens the library on a socket and keeps the newest state it was sent. */
async function openLibrary(socket: MemberSocket | WatcherSocket) {
  const seen: { state: EvidenceState | null } = { state: null };
  (socket as MemberSocket).on('evidence:state', (state) => (seen.state = state));
  const { state, mine } = acked(await (socket as MemberSocket).emitWithAck('evidence:open', {}));
  seen.state ??= state;
  return { seen, mine };
}

const talk: EvidenceEntryInput = {
  kind: 'talk',
  title: 'What councils can and cannot do',
  speaker: 'Dr Rhian Evans',
  affiliation: 'Cardiff University',
  interests: 'Advises the Local Government Association (unpaid)',
  summary: 'Councils set standards for their own members only.',
  easyRead: 'Councils can only make rules for councillors.',
  links: ['https://example.org/paper.pdf'],
  balance: 'context',
};
const briefing: EvidenceEntryInput = {
  kind: 'briefing',
  title: 'The case for independent investigators',
  summary: 'Investigations by peers are seldom trusted.',
  links: [],
  balance: 'for',
};

describe('the evidence library and expert sessions', () => {
  let running: RunningApp;
  let seed: SeededAssembly;
  let mod: MemberSocket;
  let ada: MemberSocket;
  let ben: MemberSocket;
  let cai: MemberSocket;
  let caiId: string;
  let sessionId: string;
  let itemId: string;
  beforeAll(async () => {
    running = await startApp();
    seed = await seedAssembly(running.db);
    const join = async (invite: string, name: string) =>
      connectMember(running.url, await redeem(running.url, invite, name));
    mod = (await join(seed.moderatorInvite, 'Mo')).socket;
    ada = (await join(seed.memberInvites[0]!, 'Ada')).socket;
    ben = (await join(seed.memberInvites[1]!, 'Ben')).socket;
    const third = await join(seed.memberInvites[2]!, 'Cai');
    cai = third.socket;
    caiId = third.snapshot.me!.id;
    ({ sessionId } = acked(await mod.emitWithAck('session:create', { title: 'Weekend one' })));
    ({ itemId } = acked(
      await mod.emitWithAck('agenda:add', {
        sessionId,
        title: 'Hearing the expert',
        kind: 'learn',
        plannedMinutes: 45,
      }),
    ));
  });
  afterAll(async () => {
    for (const s of [mod, ada, ben, cai]) s?.disconnect();
    await running.close();
  });

  it('lets the lead moderator curate the library, which members and observers read, and audits it', async () => {
    const member = await openLibrary(ada);
    const { socket: watcher } = await connectWatcher(running.url, seed.watchKey);
    const observer = await openLibrary(watcher);
    expect(member.seen.state?.entries).toEqual([]);

    const { entryId } = acked(await mod.emitWithAck('evidence:add', { entry: talk }));
    acked(await mod.emitWithAck('evidence:add', { entry: briefing }));
    await vi.waitFor(() => {
      expect(member.seen.state?.entries.map((e) => [e.number, e.title, e.balance])).toEqual([
        [1, talk.title, 'context'],
        [2, briefing.title, 'for'],
      ]);
      expect(observer.seen.state?.entries[0]).toMatchObject({
        speaker: 'Dr Rhian Evans',
        affiliation: 'Cardiff University',
        interests: talk.interests,
        easyRead: talk.easyRead,
        links: ['https://example.org/paper.pdf'],
      });
    });

    acked(await mod.emitWithAck('evidence:edit', { entryId, entry: { ...talk, balance: 'against' } }));
    await vi.waitFor(() => expect(observer.seen.state?.entries[0]?.balance).toBe('against'));

    // Members and observers read; they do not curate.
    expect(await ada.emitWithAck('evidence:add', { entry: briefing })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const actions = (await readAudit(running.db, seed.assemblyId)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('evidence.'))).toEqual([
      'evidence.added',
      'evidence.added',
      'evidence.edited',
    ]);
    watcher.disconnect();
  });

  it('refuses links that are not http(s), over-long text and a full library, with codes the client can word', async () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'not a link']) {
      const ack = await mod.emitWithAck('evidence:add', { entry: { ...briefing, links: [link] } });
      expect(ack, link).toMatchObject({
        ok: false,
        error: { code: 'bad_request', reason: { key: 'evidence.badLink' } },
      });
    }
    const long = 'x'.repeat(EVIDENCE_LIMITS.maxSummaryLength + 1);
    expect(await mod.emitWithAck('evidence:add', { entry: { ...briefing, summary: long } })).toMatchObject({
      ok: false,
      error: {
        code: 'bad_request',
        reason: { key: 'evidence.tooLong', params: { field: 'summary', max: EVIDENCE_LIMITS.maxSummaryLength } },
      },
    });
    expect(await mod.emitWithAck('evidence:add', { entry: { ...briefing, title: '  ' } })).toMatchObject({
      ok: false,
      error: { reason: { key: 'evidence.required', params: { field: 'title' } } },
    });
    const tooManyLinks = Array.from({ length: EVIDENCE_LIMITS.maxLinksPerEntry + 1 }, (_, i) => `https://e.org/${i}`);
    expect(await mod.emitWithAck('evidence:add', { entry: { ...briefing, links: tooManyLinks } })).toMatchObject({
      ok: false,
      error: { reason: { key: 'evidence.tooMany', params: { field: 'links' } } },
    });

    // The library's count: filled to the limit behind the server's back, then one more is refused.
    const other = await seedAssembly(running.db);
    const fill = Array.from({ length: EVIDENCE_LIMITS.maxEntriesPerAssembly }, (_, i) => i + 1);
    await running.db.query(
      `INSERT INTO evidence_entries (id, assembly_id, number, kind, title, summary, balance)
       SELECT gen_random_uuid(), $1, n, 'briefing', 'Paper ' || n, 'Summary', 'context' FROM unnest($2::int[]) AS n`,
      [other.assemblyId, fill],
    );
    const otherMod = (await connectMember(running.url, await redeem(running.url, other.moderatorInvite, 'Mona')))
      .socket;
    expect(await otherMod.emitWithAck('evidence:add', { entry: briefing })).toMatchObject({
      ok: false,
      error: { code: 'limit_reached', reason: { key: 'evidence.libraryFull' } },
    });
    otherMod.disconnect();
  });

  it('runs an expert session: members ask and support, the moderator picks and records the answer', async () => {
    const { seen } = await openLibrary(mod);
    const talkId = seen.state!.entries.find((e) => e.kind === 'talk')!.id;
    const briefingId = seen.state!.entries.find((e) => e.kind === 'briefing')!.id;
    // A briefing paper has no speaker to question.
    expect(await mod.emitWithAck('evidence:expertSession', { itemId, entryId: briefingId })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'evidence.notATalk' } },
    });
    // Questions wait for an expert session.
    expect(await ada.emitWithAck('question:ask', { itemId, text: 'Too early?' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: { key: 'evidence.sessionNotFound' } },
    });
    acked(await mod.emitWithAck('evidence:expertSession', { itemId, entryId: talkId }));
    await vi.waitFor(() =>
      expect(seen.state?.sessions).toMatchObject([{ itemId, entryId: talkId, status: 'pending' }]),
    );

    const { seen: byBen, mine } = await openLibrary(ben);
    expect(mine.supported).toEqual([]);
    const { questionId: first } = acked(
      await ada.emitWithAck('question:ask', { itemId, text: 'Who investigates a council leader?' }),
    );
    const { questionId: second } = acked(
      await cai.emitWithAck('question:ask', { itemId, text: 'How long does it take?' }),
    );

    expect(acked(await ben.emitWithAck('question:support', { questionId: first }))).toEqual({ supports: 1 });
    // One support per member per question: again changes nothing.
    expect(acked(await ben.emitWithAck('question:support', { questionId: first }))).toEqual({ supports: 1 });
    expect(acked(await cai.emitWithAck('question:support', { questionId: first }))).toEqual({ supports: 2 });
    expect(await ada.emitWithAck('question:support', { questionId: first })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'evidence.ownQuestion' } },
    });
    await vi.waitFor(() =>
      expect(byBen.state?.questions.map((q) => [q.text, q.author, q.supports])).toEqual([
        ['Who investigates a council leader?', 'Ada', 2],
        ['How long does it take?', 'Cai', 0],
      ]),
    );
    // Counts, never who: no view carries the supporters.
    expect(JSON.stringify(byBen.state)).not.toMatch(/support(ers|edBy)/);
    expect((await openLibrary(ben)).mine.supported).toEqual([first]);

    // Observers see only the questions asked, with their answers, authors under the public's names.
    const { socket: watcher } = await connectWatcher(running.url, seed.watchKey);
    const observer = await openLibrary(watcher);
    expect(observer.seen.state?.questions).toEqual([]);
    expect(await ben.emitWithAck('question:answer', { questionId: first, answer: '' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    acked(await mod.emitWithAck('question:answer', { questionId: first, answer: '' }));
    await vi.waitFor(() =>
      expect(observer.seen.state?.questions).toMatchObject([
        { id: first, author: 'Member 2', text: 'Who investigates a council leader?', answer: null, supports: 2 },
      ]),
    );
    acked(
      await mod.emitWithAck('question:answer', {
        questionId: first,
        answer: 'The monitoring officer, then the standards committee.',
      }),
    );
    await vi.waitFor(() => {
      const [asked] = observer.seen.state!.questions;
      expect(asked).toMatchObject({ answer: 'The monitoring officer, then the standards committee.' });
      expect(asked!.askedAt).not.toBeNull();
    });
    expect(observer.seen.state!.questions.map((q) => q.id)).not.toContain(second);
    expect(JSON.stringify(observer.seen.state)).not.toContain('Cai');
    watcher.disconnect();

    const actions = (await readAudit(running.db, seed.assemblyId)).filter((e) => e.action.startsWith('question.'));
    expect(actions.map((e) => e.action)).toEqual([
      'question.submitted',
      'question.submitted',
      'question.supported',
      'question.supported',
      'question.asked',
      'question.answered',
    ]);
    // Who supported is not in the record either.
    expect(actions.filter((e) => e.action === 'question.supported').map((e) => e.actorId)).toEqual([null, null]);
  });

  it('holds a member to their questions per session, refuses a muted member, and hides a question', async () => {
    const { seen } = await openLibrary(ben);
    const asked = await Promise.all(
      Array.from({ length: EVIDENCE_LIMITS.maxQuestionsPerMemberPerSession + 1 }, (_, i) =>
        ben.emitWithAck('question:ask', { itemId, text: `Question ${i}` }),
      ),
    );
    expect(asked.filter((a) => a.ok)).toHaveLength(EVIDENCE_LIMITS.maxQuestionsPerMemberPerSession);
    expect(asked.find((a) => !a.ok)).toMatchObject({
      error: { code: 'limit_reached', reason: { key: 'evidence.questionLimit' } },
    });

    acked(
      await mod.emitWithAck('moderation:mute', { participantId: caiId, minutes: 5, reason: { code: 'disruption' } }),
    );
    expect(await cai.emitWithAck('question:ask', { itemId, text: 'Muted?' })).toMatchObject({
      ok: false,
      error: { code: 'muted' },
    });
    const target = seen.state!.questions.find((q) => q.author === 'Ada')!.id;
    expect(await cai.emitWithAck('question:support', { questionId: target })).toMatchObject({
      ok: false,
      error: { code: 'muted' },
    });
    acked(await mod.emitWithAck('moderation:unmute', { participantId: caiId }));

    const hidden = seen.state!.questions.find((q) => q.author === 'Cai')!.id;
    acked(await mod.emitWithAck('question:hide', { questionId: hidden, reason: 'off_topic' }));
    await vi.waitFor(() =>
      expect(seen.state?.questions.find((q) => q.id === hidden)).toMatchObject({ text: null, hidden: 'off_topic' }),
    );
    expect(await ada.emitWithAck('question:support', { questionId: hidden })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await mod.emitWithAck('question:answer', { questionId: hidden, answer: 'No' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    // Once the session is over, no more questions.
    acked(await mod.emitWithAck('session:start', { sessionId }));
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    acked(await mod.emitWithAck('agenda:end', { itemId }));
    expect(await ada.emitWithAck('question:ask', { itemId, text: 'Late?' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'evidence.sessionOver' } },
    });
  });

  it('lets standards and cases cite library entries, and refuses another assembly’s ids', async () => {
    const { seen } = await openLibrary(ada);
    const [talkEntry, briefingEntry] = seen.state!.entries;
    acked(
      await mod.emitWithAck('evidence:cite', {
        on: { standardId: seed.standardId },
        entryIds: [briefingEntry!.id, talkEntry!.id],
      }),
    );
    await vi.waitFor(() =>
      expect(seen.state?.citations.standards[seed.standardId]).toEqual([briefingEntry!.id, talkEntry!.id]),
    );
    // An entry of another assembly's library is refused, and nothing changes.
    const other = await seedAssembly(running.db);
    const otherMod = (await connectMember(running.url, await redeem(running.url, other.moderatorInvite, 'Mona')))
      .socket;
    const { entryId: foreign } = acked(await otherMod.emitWithAck('evidence:add', { entry: briefing }));
    expect(
      await mod.emitWithAck('evidence:cite', { on: { standardId: seed.standardId }, entryIds: [foreign] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', reason: { key: 'evidence.citedNotFound' } } });
    expect(
      await otherMod.emitWithAck('evidence:cite', { on: { standardId: seed.standardId }, entryIds: [foreign] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await mod.emitWithAck('evidence:expertSession', { itemId, entryId: foreign })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await mod.emitWithAck('evidence:cite', {
        on: { standardId: seed.standardId },
        entryIds: [talkEntry!.id, talkEntry!.id],
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request', reason: { key: 'evidence.duplicate' } } });
    const { seen: again } = await openLibrary(mod);
    expect(again.state?.citations.standards[seed.standardId]).toEqual([briefingEntry!.id, talkEntry!.id]);
    otherMod.disconnect();

    // A breach case cites evidence the same way (cases cite adopted standards: one is made adopted here).
    acked(await mod.emitWithAck('standard:setLadder', { standardId: seed.standardId, steps: ['A warning'] }));
    await running.db.query(`UPDATE standards SET status = 'adopted' WHERE id = $1`, [seed.standardId]);
    const { caseId } = acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Council leader', name: null },
        standardIds: [seed.standardId],
        summary: 'Did not declare an interest',
      }),
    );
    acked(await mod.emitWithAck('evidence:cite', { on: { caseId }, entryIds: [talkEntry!.id] }));
    await vi.waitFor(() => expect(seen.state?.citations.cases[caseId]).toEqual([talkEntry!.id]));
    expect(await ada.emitWithAck('evidence:cite', { on: { caseId }, entryIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
