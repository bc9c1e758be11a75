import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  caseDocId,
  HTTP_ROUTES,
  LIMITS,
  minutesPath,
  NO_BREACH_FOUND,
  WATCH_KEY_HEADER,
  type AuditExport,
  type CaseRegister,
  type CaseView,
  type ErrorReason,
  type MinutesExport,
  type VoteView,
} from '@moot/protocol';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';
import { combinedTally } from '../src/features/votes/combinedTally.ts';
import { CollabClient, paragraph } from './support/collabClient.ts';
import { followSession } from './support/sessionWatch.ts';
import {
  acked,
  connectWatcher,
  redeem,
  startSession,
  type AssemblyInSession,
  type MemberSocket,
  type WatcherSocket,
} from './support/harness.ts';

/** A standard added, given a ladder and locked by the moderator, then adopted (the adoption vote is votes.test's). */
async function adoptedStandard(session: AssemblyInSession, title: string, ladder: string[]): Promise<string> {
  const { mod, running, seed } = session;
  const standard = acked(await mod.emitWithAck('standard:add', { title }));
  acked(await mod.emitWithAck('standard:setLadder', { standardId: standard.id, steps: ladder }));
  acked(await mod.emitWithAck('standard:lock', { standardId: standard.id }));
  await running.db.transaction((tx) => setStandardStatus(tx, seed.assemblyId, standard.id, ['locked'], 'adopted'));
  return standard.id;
}

/** The latest `cases:state` a socket received. */
function followCases(socket: MemberSocket | WatcherSocket): { cases: CaseView[] } {
  const latest = { cases: [] as CaseView[] };
  (socket as MemberSocket).on('cases:state', (update) => (latest.cases = update.cases));
  return latest;
}

describe('breach cases', () => {
  let session: AssemblyInSession;
  let mod: MemberSocket;
  let members: MemberSocket[];
  let watcher: WatcherSocket;
  let honesty: string;
  let openness: string;
  let observed: { cases: CaseView[] };
  let participants: { cases: CaseView[] };
  let votes: VoteView[] = [];
  const everything: string[] = [];
  const SECRET_REASON = 'my-private-reason-7f3a';

  const caseOf = (view: { cases: CaseView[] }, id: string) => view.cases.find((c) => c.id === id);
  /** A refusal with this code, message and (when given) exactly this reason code and parameters. */
  const refused = async (reply: Promise<unknown>, code: string, message?: RegExp, reason?: ErrorReason) => {
    const ack = (await reply) as { ok: boolean; error?: { code: string; message: string; reason?: ErrorReason } };
    expect(ack).toMatchObject({ ok: false, error: { code } });
    if (message) expect(ack.error!.message).toMatch(message);
    if (reason) expect(ack.error!.reason).toEqual(reason);
  };
  const openCase = async (standardIds: string[], summary = 'Misled the council about the budget') =>
    acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Director of Housing', name: 'Pat Example' },
        standardIds,
        summary,
        evidence: [{ description: 'Council minutes', link: 'https://example.org/minutes?meeting=12' }],
      }),
    ).caseId;
  const rank = (voteId: string, ranking: number[], reason = '') => ({
    voteId,
    ballotId: randomUUID(),
    choice: { method: 'ranked' as const, ranking },
    reason,
  });
  const audit = async (caseId: string) =>
    (
      await session.running.db.query<{ action: string; detail: unknown }>(
        'SELECT action, detail FROM audit_log WHERE target = $1 ORDER BY id',
        [caseId],
      )
    ).map((r) => r.action);

  beforeAll(async () => {
    session = await startSession({ names: ['Ines', 'Jon', 'Kai'], title: 'Hearing cases', start: true });
    ({ mod, members } = session);
    honesty = await adoptedStandard(session, 'Tell the truth', ['Advice', 'Public apology', 'Formal warning']);
    openness = await adoptedStandard(session, 'Be open', ['public  apology', 'Training']);
    watcher = (
      await connectWatcher(session.running.url, session.seed.watchKey, (s) => {
        observed = followCases(s);
        s.onAny((event: string, ...args: unknown[]) => everything.push(JSON.stringify([event, args])));
      })
    ).socket;
    participants = followCases(members[0]!);
    for (const socket of [mod, ...members]) {
      socket.onAny((event: string, ...args: unknown[]) => everything.push(JSON.stringify([event, args])));
    }
    members[0]!.on('votes:state', (u) => (votes = u.votes));
  }, 180_000);
  afterAll(async () => {
    watcher?.disconnect();
    await session?.close();
  });

  it('refuses cases that cite no adopted standard, bad evidence, or come from a member', async () => {
    const valid = {
      respondent: { role: 'Mayor' },
      standardIds: [honesty],
      summary: 'Something happened',
    };
    await refused(members[0]!.emitWithAck('case:open', valid), 'forbidden');
    const drafting = acked(await mod.emitWithAck('standard:add', { title: 'Still drafting' }));
    await refused(
      mod.emitWithAck('case:open', { ...valid, standardIds: [honesty, drafting.id] }),
      'bad_request',
      /Only adopted standards.*“Still drafting” is drafting/,
      { key: 'case.standardNotAdopted', params: { title: 'Still drafting' } },
    );
    acked(await mod.emitWithAck('standard:lock', { standardId: drafting.id }));
    await refused(mod.emitWithAck('case:open', { ...valid, standardIds: [drafting.id] }), 'bad_request', /locked/);
    await refused(mod.emitWithAck('case:open', { ...valid, standardIds: [randomUUID()] }), 'not_found', undefined, {
      key: 'case.standardNotFound',
    });
    await refused(mod.emitWithAck('case:open', { ...valid, standardIds: [honesty, honesty] }), 'bad_request');
    await refused(
      mod.emitWithAck('case:open', { ...valid, evidence: [{ description: 'x', link: 'javascript:alert(1)' }] }),
      'bad_request',
      /http\(s\)/,
    );
    await refused(mod.emitWithAck('case:open', { ...valid, summary: 'x'.repeat(5001) }), 'bad_request');
    const noLadder = await adoptedStandard(session, 'No ladder yet', []);
    await refused(mod.emitWithAck('case:open', { ...valid, standardIds: [noLadder] }), 'bad_request', /ladder/, {
      key: 'case.noLadder',
    });
    const long = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix} ${i + 1}`);
    const wide = [
      await adoptedStandard(session, 'Wide A', long('A')),
      await adoptedStandard(session, 'Wide B', long('B')),
    ];
    await refused(mod.emitWithAck('case:open', { ...valid, standardIds: wide }), 'limit_reached', /at most 20/, {
      key: 'case.tooManyOptions',
      params: { count: 25, max: LIMITS.maxVoteOptions },
    });
    await refused(mod.emitWithAck('case:advance', { caseId: randomUUID(), to: 'hearing' }), 'not_found', undefined, {
      key: 'case.notFound',
    });
    await refused(watcher.emitWithAck('doc:open', { docId: caseDocId(randomUUID()) }), 'not_found');
    const rows = await session.running.db.query('SELECT 1 FROM breach_cases');
    expect(rows).toHaveLength(0);
  });

  it('hears, deliberates and decides a case by a secret ranked vote among the cited ladders', async () => {
    const caseId = await openCase([honesty, openness]);
    await vi.waitFor(() => expect(caseOf(participants, caseId)?.status).toBe('open'));
    const opened = caseOf(participants, caseId)!;
    // "No breach found" first, then each ladder in citation order; "public  apology" is "Public apology".
    expect(opened.options).toEqual([NO_BREACH_FOUND, 'Advice', 'Public apology', 'Formal warning', 'Training']);
    expect(opened).toMatchObject({
      number: 1,
      respondent: { role: 'Director of Housing', name: 'Pat Example' },
      evidence: [{ description: 'Council minutes', link: 'https://example.org/minutes?meeting=12' }],
      openedBy: 'Mo',
      docId: caseDocId(caseId),
      reply: null,
      decision: null,
    });

    // Illegal moves are refused and change nothing.
    await refused(mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }), 'bad_request', /open → hearing/, {
      key: 'case.cannotMove',
    });
    await refused(mod.emitWithAck('case:openVote', { caseId }), 'bad_request', /deliberating/, {
      key: 'case.notDeliberating',
    });
    await refused(members[0]!.emitWithAck('case:advance', { caseId, to: 'hearing' }), 'forbidden');

    acked(await mod.emitWithAck('case:reply', { caseId, reply: 'I was given wrong figures.' }));
    // Two moderators' clicks at once: the case's row lock lets one through; the other is told why.
    const both = await Promise.all([
      mod.emitWithAck('case:advance', { caseId, to: 'hearing' }),
      mod.emitWithAck('case:advance', { caseId, to: 'hearing' }),
    ]);
    expect(both.map((ack) => ack.ok).sort()).toEqual([false, true]);
    expect(both.find((ack) => !ack.ok)).toMatchObject({ error: { code: 'bad_request' } });
    acked(await mod.emitWithAck('case:reply', { caseId, reply: 'I was given wrong figures by the treasurer.' }));

    // While the case is heard, the reasoning can be read but not written: refused, byte-identical.
    const docId = caseDocId(caseId);
    const early = new CollabClient(members[0]!, docId);
    await early.open();
    const live = await session.running.app.context.documents.open(docId);
    await vi.waitFor(() => expect(early.unacked).toBe(0));
    expect(early.refusals).toEqual([]); // answering the server's step 1 with nothing new is no edit
    const before = Y.encodeStateAsUpdate(live.doc);
    early.doc.getXmlFragment('reasoning').insert(0, [paragraph('Too early')]);
    await vi.waitFor(() => expect(early.refusals.map((r) => r.code)).toEqual(['locked']));
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(before))).toBe(true);
    early.detach();

    acked(await mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }));
    await refused(mod.emitWithAck('case:reply', { caseId, reply: 'Too late' }), 'bad_request');
    await vi.waitFor(() => expect(caseOf(observed, caseId)?.status).toBe('deliberating'));

    // Members co-draft the reasoning live; observers watch it on /watch.
    const watched = new Y.Doc();
    watcher.on('doc:sync', ({ docId: id, message }) => {
      if (id !== docId) return;
      const bytes = message instanceof Uint8Array ? message : new Uint8Array(message);
      Y.applyUpdate(watched, bytes.subarray(bytes[1]! < 128 ? 2 : 3));
    });
    expect(await watcher.emitWithAck('doc:open', { docId })).toEqual({ ok: true, data: null });
    const drafter = new CollabClient(members[1]!, docId);
    await drafter.open();
    drafter.doc.getXmlFragment('reasoning').insert(0, [paragraph('The figures were known to be false.')]);
    await vi.waitFor(() => expect(drafter.unacked).toBe(0));
    expect(drafter.refusals).toEqual([]);
    await vi.waitFor(() =>
      expect(watched.getXmlFragment('reasoning').toString()).toContain('The figures were known to be false.'),
    );

    const { voteId, options } = acked(await mod.emitWithAck('case:openVote', { caseId, quorumShare: 0.5 }));
    expect(options).toEqual(opened.options);
    await refused(mod.emitWithAck('case:openVote', { caseId }), 'bad_request', /already open/, {
      key: 'case.voteAlreadyOpen',
    });
    await refused(mod.emitWithAck('case:dismiss', { caseId, reason: 'Never mind' }), 'bad_request', /vote/, {
      key: 'case.closeVoteFirst',
    });
    await vi.waitFor(() =>
      expect(votes.find((v) => v.id === voteId)?.rules).toEqual({ method: 'ranked', options, receipts: 'verifiable' }),
    );
    expect(votes.find((v) => v.id === voteId)?.subject).toBe('consequence');

    acked(await members[0]!.emitWithAck('vote:cast', rank(voteId, [1, 2], SECRET_REASON)));
    acked(await members[1]!.emitWithAck('vote:cast', rank(voteId, [2, 1])));
    acked(await members[2]!.emitWithAck('vote:cast', rank(voteId, [4, 2])));
    // Until the close, nothing anyone received carries a choice or a ballot's reason.
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.turnout).toBe(3));
    expect(everything.join('\n')).not.toContain('ranking');
    expect(everything.join('\n')).not.toContain(SECRET_REASON);
    const result = acked(await mod.emitWithAck('vote:close', { voteId }));

    // Round 1 ties Advice, Public apology and Training at 1; the later-listed go first; Training's ballot moves on.
    await vi.waitFor(() => expect(caseOf(observed, caseId)?.status).toBe('decided'));
    await vi.waitFor(() => expect(votes.find((v) => v.id === voteId)?.status).toBe('closed'));
    const published = votes.find((v) => v.id === voteId)!;
    // Anyone can recount the published ballots (no paper count in a ranked vote).
    const recount = combinedTally(
      published.rules,
      published.ballots!.map((b) => b.choice),
      null,
      { eligible: published.eligible, quorumNeeded: published.quorumNeeded },
    );
    expect(recount).toEqual(result);
    const decided = caseOf(observed, caseId)!;
    expect(decided.decision).toMatchObject({
      voteId,
      outcome: options[recount.winner!],
      breachFound: true,
      options,
      result,
    });
    expect(decided.decision!.outcome).toBe('Public apology');
    expect(decided.decision!.reasoning).toBe('The figures were known to be false\\.');
    expect(decided.votes).toEqual([
      { voteId, status: 'closed', explanation: result.explanation, because: result.because, decided: true },
    ]);
    expect(decided.closedAt).toBe(decided.decision!.decidedAt);
    // Facilitators are public figures: observers see the moderator by name, as the respondent's.
    expect(decided.openedBy).toBe('Mo');
    expect(decided.respondent.name).toBe('Pat Example');
    expect(caseOf(participants, caseId)!.openedBy).toBe('Mo');

    // Decided is final: the reasoning is frozen, byte-identical, and nothing else moves.
    const frozen = Y.encodeStateAsUpdate(live.doc);
    drafter.doc.getXmlFragment('reasoning').insert(1, [paragraph('An afterthought')]);
    await vi.waitFor(() => expect(drafter.refusals.map((r) => r.code)).toEqual(['locked']));
    expect(Buffer.from(Y.encodeStateAsUpdate(live.doc)).equals(Buffer.from(frozen))).toBe(true);
    drafter.detach();
    await refused(mod.emitWithAck('case:dismiss', { caseId, reason: 'Too late' }), 'bad_request', /already decided/, {
      key: 'case.alreadyClosed',
    });
    await refused(mod.emitWithAck('case:openVote', { caseId }), 'bad_request');

    expect(await audit(caseId)).toEqual([
      'case.opened',
      'case.replied',
      'case.advanced',
      'case.replied',
      'case.advanced',
      'case.vote_opened',
      'case.decided',
    ]);
    expect(caseOf(participants, caseId)!.reply?.text).toBe('I was given wrong figures by the treasurer.');
  });

  it('decides nothing without quorum: the case stays deliberating and another vote, here without receipts, can be opened', async () => {
    const caseId = await openCase([honesty], 'Ignored a freedom of information request');
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }));
    // A standard the charter drops after it was cited still counts, with its ladder.
    acked(await mod.emitWithAck('standard:remove', { standardId: honesty }));
    const first = acked(await mod.emitWithAck('case:openVote', { caseId, quorumShare: 1 }));
    expect(first.options).toEqual([NO_BREACH_FOUND, 'Advice', 'Public apology', 'Formal warning']);
    acked(await members[0]!.emitWithAck('vote:cast', rank(first.voteId, [3])));
    const noQuorum = acked(await mod.emitWithAck('vote:close', { voteId: first.voteId }));
    expect(noQuorum).toMatchObject({ quorumMet: false, passed: false, winner: null });
    await vi.waitFor(() => expect(caseOf(observed, caseId)?.votes[0]?.status).toBe('closed'));
    expect(caseOf(observed, caseId)).toMatchObject({
      status: 'deliberating',
      decision: null,
      votes: [
        {
          voteId: first.voteId,
          status: 'closed',
          explanation: noQuorum.explanation,
          because: noQuorum.because,
          decided: false,
        },
      ],
    });
    expect(noQuorum.explanation).toMatch(/^No quorum: 1 of 3/);

    // The moderator may open a consequence vote without receipts, as any vote: none issued, none published.
    const second = acked(await mod.emitWithAck('case:openVote', { caseId, quorumShare: 0.5, receipts: 'none' }));
    await vi.waitFor(() =>
      expect(votes.find((v) => v.id === second.voteId)?.rules).toMatchObject({ receipts: 'none' }),
    );
    for (const m of members)
      expect(acked(await m.emitWithAck('vote:cast', rank(second.voteId, [0, 1]))).receipt).toBeNull();
    acked(await mod.emitWithAck('vote:close', { voteId: second.voteId }));
    await vi.waitFor(() => expect(caseOf(observed, caseId)?.status).toBe('decided'));
    await vi.waitFor(() => expect(votes.find((v) => v.id === second.voteId)?.ballots).toHaveLength(3));
    expect(votes.find((v) => v.id === second.voteId)!.ballots!.map((b) => b.receipt)).toEqual([null, null, null]);
    expect(caseOf(observed, caseId)!.decision).toMatchObject({ outcome: NO_BREACH_FOUND, breachFound: false });
    expect(caseOf(observed, caseId)!.votes.map((v) => v.decided)).toEqual([false, true]);
    expect(await audit(caseId)).toEqual([
      'case.opened',
      'case.advanced',
      'case.advanced',
      'case.vote_opened',
      'case.undecided',
      'case.vote_opened',
      'case.decided',
    ]);
  });

  it('dismisses a case with a reason from any state but a final one', async () => {
    const caseId = await openCase([openness], 'A complaint <script>alert(1)</script> about *nothing*');
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    await refused(mod.emitWithAck('case:dismiss', { caseId, reason: '' }), 'bad_request');
    await refused(members[1]!.emitWithAck('case:dismiss', { caseId, reason: 'No' }), 'forbidden');
    acked(await mod.emitWithAck('case:dismiss', { caseId, reason: 'The complaint was withdrawn' }));
    await vi.waitFor(() => expect(caseOf(observed, caseId)?.status).toBe('dismissed'));
    expect(caseOf(observed, caseId)).toMatchObject({ dismissalReason: 'The complaint was withdrawn', decision: null });
    expect(caseOf(observed, caseId)!.closedAt).toEqual(expect.any(Number));
    await refused(mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }), 'bad_request', /dismissed/);
    await refused(mod.emitWithAck('case:dismiss', { caseId, reason: 'Again' }), 'bad_request', /already dismissed/);
    await refused(mod.emitWithAck('case:reply', { caseId, reply: 'Late' }), 'bad_request');
    expect(await audit(caseId)).toEqual(['case.opened', 'case.advanced', 'case.dismissed']);
  });

  it('sends every case on connection, and never a ballot in cases:state or the audit log', async () => {
    let late: CaseView[] = [];
    const arriving = await connectWatcher(session.running.url, session.seed.watchKey, (s) =>
      s.on('cases:state', (u) => (late = u.cases)),
    );
    await vi.waitFor(() => expect(late.map((c) => c.number)).toEqual([1, 2, 3]));
    expect(late).toEqual(observed.cases);
    arriving.socket.disconnect();

    const caseFrames = everything.filter((frame) => frame.startsWith('["cases:state"'));
    expect(caseFrames.length).toBeGreaterThan(0);
    for (const frame of caseFrames) {
      expect(frame).not.toContain(SECRET_REASON);
      expect(frame).not.toContain('ranking');
      expect(frame).not.toContain('receipt');
    }
    const log = JSON.stringify(await session.running.db.query('SELECT * FROM audit_log'));
    expect(log).not.toContain(SECRET_REASON);
    expect(log).not.toContain('ranking');
  });

  it('exports the register of cases as JSON and Markdown, to members and observers alike', async () => {
    const get = (route: string, headers: Record<string, string>) => fetch(session.running.url + route, { headers });
    const observer = { [WATCH_KEY_HEADER]: session.seed.watchKey };
    const register = (await (await get(HTTP_ROUTES.casesJson, observer)).json()) as CaseRegister;
    const cookie = await redeem(session.running.url, session.seed.memberInvites[0]!, 'Ines');
    const asMember = (await (await get(HTTP_ROUTES.casesJson, { cookie })).json()) as CaseRegister;
    expect({ ...asMember, exportedAt: '' }).toEqual({ ...register, exportedAt: '' });
    expect(register.cases.map((c) => [c.number, c.status])).toEqual([
      [1, 'decided'],
      [2, 'decided'],
      [3, 'dismissed'],
    ]);
    const [first] = register.cases;
    expect(first).toMatchObject({
      respondent: { role: 'Director of Housing', name: 'Pat Example' },
      standards: [
        { id: honesty, title: 'Tell the truth' },
        { id: openness, title: 'Be open' },
      ],
      summary: 'Misled the council about the budget',
      reply: { text: 'I was given wrong figures by the treasurer.' },
      reasoning: 'The figures were known to be false\\.',
      decision: { outcome: 'Public apology', breachFound: true, ballots: 3, eligible: 3 },
      votes: [{ decided: true }],
    });
    // The public record names a moderator by role and name (`namedInPublic`).
    expect(first!.openedBy).toBe('moderator Mo');
    expect(first!.dates.deliberating).toEqual(expect.any(String));
    expect(register.cases[1]!.votes[0]!.explanation).toMatch(/^No quorum/);
    expect(JSON.stringify(register)).not.toContain(SECRET_REASON);

    const markdown = await (await get(HTTP_ROUTES.casesMarkdown, observer)).text();
    expect(markdown).toContain('## Case 1: Director of Housing (Pat Example) (decided)');
    expect(markdown).toContain('**Public apology**');
    expect(markdown).toContain('<https://example.org/minutes?meeting=12>');
    expect(markdown).toContain('### Votes that decided nothing');
    expect(markdown).toContain('The complaint was withdrawn');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).toContain('\\*nothing\\*');
    expect(markdown).not.toContain(SECRET_REASON);

    // The public audit log names each case and shows its moves and outcome, never a ballot.
    const audit = (await (await get(HTTP_ROUTES.auditJson, observer)).json()) as AuditExport;
    const caseEntries = audit.entries.filter((e) => e.action.startsWith('case.'));
    expect(caseEntries.find((e) => e.action === 'case.decided')).toMatchObject({
      subject: 'Case 1: Director of Housing',
      detail: { outcome: 'Public apology', breachFound: true },
    });
    expect(caseEntries.find((e) => e.action === 'case.dismissed')).toMatchObject({
      subject: 'Case 3: Director of Housing',
      detail: { from: 'hearing', reason: 'The complaint was withdrawn' },
    });
    expect(caseEntries.find((e) => e.action === 'case.opened')?.actor).toBe('moderator Mo');
    expect(JSON.stringify(audit)).not.toContain(SECRET_REASON);

    expect((await get(HTTP_ROUTES.casesJson, {})).status).toBe(401);
    expect((await get(HTTP_ROUTES.casesMarkdown, { [WATCH_KEY_HEADER]: 'nope' })).status).toBe(401);
  });

  // Last: it adds cases, and the tests above count them.
  it('takes evidence found after opening until deliberation starts, up to the limit', async () => {
    const caseId = await openCase([openness], 'Late evidence');
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    const later = { description: 'A recording of the meeting', link: 'https://example.org/recording' };
    acked(await mod.emitWithAck('case:addEvidence', { caseId, evidence: later }));
    await vi.waitFor(() => expect(caseOf(observed, caseId)?.evidence).toHaveLength(2));
    expect(caseOf(observed, caseId)!.evidence[1]).toEqual(later);
    await refused(
      mod.emitWithAck('case:addEvidence', { caseId, evidence: { description: 'x', link: 'javascript:alert(1)' } }),
      'bad_request',
    );
    await refused(members[0]!.emitWithAck('case:addEvidence', { caseId, evidence: later }), 'forbidden');
    // Up to the limit, and no further.
    for (let n = 2; n < LIMITS.maxCaseEvidence; n++) {
      acked(await mod.emitWithAck('case:addEvidence', { caseId, evidence: { description: `Item ${n + 1}` } }));
    }
    await refused(
      mod.emitWithAck('case:addEvidence', { caseId, evidence: { description: 'One too many' } }),
      'limit_reached',
      undefined,
      { key: 'case.evidenceFull', params: { max: LIMITS.maxCaseEvidence } },
    );
    const deliberating = await openCase([openness], 'Closed to evidence');
    acked(await mod.emitWithAck('case:advance', { caseId: deliberating, to: 'hearing' }));
    acked(await mod.emitWithAck('case:advance', { caseId: deliberating, to: 'deliberating' }));
    await refused(
      mod.emitWithAck('case:addEvidence', { caseId: deliberating, evidence: later }),
      'bad_request',
      /deliberat/,
      { key: 'case.evidenceClosed' },
    );
    await refused(mod.emitWithAck('case:addEvidence', { caseId: randomUUID(), evidence: later }), 'not_found');
    expect((await audit(caseId)).filter((action) => action === 'case.evidence_added')).toHaveLength(
      LIMITS.maxCaseEvidence - 1,
    );
  });

  it('puts a case in progress on the agenda; not a closed one, nor one of another assembly', async () => {
    const caseId = await openCase([openness], 'On the agenda');
    const seen = followSession(watcher);
    const item = { sessionId: session.sessionId, title: 'Hear case', kind: 'deliberate' as const, plannedMinutes: 20 };
    const { itemId } = acked(await mod.emitWithAck('agenda:add', { ...item, caseId }));
    await vi.waitFor(() =>
      expect(seen.state?.agenda.find((i) => i.id === itemId)).toMatchObject({ title: 'Hear case', caseId }),
    );
    // Without one, an item is about no case.
    const { itemId: plain } = acked(await mod.emitWithAck('agenda:add', item));
    const [row] = await session.running.db.query<{ case_id: string | null }>(
      'SELECT case_id FROM agenda_items WHERE id = $1',
      [plain],
    );
    expect(row!.case_id).toBeNull();
    // The minutes say which case an item was about.
    const minutes = await fetch(session.running.url + minutesPath('json', session.sessionId), {
      headers: { [WATCH_KEY_HEADER]: session.seed.watchKey },
    }).then((r) => r.json() as Promise<MinutesExport>);
    const number = caseOf(observed, caseId)!.number;
    expect(minutes.agenda.filter((i) => i.title === 'Hear case').map((i) => i.caseNumber)).toEqual([number, null]);
    const markdown = await fetch(session.running.url + minutesPath('md', session.sessionId), {
      headers: { [WATCH_KEY_HEADER]: session.seed.watchKey },
    }).then((r) => r.text());
    expect(markdown).toContain(`Hear case (deliberate, about case ${number})`);
    acked(await mod.emitWithAck('case:dismiss', { caseId, reason: 'Withdrawn' }));
    await refused(mod.emitWithAck('agenda:add', { ...item, caseId }), 'bad_request', /dismissed/);
    await refused(mod.emitWithAck('agenda:add', { ...item, caseId: randomUUID() }), 'not_found');
  });
});
