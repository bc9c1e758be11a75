import { SUPPORT_SCALE, type ReportExport, type ReportStandard } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import { caseRegisterMarkdown } from '../exports/caseRegister.ts';
import { down, HEADINGS } from '../exports/headings.ts';
import { count, readableTime } from '../exports/words.ts';

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
const paragraphs = (text: string, empty: string) =>
  text.trim() === '' ? [`_${empty}_`, ''] : text.split(/\n{2,}/).flatMap((p) => [e(p.trim()), '']);

const SCALE_WORDS: Record<(typeof SUPPORT_SCALE)[number], string> = {
  strongly_agree: 'Strongly agree',
  agree: 'Agree',
  neither: 'Neither',
  disagree: 'Disagree',
  strongly_disagree: 'Strongly disagree',
};
const READINGS = {
  too_few: 'too few marks to say',
  agreement: 'broad agreement',
  division: 'divides opinion groups',
  disagreement: 'broad disagreement',
  mixed: 'mixed',
} as const;
const PARTS = { standard: 'the standard', ladder: 'its consequences' } as const;

/** A heading's anchor as Markdown renderers make it (no raw HTML anchors: the export carries no HTML). */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

/** The report's parts, in order, with their anchors (the print page's too): the contents and the headings agree. */
export const REPORT_PARTS = [
  ['participation', 'Who took part'],
  ['programme', 'Programme'],
  ['evidence', 'Evidence heard'],
  ['final-ballot', 'Final ballot'],
  ['standards', 'Standards'],
  ['ladders', 'Consequence ladders'],
  ['cases', 'Register of breach cases'],
  ['statements', 'Members’ statements'],
] as const;

/**
 * The report in Markdown, in English (the print page words it in the reader's language). Every
 * chart of the print page is a table here: the exact counts are the text alternative.
 */
export function reportMarkdown(report: ReportExport): string {
  const { assembly } = report;
  const lines = [HEADINGS.report(e(assembly.title)), '', `> ${e(assembly.charge)}`, ''];
  if (assembly.commissionedBy) lines.push(`Commissioned by ${e(assembly.commissionedBy)}.`, '');
  if (assembly.startsOn || assembly.endsOn)
    lines.push(`Met from ${assembly.startsOn ?? '?'} to ${assembly.endsOn ?? '?'}.`, '');
  if (assembly.description) lines.push(...paragraphs(assembly.description, ''));
  lines.push(`Built from the record ${readableTime(report.exportedAt)}.`, '', HEADINGS.reportContents, '');
  REPORT_PARTS.forEach(([, title], i) => lines.push(`${i + 1}. [${title}](#${slug(`${i + 1}. ${title}`)})`));
  lines.push('');
  const part = (anchor: (typeof REPORT_PARTS)[number][0]) => {
    const i = REPORT_PARTS.findIndex(([a]) => a === anchor);
    lines.push(HEADINGS.reportPart(i + 1, REPORT_PARTS[i]![1]), '');
  };

  part('participation');
  const { participation } = report;
  if (participation.categories.length === 0) lines.push('_The organisers published no figures._', '');
  for (const c of participation.categories) {
    lines.push(HEADINGS.reportCategory(e(c.category)), '');
    lines.push(
      ...table(
        ['Value', 'Members'],
        c.values.map((v) => [cell(v.value), v.count ?? `fewer than ${participation.minimum}`]),
      ),
    );
  }

  part('programme');
  if (report.programme.sittings.length === 0) lines.push('_No sittings._', '');
  for (const s of report.programme.sittings) {
    const when = s.startsAt ? ` (${readableTime(s.startsAt)})` : '';
    lines.push(HEADINGS.reportSitting(e(s.title), when, s.cancelled), '');
    for (const item of s.agenda) lines.push(`- ${e(item.title)} (${item.expert ? 'expert session' : item.kind})`);
    if (s.agenda.length > 0) lines.push('');
  }

  part('evidence');
  if (report.evidence.length === 0) lines.push('_No evidence in the library._', '');
  for (const entry of report.evidence) {
    lines.push(HEADINGS.reportEvidence(entry.number, e(entry.title), entry.kind, entry.balance), '');
    const who = [entry.speaker, entry.affiliation].filter(Boolean).map(e).join(', ');
    if (who) lines.push(`By ${who}.`, '');
    if (entry.interests) lines.push(`Interests declared: ${e(entry.interests)}`, '');
    lines.push(...paragraphs(entry.summary, 'No summary.'));
    for (const link of entry.links) lines.push(`- <${link}>`);
    if (entry.links.length > 0) lines.push('');
  }

  part('final-ballot');
  const ballot = report.finalBallot;
  if (!ballot) lines.push('_No final ballot was held._', '');
  else if (!ballot.result) lines.push('_The final ballot is open: results appear when it closes._', '');
  else {
    lines.push(e(ballot.result.explanation), '');
    lines.push(
      ...table(
        ['Recommendation', ...SUPPORT_SCALE.map((a) => SCALE_WORDS[a]), 'Support', 'Outcome'],
        ballot.recommendations.map((r) => [
          `${r.number}. ${cell(r.title)}: ${PARTS[r.part]}`,
          ...SUPPORT_SCALE.map((_, a) => r.counts[a] ?? 0),
          `${r.supporting} of ${r.base} (${r.percent}%)`,
          r.supported ? 'Supported' : 'Not supported',
        ]),
      ),
    );
  }

  part('standards');
  if (report.standards.length === 0) lines.push('_The charter has no standards._', '');
  for (const s of report.standards) lines.push(...standardMarkdown(s));

  part('ladders');
  const laddered = report.standards.filter((s) => s.ladder.length > 0);
  if (laddered.length === 0) lines.push('_No standard has a consequence ladder._', '');
  for (const s of laddered)
    lines.push(
      HEADINGS.reportLadder(s.position, e(s.title)),
      '',
      ...s.ladder.map((step, n) => `${n + 1}. ${e(step)}`),
      '',
    );

  part('cases');
  // The register's own Markdown, its headings one level down, without its title and charge.
  const register = caseRegisterMarkdown({
    assembly: report.assembly,
    exportedAt: report.exportedAt,
    cases: report.cases,
  });
  const body = register.split('\n');
  const first = body.findIndex((l) => /^## /.test(l) || l === '_No cases._');
  lines.push(...body.slice(first).map((l) => (/^#{2,5} /.test(l) ? down(l) : l)));

  part('statements');
  if (report.statements.length === 0) lines.push('_No member wrote a statement._', '');
  for (const st of report.statements)
    lines.push(HEADINGS.reportStatement(e(st.author)), '', ...paragraphs(st.text, ''));
  return lines.join('\n');
}

function standardMarkdown(s: ReportStandard): string[] {
  const lines = [down(HEADINGS.standard(s.position, e(s.title), s.status)), '', ...paragraphs(s.text, 'No text yet.')];
  if (s.easyRead) lines.push(down(HEADINGS.standardEasyRead), '', ...paragraphs(s.easyRead, ''));
  lines.push(down(HEADINGS.standardBreach), '', ...paragraphs(s.breach, 'Not yet described.'));
  if (s.ladder.length > 0)
    lines.push(down(HEADINGS.standardLadder), '', ...s.ladder.map((step, n) => `${n + 1}. ${e(step)}`), '');
  if (s.consensus) {
    const c = s.consensus;
    lines.push(
      down(HEADINGS.standardConsensus),
      '',
      `${count(c.members, 'member', 'members')} marked its paragraphs, in ${count(c.groups, 'opinion group', 'opinion groups')}. Bridging is high only when every group agrees.`,
      '',
      ...table(
        ['Paragraph', 'Agree', 'Disagree', 'Pass', 'Bridging', 'Reading'],
        c.paragraphs.map((p) => [
          cell(p.opening),
          p.agree,
          p.disagree,
          p.pass,
          p.bridging.toFixed(2),
          READINGS[p.reading],
        ]),
      ),
    );
  }
  if (s.votes.length > 0)
    lines.push(
      down(HEADINGS.standardVotes),
      '',
      ...s.votes.map((v) => `- ${e(v.question)}: ${e(v.explanation ?? 'open')}`),
      '',
    );
  for (const a of s.amendments)
    lines.push(
      down(HEADINGS.amendment(a.number, a.status)),
      '',
      ...paragraphs(a.text, ''),
      a.vote ? `Vote: ${e(a.vote.explanation ?? 'open')}` : '_Not put to a vote._',
      '',
    );
  for (const r of s.minorityReports)
    lines.push(
      down(HEADINGS.minorityReport),
      '',
      ...paragraphs(r.text, ''),
      `Signed by ${count(r.signatures, 'member', 'members')}.`,
      '',
    );
  return lines;
}
