import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HTTP_ROUTES,
  pseudonym,
  REPORT_LIMITS,
  WATCH_KEY_HEADER,
  type AuditExport,
  type MyStatement,
  type ReportExport,
} from '@moot/protocol';
import { publishedAggregate } from '../src/features/members/representation.ts';
import { saveMemberSettings } from '../src/features/members/memberStore.ts';
import { acked, redeem, seedAssembly, startApp, type AssemblyInSession } from './support/harness.ts';
import { decidingEvening } from './support/reportStory.ts';

/**
 * The assembly's report (issue 15 §3): assembled from the record for every reader alike, with
 * only what is already public — and the members' statements, which a moderator may hide.
 */
const NOTE = 'a-moderators-private-note-27';
const HIDDEN = 'A statement that gets hidden 93';
const ADA_SAYS = 'We listened to each other <b>properly</b>.';
const BO_SAYS = 'I would do it again.';
const SECRET_NAME = 'Private Selected Person';
const SECRET_CATEGORY = 'Income band';
const MEETING_LINK = 'https://meet.example.org/private-room-71';

describe('the assembly’s report', () => {
  let s: AssemblyInSession;
  let modCookie: string;
  let otherCookie: string;
  let receipts: string[];
  let cyStatement: string;
  const seats = new Map<string, number>();

  beforeAll(async () => {
    const running = await startApp();
    const seed = await seedAssembly(running.db);
    const evening = await decidingEvening(running, seed, { moderator: 'Mo', members: ['Ada', 'Bo', 'Cy'] });
    s = {
      running,
      seed,
      ...evening,
      close: async () => {
        evening.close();
        await running.close();
      },
    };
    receipts = evening.receipts;
    const { mod, members, sessionId } = s;
    const db = running.db;
    modCookie = await redeem(running.url, seed.moderatorInvite, 'Mo');
    await db.query(`UPDATE participants SET show_name = true WHERE display_name = 'Bo'`);
    for (const row of await db.query<{ display_name: string; seat: number }>(
      'SELECT display_name, seat FROM participants WHERE assembly_id = $1',
      [seed.assemblyId],
    ))
      seats.set(row.display_name, row.seat);
    await db.query(`UPDATE assembly_sessions SET online_link = $2, place_kind = 'online' WHERE id = $1`, [
      sessionId,
      MEETING_LINK,
    ]);

    // Who took part: selected members with a published category and one that is not published.
    const regions = ['North', 'North', 'North', 'North', 'North', 'South', 'South', 'South', 'South', 'South', 'East'];
    for (const [i, region] of regions.entries())
      await db.query(
        `INSERT INTO members (id, assembly_id, name, demographics, status) VALUES ($1, $2, $3, $4, 'selected')`,
        [
          randomUUID(),
          seed.assemblyId,
          i === 0 ? SECRET_NAME : `Person ${i}`,
          { Region: region, [SECRET_CATEGORY]: 'High' },
        ],
      );
    await saveMemberSettings(db, seed.assemblyId, { inviteDays: 7, publishedCategories: ['Region'], gapPoints: 10 });

    acked(await members[0]!.emitWithAck('report:writeStatement', { text: ADA_SAYS }));
    acked(await members[1]!.emitWithAck('report:writeStatement', { text: BO_SAYS }));
    cyStatement = acked(await members[2]!.emitWithAck('report:writeStatement', { text: HIDDEN })).statementId!;
    acked(
      await mod.emitWithAck('report:hideStatement', {
        statementId: cyStatement,
        reason: { code: 'off_topic', note: NOTE },
      }),
    );

    const other = await seedAssembly(db);
    otherCookie = await redeem(running.url, other.memberInvites[0]!, 'Outsider');
  }, 300_000);
  afterAll(() => s?.close());

  const get = (route: string, headers: Record<string, string> = {}) => fetch(s.running.url + route, { headers });
  const asObserver = () => ({ [WATCH_KEY_HEADER]: s.seed.watchKey });
  const report = async (headers: Record<string, string>) => {
    const response = await get(HTTP_ROUTES.reportJson, headers);
    expect(response.status).toBe(200);
    return (await response.json()) as ReportExport;
  };

  it('refuses a reader with neither a session nor the watch key, and gives another assembly its own', async () => {
    for (const route of [HTTP_ROUTES.reportJson, HTTP_ROUTES.reportMarkdown]) {
      expect((await get(route)).status).toBe(401);
      expect((await get(route, { [WATCH_KEY_HEADER]: 'not-a-key' })).status).toBe(401);
      expect((await get(route, { [WATCH_KEY_HEADER]: 'A'.repeat(43) })).status).toBe(401);
    }
    const theirs = await report({ cookie: otherCookie });
    expect(theirs.statements).toEqual([]);
    expect(theirs.finalBallot).toBeNull();
  });

  it('is built from the record: charge, commissioner, who took part, programme, evidence, standards, ballot, cases, statements', async () => {
    const r = await report(asObserver());
    expect(r.assembly).toMatchObject({ title: 'Test assembly', commissionedBy: 'The Borough Council' });
    expect(r.participation).toEqual(await publishedAggregate(s.running.db, s.seed.assemblyId));
    expect(r.participation.categories.map((c) => c.category)).toEqual(['Region']);
    expect(r.programme.sittings).toEqual([
      expect.objectContaining({ title: 'Deciding evening', status: 'live', place: 'online' }),
    ]);
    expect(r.evidence).toEqual([expect.objectContaining({ number: 1, title: 'How councils publish diaries' })]);

    const [standard] = r.standards;
    expect(standard).toMatchObject({ position: 1, status: 'adopted', ladder: ['Advice', 'Apology'] });
    expect(standard!.text).toContain('Leaders publish their diaries.');
    expect(standard!.consensus).toMatchObject({
      members: 3,
      paragraphs: [
        { opening: expect.stringContaining('Leaders tell the truth'), agree: 3, disagree: 0, pass: 0 },
        { opening: expect.stringContaining('Leaders publish'), agree: 0, disagree: 3, pass: 0 },
      ],
    });
    expect(standard!.consensus!.paragraphs[0]!.bridging).toBeGreaterThan(standard!.consensus!.paragraphs[1]!.bridging);

    expect(r.finalBallot).toMatchObject({
      status: 'closed',
      threshold: { share: 0.6, base: 'answering' },
      result: { ballots: 3, quorumMet: true },
      recommendations: [
        { number: 1, part: 'standard', standard: 1, counts: [2, 0, 0, 1, 0], supporting: 2, base: 3, supported: true },
        { number: 2, part: 'ladder', standard: 1, counts: [0, 0, 0, 0, 3], supporting: 0, supported: false },
      ],
    });
    // The tally's sentence as codes beside its English, for the reader's language.
    expect(r.finalBallot!.result!.because).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^tally\./) })]),
    );
    expect(r.cases).toEqual([expect.objectContaining({ number: 1, summary: 'The diary was not published.' })]);
    // By the name the public sees: Ada by her pseudonym, Bo by the name he chose to show.
    expect(r.statements.map((st) => [st.author, st.text])).toEqual([
      [pseudonym(seats.get('Ada')!), ADA_SAYS],
      ['Bo', BO_SAYS],
    ]);
  });

  it('is the same for every reader and carries nothing private', async () => {
    const observer = await report(asObserver());
    const moderator = await report({ cookie: modCookie });
    const strip = (r: ReportExport) => ({ ...r, exportedAt: '' });
    expect(strip(moderator)).toEqual(strip(observer));
    const markdown = await (await get(HTTP_ROUTES.reportMarkdown, asObserver())).text();
    for (const whole of [JSON.stringify(observer), markdown]) {
      for (const secret of [NOTE, HIDDEN, SECRET_NAME, SECRET_CATEGORY, MEETING_LINK, 'Ada', 'Cy', ...receipts])
        expect(whole).not.toContain(secret);
      expect(whole).not.toMatch(/"ballots":\[|"answers"/);
    }
  });

  it('writes Markdown with contents, every chart as a table of exact counts, and everything typed escaped', async () => {
    const response = await get(HTTP_ROUTES.reportMarkdown, { cookie: modCookie });
    expect(response.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(response.headers.get('content-disposition')).toMatch(/report\.md/);
    const md = await response.text();
    expect(md).toContain('## Contents');
    expect(md).toContain('4. [Final ballot](#4-final-ballot)');
    expect(md).toContain('## 4. Final ballot');
    expect(md).toContain(
      '| Recommendation | Strongly agree | Agree | Neither | Disagree | Strongly disagree | Support | Outcome |',
    );
    expect(md).toMatch(/\| 1\. Honesty: the standard \| 2 \| 0 \| 0 \| 1 \| 0 \| 2 of 3 \(66\.\d%\) \| Supported \|/);
    expect(md).toContain('| Paragraph | Agree | Disagree | Pass | Bridging | Reading |');
    expect(md).toContain('### Case 1: Director of Housing (Pat Example) (open)');
    expect(md).toContain('| South | 5 |');
    expect(md).toContain('We listened to each other \\<b\\>properly\\</b\\>\\.');
    expect(md).not.toMatch(/(?<!\\)<(?!https?:)[a-z]/i);
  });

  it('lets a member write, rewrite and withdraw one statement of limited length; a moderator hides one with a reason', async () => {
    const [ada, , cy] = s.members;
    const tooLong = 'x'.repeat(REPORT_LIMITS.maxStatementLength + 1);
    expect(await ada!.emitWithAck('report:writeStatement', { text: tooLong })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await s.mod.emitWithAck('report:writeStatement', { text: 'Moderators do not write one' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await ada!.emitWithAck('report:hideStatement', { statementId: cyStatement, reason: { code: 'off_topic' } }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Its author sees that it was hidden, and why (the code, not the moderator's note).
    const mine = acked(await cy!.emitWithAck('report:myStatement', {})) as NonNullable<MyStatement>;
    expect(mine).toMatchObject({ statementId: cyStatement, text: HIDDEN, hidden: { reason: 'off_topic' } });
    expect(JSON.stringify(mine)).not.toContain(NOTE);
    // Hiding twice finds no visible statement; another assembly's moderator cannot name it.
    expect(
      await s.mod.emitWithAck('report:hideStatement', { statementId: cyStatement, reason: { code: 'off_topic' } }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', reason: { key: 'report.statementNotFound' } } });

    const again = 'We listened, mostly.';
    const rewritten = acked(await ada!.emitWithAck('report:writeStatement', { text: again })).statementId;
    expect(acked(await ada!.emitWithAck('report:myStatement', {}))).toMatchObject({
      statementId: rewritten,
      text: again,
    });
    expect((await report(asObserver())).statements.map((st) => st.text)).toEqual([BO_SAYS, again]);
    expect(acked(await ada!.emitWithAck('report:writeStatement', { text: '' }))).toEqual({ statementId: null });
    expect(acked(await ada!.emitWithAck('report:myStatement', {}))).toBeNull();
    expect((await report(asObserver())).statements.map((st) => st.text)).toEqual([BO_SAYS]);
    acked(await ada!.emitWithAck('report:writeStatement', { text: ADA_SAYS }));
  });

  it('audits writing and hiding: the reason’s code is public, the note never', async () => {
    const response = await get(`${HTTP_ROUTES.auditJson}?limit=500`, asObserver());
    const audit = (await response.json()) as AuditExport;
    const hidden = audit.entries.filter((e) => e.action === 'statement.hidden');
    expect(hidden).toHaveLength(1);
    expect(JSON.stringify(hidden)).toMatch(/off_topic|Off topic/i);
    expect(JSON.stringify(audit)).not.toContain(NOTE);
    expect(audit.entries.some((e) => e.action === 'statement.written')).toBe(true);
  });
});
