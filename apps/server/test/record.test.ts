import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  HTTP_ROUTES,
  minutesPath,
  pseudonym,
  WATCH_KEY_HEADER,
  type AuditExport,
  type MinutesExport,
  type SessionList,
} from '@moot/protocol';
import { ballotsOf } from '../src/features/votes/ballotStore.ts';
import {
  acked,
  redeem,
  seedAssembly,
  startSession,
  type AssemblyInSession,
  type SeededAssembly,
} from './support/harness.ts';

const SCRIPT = '<script>alert(1)</script>';
const REASON = 'my-private-reason-41';
const COMMENT = 'a-comment-that-gets-hidden-55';
const NOTE = 'a-moderators-private-note-66';

describe('the public record: audit log and minutes', () => {
  let s: AssemblyInSession;
  let other: SeededAssembly;
  let otherCookie: string;
  let modCookie: string;
  let receipts: string[];
  let voteId: string;
  const seats = new Map<string, number>();

  beforeAll(async () => {
    s = await startSession({ names: ['Ada', 'Bo', 'Cy'], title: `Session ${SCRIPT}`, start: true });
    const { mod, members, sessionId, running } = s;
    modCookie = await redeem(running.url, s.seed.moderatorInvite, 'Mo');
    // Bo chose to show their name to observers; Ada and Cy did not.
    await running.db.query(`UPDATE participants SET show_name = true WHERE display_name = 'Bo'`);
    for (const row of await running.db.query<{ display_name: string; seat: number }>(
      'SELECT display_name, seat FROM participants WHERE assembly_id = $1',
      [s.seed.assemblyId],
    ))
      seats.set(row.display_name, row.seat);

    const { itemId } = acked(
      await mod.emitWithAck('agenda:add', {
        sessionId,
        title: `Opening ${SCRIPT}`,
        kind: 'deliberate',
        plannedMinutes: 5,
      }),
    );
    acked(await mod.emitWithAck('agenda:add', { sessionId, title: 'Later', kind: 'learn', plannedMinutes: 10 }));
    acked(await mod.emitWithAck('agenda:start', { itemId }));
    acked(await members[0]!.emitWithAck('queue:raise', { sessionId, kind: 'new_point' }));
    acked(await mod.emitWithAck('queue:next', { sessionId }));
    acked(await mod.emitWithAck('queue:endTurn', { sessionId }));
    acked(await mod.emitWithAck('announcement:post', { text: `Break soon <img src=x onerror=alert(1)>` }));
    ({ voteId } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'question', question: `Tea ${SCRIPT}?` },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0.5,
      }),
    ));
    receipts = [];
    for (const [i, choice] of (['yes', 'no', 'yes'] as const).entries()) {
      const cast = await members[i]!.emitWithAck('vote:cast', {
        voteId,
        ballotId: randomUUID(),
        choice: { method: 'yes_no', choice },
        reason: i === 1 ? REASON : '',
      });
      receipts.push(acked(cast).receipt!);
    }
    acked(await mod.emitWithAck('vote:close', { voteId }));
    acked(await mod.emitWithAck('agenda:end', { itemId }));
    const { commentId } = acked(
      await members[1]!.emitWithAck('comment:post', { standardId: s.seed.standardId, text: COMMENT }),
    );
    acked(await mod.emitWithAck('comment:hide', { commentId, reason: { code: 'off_topic', note: NOTE } }));

    other = await seedAssembly(running.db);
    otherCookie = await redeem(running.url, other.memberInvites[0]!, 'Outsider');
  });
  afterAll(() => s.close());

  const get = (route: string, headers: Record<string, string> = {}) => fetch(s.running.url + route, { headers });
  const asObserver = () => ({ [WATCH_KEY_HEADER]: s.seed.watchKey });
  const asModerator = () => ({ cookie: modCookie });
  const json = async <T>(route: string, headers: Record<string, string>): Promise<T> => {
    const response = await get(route, headers);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  it('lists the sessions and writes minutes: agenda planned against actual, speakers, votes, announcements', async () => {
    const { sessions } = await json<SessionList>(HTTP_ROUTES.sessionsJson, asModerator());
    expect(sessions).toEqual([expect.objectContaining({ id: s.sessionId, status: 'live', endedAt: null })]);

    const minutes = await json<MinutesExport>(minutesPath('json', s.sessionId), asModerator());
    expect(minutes.session.title).toBe(`Session ${SCRIPT}`);
    expect(minutes.attendance).toEqual({ checkedIn: 3, removed: 0, checkedOut: 0 });
    expect(minutes.agenda).toEqual([
      expect.objectContaining({ position: 1, title: `Opening ${SCRIPT}`, plannedMinutes: 5, status: 'done' }),
      expect.objectContaining({ position: 2, title: 'Later', plannedMinutes: 10, actualSeconds: null }),
    ]);
    expect(minutes.agenda[0]!.actualSeconds).toBeGreaterThanOrEqual(0);
    expect(minutes.speakers).toEqual([{ name: 'Ada', turns: 1, spokenSeconds: expect.any(Number) }]);
    expect(minutes.votes).toEqual([
      {
        question: `Tea ${SCRIPT}?`,
        // The moderator's own question has no code; the tally's sentence has (the page words it).
        questionPhrase: null,
        method: 'yes_no',
        status: 'closed',
        turnout: 3,
        eligible: 3,
        quorumNeeded: 2,
        passed: true,
        explanation: expect.stringMatching(/Passed/),
        because: expect.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^tally\./) })]),
        online: 3,
        paper: 0,
      },
    ]);
    expect(minutes.announcements).toEqual([
      { text: 'Break soon <img src=x onerror=alert(1)>', at: expect.any(String) },
    ]);
  });

  it('gives observers pseudonyms unless a member chose to show their name', async () => {
    const minutes = await json<MinutesExport>(minutesPath('json', s.sessionId), asObserver());
    expect(minutes.speakers.map((sp) => sp.name)).toEqual([pseudonym(seats.get('Ada')!)]);

    const audit = await json<AuditExport>(HTTP_ROUTES.auditJson, asObserver());
    const actors = new Set(audit.entries.map((e) => e.actor));
    expect(actors).toContain('Bo');
    expect(actors).toContain(pseudonym(seats.get('Ada')!));
    for (const hidden of ['Ada', 'Cy']) expect(JSON.stringify(audit)).not.toContain(`"${hidden}"`);
    // A moderator is a public figure: named to the public too, with their role.
    expect(actors).toContain('moderator Mo');
    expect(actors).not.toContain('Mo');
    // Members and moderators read names.
    const asMember = await json<AuditExport>(HTTP_ROUTES.auditJson, { cookie: modCookie });
    expect(asMember.entries.map((e) => e.actor)).toContain('Ada');
  });

  it('records who did what and when, with only the public detail and named subjects', async () => {
    const audit = await json<AuditExport>(HTTP_ROUTES.auditJson, asModerator());
    const called = audit.entries.find((e) => e.action === 'queue.called')!;
    expect(called).toMatchObject({ actor: 'Mo', subject: `Session ${SCRIPT}` });
    // Called "next in the queue": no participant named, and never an id.
    expect(called.detail).toEqual({});
    expect(audit.entries.find((e) => e.action === 'comment.hidden')).toMatchObject({
      actor: 'Mo',
      subject: 'Honesty',
      detail: { reason: 'off_topic' },
    });
    expect(audit.entries.find((e) => e.action === 'vote.opened')).toMatchObject({
      subject: `Tea ${SCRIPT}?`,
      detail: { question: `Tea ${SCRIPT}?`, method: 'yes_no' },
    });
    expect(audit.entries.find((e) => e.action === 'vote.closed')).toMatchObject({
      detail: { passed: true, ballots: 3 },
    });
    expect(audit.entries.find((e) => e.action === 'announcement.posted')).toMatchObject({
      actor: 'Mo',
      detail: { text: 'Break soon <img src=x onerror=alert(1)>' },
    });
    const seqs = audit.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(audit.entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('keeps refused commands (no change; operators read them as security entries) out of every record', async () => {
    expect(await s.members[0]!.emitWithAck('session:end', { sessionId: s.sessionId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await vi.waitFor(async () => {
      const rows = await s.running.db.query<{ target: string }>(
        `SELECT target FROM audit_log WHERE assembly_id = $1 AND action = 'security.denied'`,
        [s.seed.assemblyId],
      );
      expect(rows.map((r) => r.target)).toContain('session:end');
    });
    const readers = [
      asModerator(),
      asObserver(),
      { cookie: await redeem(s.running.url, s.seed.memberInvites[1]!, 'Bo') },
    ];
    for (const headers of readers) {
      const audit = await json<AuditExport>(HTTP_ROUTES.auditJson, headers);
      expect(audit.entries.map((e) => e.action).filter((a) => a.startsWith('security.'))).toEqual([]);
    }
  });

  it('keeps every ballot secret: the published anonymised ballots are the only ballot data', async () => {
    const published = await ballotsOf(s.running.db, voteId);
    expect(published.map((b) => b.receipt).sort()).toEqual([...receipts].sort());
    expect(published.some((b) => b.reason === REASON)).toBe(true);

    const entries = (await json<AuditExport>(HTTP_ROUTES.auditJson, asModerator())).entries;
    // Who voted is public, once, at close and sorted by name; no entry per cast, in casting order.
    expect(entries.filter((e) => e.action === 'vote.cast')).toEqual([]);
    const tookPart = entries.filter((e) => e.action === 'vote.participants');
    expect(tookPart).toHaveLength(1);
    const names = tookPart[0]!.detail.participants as string[];
    expect(names).toHaveLength(3);
    expect(names).toEqual([...names].sort());

    const everything = [];
    for (const headers of [
      asObserver(),
      asModerator(),
      { cookie: await redeem(s.running.url, s.seed.memberInvites[0]!, 'Ada') },
    ]) {
      for (const route of [
        HTTP_ROUTES.auditJson,
        HTTP_ROUTES.auditMarkdown,
        minutesPath('json', s.sessionId),
        minutesPath('md', s.sessionId),
      ])
        everything.push(await (await get(route, headers)).text());
    }
    const text = everything.join('\n');
    for (const secret of [...receipts, REASON, '"choice"', 'ballotKey', 'ballot_key'])
      expect(text).not.toContain(secret);
  });

  it('escapes everything people typed in the Markdown', async () => {
    for (const route of [HTTP_ROUTES.auditMarkdown, minutesPath('md', s.sessionId)]) {
      const response = await get(route, asObserver());
      expect(response.headers.get('content-type')).toMatch(/text\/markdown/);
      const markdown = await response.text();
      // Every angle bracket is escaped (`\<` reads as a literal `<`), so nothing typed becomes HTML.
      expect(markdown).not.toMatch(/(^|[^\\])</m);
      expect(markdown).toContain('\\<script\\>');
    }
    const minutes = await (await get(minutesPath('md', s.sessionId), asObserver())).text();
    expect(minutes).toContain('## Speakers');
    expect(minutes).toContain(`- ${pseudonym(seats.get('Ada')!)}: 1 turn`);
    expect(minutes).toMatch(/Passed/);
    expect(minutes).toContain('Attendance: 3 checked in');

    acked(await s.mod.emitWithAck('standard:retitle', { standardId: s.seed.standardId, title: `Honesty ${SCRIPT}` }));
    const charter = await (await get(HTTP_ROUTES.charterMarkdown, asObserver())).text();
    expect(charter).not.toMatch(/(^|[^\\])</m);
    expect(charter).toContain('Honesty \\<script\\>');
  });

  it('pages through the audit log without gaps or repeats', async () => {
    const all = await json<AuditExport>(HTTP_ROUTES.auditJson, asModerator());
    expect(all.next).toBeNull();
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = await json<AuditExport>(`${HTTP_ROUTES.auditJson}?after=${after}&limit=4`, asModerator());
      expect(page.entries.length).toBeLessThanOrEqual(4);
      seen.push(...page.entries.map((e) => e.seq));
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen).toEqual(all.entries.map((e) => e.seq));
    for (const bad of ['limit=0', 'limit=501', 'after=-1', 'limit=ten', 'other=1'])
      expect((await get(`${HTTP_ROUTES.auditJson}?${bad}`, asModerator())).status).toBe(400);
  });

  it("keeps each assembly's record to itself", async () => {
    const outsiders: Record<string, string>[] = [{ cookie: otherCookie }, { [WATCH_KEY_HEADER]: other.watchKey }];
    for (const headers of outsiders) {
      expect((await get(minutesPath('json', s.sessionId), headers)).status).toBe(404);
      expect((await get(minutesPath('md', s.sessionId), headers)).status).toBe(404);
      const audit = await json<AuditExport>(HTTP_ROUTES.auditJson, headers);
      expect(new Set(audit.entries.map((e) => e.action))).toEqual(new Set(['standard.added', 'invite.redeemed']));
      expect(JSON.stringify(audit)).not.toMatch(/Tea|Session|Ada/);
      expect((await json<SessionList>(HTTP_ROUTES.sessionsJson, headers)).sessions).toEqual([]);
    }
    for (const id of ['not-a-uuid', randomUUID()])
      expect((await get(minutesPath('json', id), asModerator())).status).toBe(404);
  });

  it('names breach cases as the register does, with their public steps', async () => {
    const { mod, members } = s;
    acked(await mod.emitWithAck('standard:setLadder', { standardId: s.seed.standardId, steps: ['Advice'] }));
    acked(await mod.emitWithAck('standard:lock', { standardId: s.seed.standardId }));
    const { voteId: adoption } = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'adopt_standard', standardId: s.seed.standardId },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
        quorumShare: 0.5,
      }),
    );
    for (const m of members)
      acked(
        await m.emitWithAck('vote:cast', {
          voteId: adoption,
          ballotId: randomUUID(),
          choice: { method: 'yes_no', choice: 'yes' },
          reason: '',
        }),
      );
    acked(await mod.emitWithAck('vote:close', { voteId: adoption }));
    const { caseId } = acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Director of Housing', name: null },
        standardIds: [s.seed.standardId],
        summary: 'Misled the council',
      }),
    );
    acked(await mod.emitWithAck('case:dismiss', { caseId, reason: `Out of scope ${SCRIPT}` }));

    const audit = await json<AuditExport>(HTTP_ROUTES.auditJson, asObserver());
    expect(audit.entries.find((e) => e.action === 'case.opened')).toMatchObject({
      subject: 'Case 1: Director of Housing',
      detail: { number: 1 },
    });
    expect(audit.entries.find((e) => e.action === 'case.dismissed')).toMatchObject({
      subject: 'Case 1: Director of Housing',
      detail: { from: 'open', reason: `Out of scope ${SCRIPT}` },
    });
    const markdown = await (await get(HTTP_ROUTES.auditMarkdown, asObserver())).text();
    expect(markdown).toContain('Out of scope \\<script\\>');
    expect(markdown).not.toMatch(/(^|[^\\])</m);
  });

  it('refuses anyone without a session or a valid watch key', async () => {
    for (const route of [
      HTTP_ROUTES.auditJson,
      HTTP_ROUTES.auditMarkdown,
      HTTP_ROUTES.sessionsJson,
      minutesPath('json', s.sessionId),
      minutesPath('md', s.sessionId),
    ]) {
      expect((await get(route)).status).toBe(401);
      expect((await get(route, { [WATCH_KEY_HEADER]: 'not a key' })).status).toBe(401);
      expect((await get(route, { cookie: 'moot_session=forged' })).status).toBe(401);
    }
  });

  it('writes the audit log and the minutes in words: labels, readable UTC times, moderation, groups and cases', async () => {
    const { mod } = s;
    const [cy] = await s.running.db.query<{ id: string }>(
      `SELECT id FROM participants WHERE assembly_id = $1 AND display_name = 'Cy'`,
      [s.seed.assemblyId],
    );
    acked(
      await mod.emitWithAck('moderation:mute', {
        participantId: cy!.id,
        minutes: 5,
        reason: { code: 'disruption', note: NOTE },
      }),
    );
    acked(await mod.emitWithAck('groups:form', { sessionId: s.sessionId, count: 2 }));
    acked(await mod.emitWithAck('groups:end', { sessionId: s.sessionId }));

    const audit = await (await get(HTTP_ROUTES.auditMarkdown, asObserver())).text();
    for (const label of [
      'Raised a hand to speak',
      '(kind: new point)',
      'Hid a comment',
      'reason: off topic',
      'Opened a vote',
    ])
      expect(audit).toContain(label);
    expect(audit).toContain('method: yes / no / abstain');
    // No action or detail code, and no ISO timestamp: times read "6 December 2026, 18:02 UTC".
    expect(audit).not.toMatch(/queue\.raised|comment\.hidden|new\\?_point|off\\?_topic|yes\\?_no/);
    expect(audit).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(audit).toMatch(/^- \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC · /m);

    const minutes = await json<MinutesExport>(minutesPath('json', s.sessionId), asModerator());
    // Moderation names the moderated by public pseudonym, even to a moderator; the note never appears.
    expect(minutes.moderation).toEqual([
      expect.objectContaining({ action: 'comment_hidden', member: pseudonym(seats.get('Bo')!), reason: 'off_topic' }),
      expect.objectContaining({
        action: 'muted',
        member: pseudonym(seats.get('Cy')!),
        reason: 'disruption',
        minutes: 5,
      }),
    ]);
    expect(minutes.groups.map((g) => [g.action, g.count])).toEqual([
      ['formed', 2],
      ['ended', null],
    ]);
    expect(minutes.cases).toEqual([{ number: 1, status: 'dismissed' }]);
    expect(minutes.session.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const markdown = await (await get(minutesPath('md', s.sessionId), asModerator())).text();
    expect(markdown).toContain('(yes / no / abstain)');
    expect(markdown).not.toContain('yes\\_no');
    expect(markdown).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(markdown).toMatch(/Started \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC/);
    expect(markdown).toContain(`${pseudonym(seats.get('Bo')!)} had a comment hidden, reason: off topic`);
    expect(markdown).toContain(`${pseudonym(seats.get('Cy')!)} muted for 5 minutes, reason: disruption`);
    expect(markdown).toContain('split into 2 groups');
    expect(markdown).toContain('- Case 1 (dismissed)');
    expect(markdown + JSON.stringify(minutes)).not.toContain(NOTE);
  });
});
