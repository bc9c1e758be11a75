import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  HTTP_ROUTES,
  passportPath,
  WATCH_KEY_HEADER,
  type CaseView,
  type LeaderCase,
  type LeaderHearing,
  type Tracker,
} from '@moot/protocol';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';
import {
  acked,
  connectWatcher,
  seedAssembly,
  startSession,
  type AssemblyInSession,
  type WatcherSocket,
} from './support/harness.ts';
import { databaseFingerprint } from './support/fingerprint.ts';
import { takeNarrowSeat, type NarrowSeat } from './support/narrow.ts';

const MEMBER_NAMES = ['Ada Lovelace', 'Ben Okri', 'Cat Stevens'] as const;
const DAY = 86_400_000;

/** Events a narrow seat may ever be sent, and nothing else. */
const RESPONDENT_EVENTS = new Set(['accountability:state']);
const LEADER_EVENTS = new Set(['leader:state', 'leader:hearing']);

describe('the institution’s response and the leader’s right of reply', () => {
  let s: AssemblyInSession;
  let adopted: string;
  let observer: WatcherSocket;
  let tracker: Tracker | null = null;
  let respondent: NarrowSeat;
  let leader: NarrowSeat;
  let caseId: string;
  let otherCase: string;
  let foreignStandard: string;

  beforeAll(async () => {
    s = await startSession({ names: [...MEMBER_NAMES], title: 'Sitting', start: true });
    const { mod, running, seed } = s;
    adopted = acked(await mod.emitWithAck('standard:add', { title: 'Openness' })).id;
    acked(await mod.emitWithAck('standard:setLadder', { standardId: adopted, steps: ['A warning'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: adopted }));
    await running.db.transaction((tx) => setStandardStatus(tx, seed.assemblyId, adopted, ['locked'], 'adopted'));
    observer = (
      await connectWatcher(running.url, seed.watchKey, (w) => w.on('accountability:state', (t) => (tracker = t)))
    ).socket;
    const open = () =>
      mod.emitWithAck('case:open', {
        respondent: { role: 'Director of Housing', name: 'Dana Reyes' },
        standardIds: [adopted],
        summary: 'Withheld the report',
        evidence: [],
      });
    caseId = acked(await open()).caseId;
    otherCase = acked(await open()).caseId;
    const other = await seedAssembly(running.db);
    foreignStandard = other.standardId;
    respondent = await takeNarrowSeat(
      running,
      mod.emitWithAck('respondent:invite', { body: 'Housing Committee' }),
      'accountability:state',
    );
    leader = await takeNarrowSeat(
      running,
      mod.emitWithAck('leader:invite', { caseId, deadline: Date.now() + 7 * DAY }),
      'leader:state',
    );
  }, 120_000);
  afterAll(async () => {
    respondent?.socket.disconnect();
    leader?.socket.disconnect();
    observer?.disconnect();
    await s?.close();
  });

  it('a respondent answers an adopted standard; members and the public page see it, and the absence before', async () => {
    const first = respondent.received[0]!.payload as Tracker;
    expect(first.reportedAt).not.toBeNull();
    expect(first.standards.map((t) => [t.title, t.response])).toEqual([['Openness', null]]);
    const memberTracker = vi.fn();
    s.members[0]!.on('accountability:state', memberTracker);
    acked(
      await respondent.socket.emitWithAck('response:publish', {
        standardId: adopted,
        stance: 'accept_in_part',
        reasons: 'We agree to publish minutes',
        timeline: 'By spring',
      }),
    );
    await vi.waitFor(() => expect(tracker?.standards[0]?.response?.stance).toBe('accept_in_part'));
    expect(tracker!.standards[0]!.response).toMatchObject({ by: 'Housing Committee', revisedAt: null });
    await vi.waitFor(() => expect(memberTracker).toHaveBeenCalled());
  });

  it('progress updates carry a date and http(s) links; a revision keeps what it replaced in the audit log', async () => {
    const { updateId } = acked(
      await respondent.socket.emitWithAck('response:update', {
        standardId: adopted,
        state: 'in_progress',
        on: '2026-11-30',
        note: 'Minutes now online',
        links: ['https://example.org/minutes'],
      }),
    );
    await vi.waitFor(() =>
      expect(tracker?.standards[0]?.updates).toEqual([
        expect.objectContaining({
          id: updateId,
          state: 'in_progress',
          on: '2026-11-30',
          links: ['https://example.org/minutes'],
        }),
      ]),
    );
    acked(
      await respondent.socket.emitWithAck('response:publish', {
        standardId: adopted,
        stance: 'reject',
        reasons: 'Changed our mind',
        timeline: 'Never',
      }),
    );
    const [revision] = await s.running.db.query<{ detail: { was: string; stance: string } }>(
      `SELECT detail FROM audit_log WHERE assembly_id = $1 AND action = 'response.revised'`,
      [s.seed.assemblyId],
    );
    expect(revision!.detail).toMatchObject({ was: 'accept_in_part', stance: 'reject' });
    await vi.waitFor(() => expect(tracker?.standards[0]?.response?.revisedAt).not.toBeNull());
  });

  it('refuses bad links, bad dates, foreign and unadopted standards, and progress before a response, changing nothing', async () => {
    const rows = await databaseFingerprint(s.running);
    const update = (patch: object) =>
      respondent.socket.emitWithAck('response:update', {
        standardId: adopted,
        state: 'done',
        on: '2026-12-01',
        note: 'Done',
        links: [],
        ...patch,
      });
    for (const links of [['javascript:alert(1)'], ['ftp://example.org/x'], ['not a link']]) {
      expect(await update({ links })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await update({ on: '2026-13-01' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await update({ standardId: foreignStandard })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: { key: 'accountability.standardNotFound' } },
    });
    // The seeded "Honesty" is still being drafted: nothing to answer yet.
    expect(await update({ standardId: s.seed.standardId })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', reason: { key: 'accountability.notAdopted' } },
    });
    expect(
      await respondent.socket.emitWithAck('response:publish', {
        standardId: foreignStandard,
        stance: 'accept',
        reasons: 'x',
        timeline: 'y',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await databaseFingerprint(s.running)).toEqual(rows);
  });

  it('the leader reads their case as the public does and replies with evidence before the deadline', async () => {
    const first = leader.received[0]!.payload as LeaderCase;
    expect(first.case.id).toBe(caseId);
    expect(first.standards).toEqual([{ id: adopted, title: 'Openness' }]);
    const seen = vi.fn();
    s.members[1]!.on('cases:state', ({ cases }: { cases: CaseView[] }) => seen(cases.find((c) => c.id === caseId)));
    acked(
      await leader.socket.emitWithAck('leader:reply', {
        caseId,
        reply: 'I published it late, not never',
        evidence: [{ description: 'The publication notice', link: 'https://example.org/notice' }],
      }),
    );
    await vi.waitFor(() =>
      expect(seen).toHaveBeenLastCalledWith(
        expect.objectContaining({
          reply: expect.objectContaining({ text: 'I published it late, not never' }),
          evidence: [{ description: 'The publication notice', link: 'https://example.org/notice' }],
        }),
      ),
    );
    await vi.waitFor(() => expect((leader.received.at(-1)!.payload as LeaderCase).repliedAt).not.toBeNull());
  });

  it('the leader cannot reply in another case, here or elsewhere, nor with a bad link', async () => {
    const rows = await databaseFingerprint(s.running);
    const reply = (patch: object) =>
      leader.socket.emitWithAck('leader:reply', { caseId, reply: 'x', evidence: [], ...patch });
    expect(await reply({ caseId: otherCase })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: { key: 'case.notFound' } },
    });
    expect(await reply({ evidence: [{ description: 'x', link: 'javascript:alert(1)' }] })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await databaseFingerprint(s.running)).toEqual(rows);
  });

  it('the leader follows their hearing live while it is the current agenda item, as the public sees it, and nothing else', async () => {
    const { mod, members, sessionId } = s;
    const hearings = () =>
      leader.received.filter((r) => r.event === 'leader:hearing').map((r) => r.payload as LeaderHearing | null);
    // On connection: no hearing yet.
    expect(hearings()).toEqual([null]);
    const add = async (title: string, about: string | null) =>
      acked(
        await mod.emitWithAck('agenda:add', {
          sessionId,
          title,
          kind: 'deliberate',
          plannedMinutes: 10,
          caseId: about,
        }),
      ).itemId;
    const hearing = await add('Hearing: the Director of Housing', caseId);
    const other = await add('Hearing: another case', otherCase);
    acked(await mod.emitWithAck('agenda:start', { itemId: hearing }));
    await vi.waitFor(() =>
      expect(hearings().at(-1)).toMatchObject({ item: { id: hearing, caseId, status: 'running' }, turn: null }),
    );
    // A member takes the floor: the leader sees who speaks as the public does (a pseudonym), and how many wait.
    acked(await members[0]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await members[1]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    await vi.waitFor(() => expect(hearings().at(-1)?.turn).not.toBeNull());
    const live = hearings().at(-1)!;
    expect(live.turn!.name).toMatch(/^Member \d+$/);
    expect(live).toMatchObject({ speakerRole: 'member', waiting: 1, sessionTitle: 'Sitting' });
    acked(await mod.emitWithAck('queue:endTurn', { sessionId }));
    // The hearing ends and another case's is heard: the leader is told theirs is over, and no more.
    acked(await mod.emitWithAck('agenda:end', { itemId: hearing }));
    await vi.waitFor(() => expect(hearings().at(-1)).toBeNull());
    const sent = leader.received.length;
    acked(await mod.emitWithAck('agenda:start', { itemId: other }));
    await vi.waitFor(async () => {
      const view = await s.running.app.context.sessions.stateFor(s.seed.assemblyId, 'observer');
      expect(view?.currentItemId).toBe(other);
    });
    await leader.socket.timeout(5000).emitWithAck('clock:ping', {});
    expect(leader.received.slice(sent).filter((r) => r.event === 'leader:hearing')).toEqual([]);
    acked(await mod.emitWithAck('agenda:end', { itemId: other }));
  });

  it('after the moderator moves the deadline into the past, the reply is refused with deadline_passed', async () => {
    acked(await s.mod.emitWithAck('leader:setDeadline', { caseId, deadline: Date.now() - 60_000 }));
    await vi.waitFor(() => expect((leader.received.at(-1)!.payload as LeaderCase).deadline).toBeLessThan(Date.now()));
    const rows = await databaseFingerprint(s.running);
    expect(await leader.socket.emitWithAck('leader:reply', { caseId, reply: 'Too late', evidence: [] })).toMatchObject({
      ok: false,
      error: {
        code: 'deadline_passed',
        reason: { key: 'case.replyTooLate', params: { deadline: expect.any(String) } },
      },
    });
    expect(await databaseFingerprint(s.running)).toEqual(rows);
    // Moved forward again, the window reopens.
    acked(await s.mod.emitWithAck('leader:setDeadline', { caseId, deadline: Date.now() + DAY }));
    acked(await leader.socket.emitWithAck('leader:reply', { caseId, reply: 'Reopened', evidence: [] }));
  });

  it('the decision is sent to the leader', async () => {
    acked(await s.mod.emitWithAck('case:dismiss', { caseId, reason: 'Settled' }));
    await vi.waitFor(() =>
      expect((leader.received.at(-1)!.payload as LeaderCase).case).toMatchObject({
        status: 'dismissed',
        dismissalReason: 'Settled',
      }),
    );
  });

  it('the tracker is in the exports (JSON and Markdown); a narrow seat’s session opens no export', async () => {
    const get = (route: string, headers: Record<string, string>) => fetch(s.running.url + route, { headers });
    const observer = { [WATCH_KEY_HEADER]: s.seed.watchKey };
    const json = (await (await get(HTTP_ROUTES.trackerJson, observer)).json()) as Tracker & {
      assembly: { title: string };
    };
    expect(json.assembly.title).toBe('Test assembly');
    expect(json.standards[0]).toMatchObject({
      title: 'Openness',
      response: { stance: 'reject', by: 'Housing Committee' },
      updates: [{ state: 'in_progress', on: '2026-11-30', links: ['https://example.org/minutes'] }],
    });
    const markdown = await (await get(HTTP_ROUTES.trackerMarkdown, observer)).text();
    expect(markdown).toContain('## Openness');
    expect(markdown).toContain('**Rejected** by Housing Committee');
    expect(markdown).toContain('- 2026-11-30: In progress: Minutes now online <https://example.org/minutes>');
    for (const seat of [respondent, leader]) {
      for (const route of [
        HTTP_ROUTES.trackerJson,
        HTTP_ROUTES.charterJson,
        HTTP_ROUTES.casesJson,
        HTTP_ROUTES.auditJson,
        passportPath(s.seed.standardId),
      ]) {
        expect((await get(route, { cookie: seat.cookie })).status, route).toBe(401);
      }
    }
  });

  it('a narrow seat never becomes another role, and is never an attendee', async () => {
    for (const seat of [respondent, leader]) {
      expect(
        await s.mod.emitWithAck('roster:setRole', { participantId: seat.participantId, role: 'moderator' }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const roles = await s.running.db.query<{ role: string }>(
      'SELECT role FROM participants WHERE id = ANY($1::uuid[]) ORDER BY role DESC',
      [[respondent.participantId, leader.participantId]],
    );
    expect(roles.map((r) => r.role)).toEqual(['respondent', 'leader']);
    const state = acked(await s.mod.emitWithAck('session:resync', {}));
    const ids = state!.attendees.map((a) => a.participantId);
    expect(ids).not.toContain(respondent.participantId);
    expect(ids).not.toContain(leader.participantId);
  });

  it('narrow seats were sent nothing else: no snapshot, session, ballots, roster, other cases or members’ names', async () => {
    // Everything the assembly did meanwhile (a vote opened and cast, a comment) reaches neither.
    const { voteId } = acked(
      await s.mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: 'Tea?' },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0,
      }),
    );
    acked(
      await s.members[0]!.emitWithAck('vote:cast', {
        voteId,
        ballotId: crypto.randomUUID(),
        choice: { method: 'yes_no', choice: 'yes' },
        reason: '',
      }),
    );
    acked(await s.members[0]!.emitWithAck('comment:post', { standardId: adopted, text: 'Ada was here' }));
    await respondent.socket.timeout(5000).emitWithAck('clock:ping', {});
    await leader.socket.timeout(5000).emitWithAck('clock:ping', {});
    expect(new Set(respondent.received.map((r) => r.event))).toEqual(RESPONDENT_EVENTS);
    expect(new Set(leader.received.map((r) => r.event))).toEqual(LEADER_EVENTS);
    for (const seat of [respondent, leader]) {
      const wire = JSON.stringify(seat.received);
      for (const name of MEMBER_NAMES) expect(wire).not.toContain(name);
      expect(wire).not.toContain(otherCase);
      expect(wire).not.toContain(voteId);
    }
    // And a narrow seat asking for anything else is refused.
    for (const [event, payload] of [
      ['doc:open', { docId: `standard:${adopted}` }],
      ['roster:list', {}],
      ['session:resync', {}],
      ['response:publish', { standardId: adopted, stance: 'accept', reasons: 'x', timeline: 'y' }],
    ] as const) {
      expect(
        await (leader.socket as never as { emitWithAck(e: string, p: unknown): Promise<unknown> }).emitWithAck(
          event,
          payload,
        ),
      ).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});
