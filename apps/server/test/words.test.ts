import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  HTTP_ROUTES,
  isPhrase,
  markdownIn,
  minutesPath,
  NO_BREACH_FOUND,
  passportPath,
  TALLY_ENGLISH,
  WATCH_KEY_HEADER,
  type CaseRegister,
  type CharterExport,
  type MinutesExport,
  type PassportExport,
  type Phrase,
  type ReportExport,
  type VoteCodes,
  type VoteView,
} from '@moot/protocol';
import { setStandardStatus } from '../src/features/charter/charterStore.ts';
import { ACTION_LABELS } from '../src/features/exports/auditLabels.ts';
import { HEADINGS } from '../src/features/exports/headings.ts';
import { REPORT_ENGLISH } from '../src/features/report/reportWords.ts';
import { acked, connectWatcher, startSession, type AssemblyInSession, type WatcherSocket } from './support/harness.ts';

/**
 * Nothing the server writes for people reaches a page as an English sentence: it comes as a code
 * with parameters (`Phrase`, `ProtocolError.reason`) that the page words in its reader's
 * language. Everything the people in this assembly type is Welsh, so every string in every
 * payload a member and an observer receive is either theirs, a token (an id, a status, a date),
 * or English the server wrote. The last must sit beside its code (`explanation` beside
 * `because`, `question` beside `questionPhrase`); any other English in a payload fails here.
 */
const ENGLISH =
  /\b(the|of|was|were|is|are|not|and|with|from|passed|failed|votes?|ballots?|case|opened|quorum|what|adopt|amend|found|breach|winner|round|agree)\b/i;

/** Where the server keeps its English sentence beside the code a page words instead. */
const BESIDE_ITS_CODE: Record<string, string> = { explanation: 'because', question: 'questionPhrase' };

/** The English the seed types (`seedAssembly`): the assembly's own words, not the server's. */
const SEEDED = new Set(['Test assembly', 'What should leaders do?']);

interface Found {
  path: string;
  text: string;
}

function englishIn(value: unknown, path: string, parent: Record<string, unknown> | null, found: Found[]): void {
  if (typeof value === 'string') {
    const field = path.split('.').at(-1)!;
    const companion = BESIDE_ITS_CODE[field];
    if (companion && parent && parent[companion] != null) return;
    if (value === NO_BREACH_FOUND) return; // a constant every page words (`words.noBreachFound`)
    // A token (an id, a document id "case:…", a status) has no space; a sentence has.
    if (!/\s/.test(value) || SEEDED.has(value) || !ENGLISH.test(value)) return;
    if (!found.some((f) => f.path === path && f.text === value)) found.push({ path, text: value });
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => englishIn(v, `${path}.${i}`, null, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A phrase's parameters are the assembly's own texts and numbers: worded around, never translated.
    if (typeof record['key'] === 'string' && isPhrase(record as unknown as Phrase)) return;
    for (const [k, v] of Object.entries(record)) englishIn(v, path ? `${path}.${k}` : k, record, found);
  }
}

describe('server-authored words reach pages as codes', () => {
  let session: AssemblyInSession;
  let watcher: WatcherSocket;
  const received: { who: string; event: string; payload: unknown }[] = [];
  let votes: VoteView[] = [];
  let standardId = '';

  beforeAll(async () => {
    session = await startSession({ names: ['Ifan', 'Siân', 'Elin'], title: 'Sesiwn gyntaf', start: true });
    watcher = (
      await connectWatcher(session.running.url, session.seed.watchKey, (s) =>
        s.onAny((event: string, payload: unknown) => received.push({ who: 'observer', event, payload })),
      )
    ).socket;
    session.members[0]!.onAny((event: string, payload: unknown) => received.push({ who: 'member', event, payload }));
    session.members[0]!.on('votes:state', (u) => (votes = u.votes));
  }, 180_000);
  afterAll(async () => {
    watcher?.disconnect();
    await session?.close();
  });

  it('sends a tally, a case outcome and the questions it wrote as codes, in no English sentence', async () => {
    const { mod, members, running, seed } = session;
    const standard = acked(await mod.emitWithAck('standard:add', { title: 'Dweud y gwir' }));
    standardId = standard.id;
    acked(
      await mod.emitWithAck('standard:setLadder', { standardId: standard.id, steps: ['Cyngor', 'Rhybudd ffurfiol'] }),
    );
    acked(await mod.emitWithAck('standard:lock', { standardId: standard.id }));
    // An adoption vote (the server writes its question) decided by the members.
    const adopt = acked(
      await mod.emitWithAck('vote:open', {
        subject: { kind: 'adopt_standard', standardId: standard.id },
        rules: { method: 'yes_no', threshold: { kind: 'simple' }, abstentionsCount: false },
      }),
    );
    for (const m of members)
      acked(
        await m.emitWithAck('vote:cast', {
          voteId: adopt.voteId,
          ballotId: randomUUID(),
          choice: { method: 'yes_no', choice: 'yes' },
        }),
      );
    acked(await mod.emitWithAck('vote:close', { voteId: adopt.voteId }));
    await running.db.transaction((tx) =>
      setStandardStatus(tx, seed.assemblyId, standard.id, ['locked', 'adopted'], 'adopted'),
    );

    const { caseId } = acked(
      await mod.emitWithAck('case:open', {
        respondent: { role: 'Cyfarwyddwr Tai', name: 'Dafydd' },
        standardIds: [standard.id],
        summary: 'Camarwain y cyngor am y gyllideb',
      }),
    );
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'hearing' }));
    acked(await mod.emitWithAck('case:advance', { caseId, to: 'deliberating' }));
    const consequence = acked(await mod.emitWithAck('case:openVote', { caseId, quorumShare: 0.5 }));
    for (const [i, m] of members.entries())
      acked(
        await m.emitWithAck('vote:cast', {
          voteId: consequence.voteId,
          ballotId: randomUUID(),
          choice: { method: 'ranked', ranking: i === 0 ? [1] : [0, 1] },
        }),
      );
    acked(await mod.emitWithAck('vote:close', { voteId: consequence.voteId }));

    await vi.waitFor(() => {
      expect(votes.filter((v) => v.status === 'closed')).toHaveLength(2);
      expect(received.some((r) => r.who === 'observer' && JSON.stringify(r.payload).includes('"decided"'))).toBe(true);
    });
    // The codes are there, and every one has English words on the server (and so on the web: i18n.test).
    for (const vote of votes) {
      expect(vote.questionPhrase?.key).toMatch(/^question\./);
      expect(vote.result?.because?.length).toBeGreaterThan(0);
      for (const p of vote.result!.because!) expect(Object.keys(TALLY_ENGLISH)).toContain(p.key);
    }

    const found: Found[] = [];
    for (const { who, event, payload } of received) englishIn(payload, `${who}:${event}`, null, found);
    expect(found).toEqual([]);
  });

  it('carries the same codes in the JSON exports the record’s pages read, beside their English', async () => {
    const { running, seed, sessionId } = session;
    const read = async <T>(route: string): Promise<T> => {
      const res = await fetch(running.url + route, { headers: { [WATCH_KEY_HEADER]: seed.watchKey } });
      expect(res.status, route).toBe(200);
      return (await res.json()) as T;
    };
    const [minutes, charter, report, register, passport] = await Promise.all([
      read<MinutesExport>(minutesPath('json', sessionId)),
      read<CharterExport>(HTTP_ROUTES.charterJson),
      read<ReportExport>(HTTP_ROUTES.reportJson),
      read<CaseRegister>(HTTP_ROUTES.casesJson),
      read<PassportExport>(passportPath(standardId)),
    ]);
    // The votes of the story above, as each export records them (the minutes: both; the rest: the adoption).
    const recorded: Record<string, VoteCodes[]> = {
      minutes: minutes.votes,
      charter: charter.standards.flatMap((s) => s.votes),
      report: report.standards.flatMap((s) => s.votes),
      passport: passport.passport.votes,
    };
    expect(recorded['minutes']).toHaveLength(2);
    for (const [name, entries] of Object.entries(recorded)) {
      expect(entries.length, name).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.questionPhrase?.key, name).toMatch(/^question\./);
        expect(entry.because?.length, name).toBeGreaterThan(0);
      }
    }
    const decisions = [...register.cases, ...report.cases].map((c) => c.decision);
    for (const decision of decisions) expect(decision?.because?.length).toBeGreaterThan(0);
    const caseVotes = [...register.cases, ...report.cases].flatMap((c) => c.votes);
    for (const vote of caseVotes) expect(vote.because?.length).toBeGreaterThan(0);

    // Their English sits beside its code, as in the live payloads.
    const found: Found[] = [];
    for (const [name, entries] of Object.entries(recorded)) englishIn(entries, name, null, found);
    englishIn(decisions, 'cases.decision', null, found);
    englishIn(caseVotes, 'cases.votes', null, found);
    expect(found).toEqual([]);
  });

  it('writes the charter, the minutes, the case register, the tracker, the report and the audit log in Welsh when asked (?lang=cy), and in today’s English otherwise', async () => {
    const { running, seed, sessionId } = session;
    const download = async (route: string) => {
      const res = await fetch(running.url + route, { headers: { [WATCH_KEY_HEADER]: seed.watchKey } });
      return { status: res.status, text: await res.text() };
    };
    const routes = {
      charter: HTTP_ROUTES.charterMarkdown,
      minutes: minutesPath('md', sessionId),
      cases: HTTP_ROUTES.casesMarkdown,
      tracker: HTTP_ROUTES.trackerMarkdown,
      report: HTTP_ROUTES.reportMarkdown,
      audit: HTTP_ROUTES.auditMarkdown,
    };
    // A heading each has, in English and in Welsh.
    const headings: Record<string, [RegExp, RegExp]> = {
      charter: [/^### Votes$/m, /^### Pleidleisiau$/m],
      minutes: [/^## Votes$/m, /^## Pleidleisiau$/m],
      cases: [/^### Decision$/m, /^### Penderfyniad$/m],
      tracker: [/^# Responses and progress: /m, /^# Ymatebion a chynnydd: /m],
      report: [/^## 1\. Who took part$/m, /^## 1\. Pwy gymerodd ran$/m],
      audit: [/: audit log$/m, /: log archwilio$/m],
    };
    // The time of the download is a minute's reading; everything else is the same bytes.
    const sameMinute = (text: string) =>
      text.replace(/^Exported .*$/m, 'Exported …').replace(/^Built from the record .*$/m, 'Built from the record …');
    for (const [name, route] of Object.entries(routes)) {
      const [plain, english, welsh] = await Promise.all([
        download(route),
        download(markdownIn(route, 'en')),
        download(markdownIn(route, 'cy')),
      ]);
      expect([plain.status, english.status, welsh.status], name).toEqual([200, 200, 200]);
      expect(sameMinute(english.text), name).toBe(sameMinute(plain.text));
      expect(plain.text, name).toMatch(headings[name]![0]);
      expect(welsh.text, name).toMatch(headings[name]![1]);
      // Every line the server wrote is Welsh: the assembly's own English (the seed and its first standard) aside.
      const english_ = welsh.text
        .split('\n')
        .map((line) => [...SEEDED, 'Honesty'].reduce((rest, own) => rest.replaceAll(own, ''), line))
        .filter((line) => ENGLISH.test(line));
      expect(english_, name).toEqual([]);
    }
    const charter = (await download(markdownIn(routes.charter, 'cy'))).text;
    expect(charter).toContain('Mabwysiadu “Dweud y gwir”?');
    expect(charter).toContain('### Hanes');
    expect(charter).toMatch(/- wedi’i mabwysiadu: \d+ [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC/);
    const minutes = (await download(markdownIn(routes.minutes, 'cy'))).text;
    expect(minutes).toContain('Achos 1 \\(Cyfarwyddwr Tai\\): pa ganlyniad?'); // escaped, as all the Markdown
    expect(minutes).toContain('“Dim achos o dorri safon” sy’n ennill');
    expect(minutes).toContain('## Achosion o dorri safon');

    const register = (await download(markdownIn(routes.cases, 'cy'))).text;
    expect(register).toContain('# Cofrestr achosion: ');
    expect(register).toContain('**Dim achos o dorri safon**');

    const report = (await download(markdownIn(routes.report, 'cy'))).text;
    expect(report).toContain('1. [Pwy gymerodd ran](#1-pwy-gymerodd-ran)');
    expect(report).toContain('- Mabwysiadu “Dweud y gwir”?: Pasiwyd'); // a standard's vote, worded from its codes
    expect(report).toContain('#### Penderfyniad'); // the register inside it, one level down, in Welsh too
    expect(report).toMatch(/- Agorwyd \S+ gan y cymedrolwr /); // …its moderator by the Welsh role word
    // No label, sentence or heading of the English report is left in the Welsh one.
    const englishOf = (table: object): string[] =>
      Object.values(table).flatMap((v) =>
        typeof v === 'string' ? [v] : v && typeof v === 'object' ? englishOf(v) : [],
      );
    const reportEnglish = [...englishOf(REPORT_ENGLISH), ...englishOf(HEADINGS)].filter((label) => label.length > 3);
    expect(reportEnglish.length).toBeGreaterThan(40);
    expect(reportEnglish.filter((label) => report.includes(label))).toEqual([]);

    const audit = (await download(markdownIn(routes.audit, 'cy'))).text;
    expect(audit).toMatch(
      / · y cymedrolwr \S+ · Agorodd bleidlais — Mabwysiadu “Dweud y gwir”\? \(cwestiwn: Mabwysiadu/,
    );
    expect(audit).toContain(' — Achos 1: Cyfarwyddwr Tai');
    expect(audit).toMatch(/^Cofnodion: \d+\. Hash y pen \(SHA-256\): /m);
    const auditEnglish = Object.values(ACTION_LABELS).filter((label) => audit.includes(label));
    expect(auditEnglish).toEqual([]);

    const unknown = await download(`${routes.charter}?lang=fr`);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).error.message).toMatch(/\?lang=en or \?lang=cy/);
  });
});
