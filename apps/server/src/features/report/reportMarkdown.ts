import {
  SUPPORT_SCALE,
  type CharterVote,
  type MarkdownLanguage,
  type Phrase,
  type ReportExport,
  type ReportStandard,
} from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import { caseRegisterMarkdown } from '../exports/caseRegister.ts';
import { down } from '../exports/headings.ts';
import { countIn, readableTime, wordingIn, type Wording } from '../exports/words.ts';
import { wordPhrase, wordPhrases } from '../votes/phraseWords.ts';
import { REPORT_ENGLISH, REPORT_PARTS, type ReportPartAnchor, type ReportWords } from './reportWords.ts';
import { REPORT_WELSH } from './reportWordsWelsh.ts';

const e = escapeMarkdown;
/** A table cell: one line, every character people typed escaped (the pipe included). */
const cell = (text: string) => e(text.replace(/\s+/g, ' ').trim());
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
  '',
];
/** A blank text written as an empty emphasis, as the report always wrote it. */
const BLANK = '__';
/** Text people typed, paragraph by paragraph; `empty` (a whole line, already Markdown) when it is blank. */
const paragraphs = (text: string, empty: string) =>
  text.trim() === '' ? [empty, ''] : text.split(/\n{2,}/).flatMap((p) => [e(p.trim()), '']);

const REPORT_WORDS: Record<MarkdownLanguage, ReportWords> = { en: REPORT_ENGLISH, cy: REPORT_WELSH };
/** The report's own words in a language (what it shares with the other downloads is in their `Wording`). */
export const reportWordsIn = (language: MarkdownLanguage): ReportWords => REPORT_WORDS[language];

/**
 * A sentence the server stored, in the download's language: in English as stored, in another
 * worded from its codes (a vote recorded before it had codes keeps its English).
 */
const tallyIn = (language: MarkdownLanguage, stored: string | null, because: readonly Phrase[] | null | undefined) =>
  language !== 'en' && because?.length ? wordPhrases(because, language) : stored;
const questionIn = (language: MarkdownLanguage, vote: CharterVote) =>
  language !== 'en' && vote.questionPhrase ? wordPhrase(vote.questionPhrase, language) : vote.question;

/** A heading's anchor as Markdown renderers make it (no raw HTML anchors: the export carries no HTML). */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

/**
 * The report in Markdown, in the language asked for (and assembled in: people are named in it),
 * as the print page words it in its reader's. Every chart of the print page is a table here: the
 * exact counts are the text alternative.
 */
export function reportMarkdown(report: ReportExport, language: MarkdownLanguage = 'en'): string {
  const wording = wordingIn(language);
  const { headings, words } = wording;
  const r = reportWordsIn(language);
  const time = (at: string) => readableTime(at, language);
  const { assembly } = report;
  const lines = [headings.report(e(assembly.title)), '', `> ${e(assembly.charge)}`, ''];
  if (assembly.commissionedBy) lines.push(r.commissionedBy(e(assembly.commissionedBy)), '');
  if (assembly.startsOn || assembly.endsOn)
    lines.push(r.met(assembly.startsOn ?? r.unknownDate, assembly.endsOn ?? r.unknownDate), '');
  if (assembly.description) lines.push(...paragraphs(assembly.description, BLANK));
  lines.push(r.builtAt(time(report.exportedAt)), '', headings.reportContents, '');
  REPORT_PARTS.forEach((anchor, i) => {
    const title = r.parts[anchor];
    lines.push(`${i + 1}. [${title}](#${slug(`${i + 1}. ${title}`)})`);
  });
  lines.push('');
  const part = (anchor: ReportPartAnchor) =>
    lines.push(headings.reportPart(REPORT_PARTS.indexOf(anchor) + 1, r.parts[anchor]), '');

  part('participation');
  const { participation } = report;
  if (participation.categories.length === 0) lines.push(r.noFigures, '');
  for (const c of participation.categories) {
    lines.push(headings.reportCategory(e(c.category)), '');
    lines.push(
      ...table(
        [r.value, r.members],
        c.values.map((v) => [cell(v.value), v.count ?? r.fewerThan(participation.minimum)]),
      ),
    );
  }

  part('programme');
  if (report.programme.sittings.length === 0) lines.push(r.noSittings, '');
  for (const s of report.programme.sittings) {
    const when = s.startsAt ? ` (${time(s.startsAt)})` : '';
    lines.push(headings.reportSitting(e(s.title), when, s.cancelled), '');
    for (const item of s.agenda)
      lines.push(`- ${e(item.title)} (${item.expert ? r.expertSession : (words.agendaKind[item.kind] ?? item.kind)})`);
    if (s.agenda.length > 0) lines.push('');
  }

  part('evidence');
  if (report.evidence.length === 0) lines.push(r.noEvidence, '');
  for (const entry of report.evidence) {
    lines.push(
      headings.reportEvidence(entry.number, e(entry.title), r.evidenceKinds[entry.kind], r.balances[entry.balance]),
      '',
    );
    const who = [entry.speaker, entry.affiliation].filter(Boolean).map(e).join(', ');
    if (who) lines.push(r.by(who), '');
    if (entry.interests) lines.push(r.interests(e(entry.interests)), '');
    lines.push(...paragraphs(entry.summary, r.noSummary));
    for (const link of entry.links) lines.push(`- <${link}>`);
    if (entry.links.length > 0) lines.push('');
  }

  part('final-ballot');
  const ballot = report.finalBallot;
  if (!ballot) lines.push(r.noFinalBallot, '');
  else if (!ballot.result) lines.push(r.ballotOpen, '');
  else {
    lines.push(e(tallyIn(language, ballot.result.explanation, ballot.result.because) ?? ''), '');
    lines.push(
      ...table(
        [r.recommendation, ...SUPPORT_SCALE.map((a) => r.scale[a]), r.support, r.outcome],
        ballot.recommendations.map((rec) => [
          `${rec.number}. ${cell(rec.title)}: ${r.recommendationParts[rec.part]}`,
          ...SUPPORT_SCALE.map((_, a) => rec.counts[a] ?? 0),
          r.share(rec.supporting, rec.base, rec.percent),
          rec.supported ? r.supported : r.notSupported,
        ]),
      ),
    );
  }

  part('standards');
  if (report.standards.length === 0) lines.push(r.noStandards, '');
  for (const s of report.standards) lines.push(...standardMarkdown(s, wording, r));

  part('ladders');
  const laddered = report.standards.filter((s) => s.ladder.length > 0);
  if (laddered.length === 0) lines.push(r.noLadders, '');
  for (const s of laddered)
    lines.push(
      headings.reportLadder(s.position, e(s.title)),
      '',
      ...s.ladder.map((step, n) => `${n + 1}. ${e(step)}`),
      '',
    );

  part('cases');
  // The register's own Markdown, its headings one level down, without its title and charge.
  const register = caseRegisterMarkdown(
    { assembly: report.assembly, exportedAt: report.exportedAt, cases: report.cases },
    language,
  );
  const body = register.split('\n');
  const first = body.findIndex((l) => /^## /.test(l) || l === words.noCases);
  lines.push(...body.slice(first).map((l) => (/^#{2,5} /.test(l) ? down(l) : l)));

  part('statements');
  if (report.statements.length === 0) lines.push(r.noStatements, '');
  for (const st of report.statements)
    lines.push(headings.reportStatement(e(st.author)), '', ...paragraphs(st.text, BLANK));
  return lines.join('\n');
}

function standardMarkdown(s: ReportStandard, { language, headings, words }: Wording, r: ReportWords): string[] {
  const status = words.standardStatus[s.status] ?? s.status;
  const lines = [down(headings.standard(s.position, e(s.title), status)), '', ...paragraphs(s.text, words.noText)];
  if (s.easyRead) lines.push(down(headings.standardEasyRead), '', ...paragraphs(s.easyRead, BLANK));
  lines.push(down(headings.standardBreach), '', ...paragraphs(s.breach, words.notDescribed));
  if (s.ladder.length > 0)
    lines.push(down(headings.standardLadder), '', ...s.ladder.map((step, n) => `${n + 1}. ${e(step)}`), '');
  if (s.consensus) {
    const c = s.consensus;
    lines.push(
      down(headings.standardConsensus),
      '',
      r.consensus(countIn(c.members, words.member, language), countIn(c.groups, r.opinionGroup, language)),
      '',
      ...table(
        [r.paragraph, r.agree, r.disagree, r.pass, r.bridging, r.reading],
        c.paragraphs.map((p) => [
          cell(p.opening),
          p.agree,
          p.disagree,
          p.pass,
          p.bridging.toFixed(2),
          r.readings[p.reading],
        ]),
      ),
    );
  }
  if (s.votes.length > 0)
    lines.push(
      down(headings.standardVotes),
      '',
      ...s.votes.map(
        (v) => `- ${e(questionIn(language, v))}: ${e(tallyIn(language, v.explanation, v.because) ?? words.open)}`,
      ),
      '',
    );
  for (const a of s.amendments)
    lines.push(
      down(headings.amendment(a.number, words.amendmentStatus[a.status] ?? a.status)),
      '',
      ...paragraphs(a.text, BLANK),
      a.vote ? words.vote(e(tallyIn(language, a.vote.explanation, a.vote.because) ?? words.open)) : words.notPutToVote,
      '',
    );
  for (const m of s.minorityReports)
    lines.push(
      down(headings.minorityReport),
      '',
      ...paragraphs(m.text, BLANK),
      words.signedBy(countIn(m.signatures, words.member, language)),
      '',
    );
  return lines;
}
