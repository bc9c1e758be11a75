import {
  easyReadDocId,
  type AssemblyView,
  type CharterExport,
  type CharterVote,
  type ConsensusSummary,
  type MarkdownLanguage,
  type VoteView,
} from '@moot/protocol';
import { fragmentToPlainText } from '../../collab/documentPlainText.ts';
import { escapeMarkdown, fragmentToMarkdown } from '../../collab/documentText.ts';
import { listMilestones, loadDocument, replay } from '../../collab/documentStore.ts';
import type { Queryable } from '../../storage/database.ts';
import { listCharter } from '../charter/charterStore.ts';
import { listAmendments } from '../amendments/amendmentStore.ts';
import { readMaps } from '../consensus/markStore.ts';
import { consensusSummary } from '../consensus/consensusSummary.ts';
import { wordPhrase, wordPhrases } from '../votes/phraseWords.ts';
import { voteCodes } from '../votes/voteCodes.ts';
import { listVotes } from '../votes/voteStore.ts';
import { amendmentName, amendmentNumbers, type NumberedAmendment } from './amendmentNumbers.ts';
import { countIn, readableTime, wordingIn, type Wording } from './words.ts';

/**
 * The export, and each standard's fields as Markdown for the .md (the JSON carries plain text),
 * with its milestones as saved (a code, or the amendment that made it) to word in any language.
 */
export interface CharterRecord {
  charter: CharterExport;
  markdown: {
    text: string;
    breach: string;
    easyRead: string;
    history: { milestone: string; amendment: NumberedAmendment | null }[];
  }[];
}

const AMENDED = /^amended by amendment ([0-9a-f-]{36})$/;

/**
 * The charter as a record anyone may keep: each standard's status, its text and "what a breach
 * looks like" as stored (from the database, not a node's memory), its easy-read version, its
 * ladder, its history of milestones, its votes and its amendments with theirs, and its consensus
 * map as last computed (the report's). Secret ballots stay secret: only results and counts.
 */
export async function exportCharter(db: Queryable, assembly: AssemblyView): Promise<CharterRecord> {
  const [standards, votes, { dissents }, numbered, maps] = await Promise.all([
    listCharter(db, assembly.id),
    listVotes(db, assembly.id),
    listAmendments(db, assembly.id, 'observer'),
    amendmentNumbers(db, assembly.id),
    readMaps(db, assembly.id),
  ]);
  const mapOf = new Map(maps.map((m) => [m.standardId, m]));
  const voteById = new Map(votes.map((v) => [v.id, v]));
  const charterVote = (v: VoteView): CharterVote => ({
    question: v.question,
    method: v.rules.method,
    status: v.status,
    passed: v.result?.passed ?? null,
    explanation: v.result?.explanation ?? null,
    ...voteCodes(v),
    counts: v.result?.counts ?? null,
  });
  // A milestone names its amendment by id; the record names it by number and first words.
  const amendmentOf = (label: string) => numbered.get(AMENDED.exec(label)?.[1] ?? '') ?? null;
  const historyLabel = (label: string) => {
    const amendment = amendmentOf(label);
    return amendment ? `amended by ${amendmentName(amendment)}` : label;
  };
  const markdown: CharterRecord['markdown'] = [];
  const exported = await Promise.all(
    standards.map(async (standard, i) => {
      const stored = await loadDocument(db, standard.docId);
      const doc = replay(stored.snapshot, stored.updates);
      const easyStored = await loadDocument(db, easyReadDocId(standard.id));
      const easy = replay(easyStored.snapshot, easyStored.updates);
      try {
        const fields = {
          text: doc.getXmlFragment('text'),
          breach: doc.getXmlFragment('breach'),
          easyRead: easy.getXmlFragment('text'),
        };
        const milestones = await listMilestones(db, standard.docId);
        markdown[i] = {
          text: fragmentToMarkdown(fields.text),
          breach: fragmentToMarkdown(fields.breach),
          easyRead: fragmentToMarkdown(fields.easyRead),
          history: milestones.map((m) => ({ milestone: m.label, amendment: amendmentOf(m.label) })),
        };
        return {
          position: standard.position + 1,
          title: standard.title,
          status: standard.status,
          text: fragmentToPlainText(fields.text),
          breach: fragmentToPlainText(fields.breach),
          easyRead: fragmentToPlainText(fields.easyRead),
          ladder: standard.ladder,
          history: milestones.map((m) => ({
            label: historyLabel(m.label),
            at: m.createdAt.toISOString(),
          })),
          votes: votes.filter((v) => v.standardId === standard.id).map(charterVote),
          amendments: [...numbered.values()]
            .filter((a) => a.standardId === standard.id)
            .map((a) => {
              const vote = a.voteId ? voteById.get(a.voteId) : undefined;
              return { number: a.number, text: a.text, status: a.status, vote: vote ? charterVote(vote) : null };
            }),
          minorityReports: dissents
            .filter((d) => d.standardId === standard.id)
            .map((d) => ({ text: d.text, signatures: d.signatories.length })),
          consensus: consensusSummary(mapOf.get(standard.id)),
        };
      } finally {
        doc.destroy();
        easy.destroy();
      }
    }),
  );
  return {
    charter: {
      assembly: { title: assembly.title, charge: assembly.charge },
      exportedAt: new Date().toISOString(),
      standards: exported,
    },
    markdown,
  };
}

/**
 * A vote's line: question, method in words, result and counts (never a ballot). In English the
 * sentences the server stored; in another language worded from their codes (a vote recorded
 * before it had codes keeps its English).
 */
function voteLine(v: CharterVote, { language, words }: Wording): string {
  const e = escapeMarkdown;
  const method = words.methods[v.method] ?? v.method;
  const counts = v.counts
    ? ` (${Object.entries(v.counts)
        .map(([choice, n]) => `${e(words.choices[choice] ?? choice)}: ${n}`)
        .join(', ')})`
    : '';
  const question = language !== 'en' && v.questionPhrase ? wordPhrase(v.questionPhrase, language) : v.question;
  const result = language !== 'en' && v.because?.length ? wordPhrases(v.because, language) : v.explanation;
  return `${e(question)} (${e(method)}) — ${e(result ?? words.open)}${counts}`;
}

/** A standard's consensus map: who marked, in how many groups, and a row per paragraph (its opening escaped). */
function consensusLines(c: ConsensusSummary, { language, words }: Wording): string[] {
  const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    words.consensusMarked(countIn(c.members, words.member, language), countIn(c.groups, words.opinionGroup, language)),
    '',
    row(words.consensusColumns),
    row(words.consensusColumns.map(() => '---')),
    ...c.paragraphs.map((p) =>
      row([
        escapeMarkdown(p.opening.replace(/\s+/g, ' ').trim()),
        p.agree,
        p.disagree,
        p.pass,
        p.bridging.toFixed(2),
        words.readings[p.reading],
      ]),
    ),
  ];
}

/** The same record as Markdown, for reading and printing, in the language asked for; everything typed by people is escaped. */
export function charterMarkdown({ charter, markdown }: CharterRecord, language: MarkdownLanguage = 'en'): string {
  const e = escapeMarkdown;
  const wording = wordingIn(language);
  const { headings: HEADINGS, words } = wording;
  const members = (n: number) => countIn(n, words.member, language);
  const milestone = ({ milestone, amendment }: CharterRecord['markdown'][number]['history'][number]) =>
    amendment ? words.amendedBy(amendmentName(amendment, words)) : (words.milestones[milestone] ?? milestone);
  const lines = [
    HEADINGS.charter(e(charter.assembly.title)),
    '',
    `> ${e(charter.assembly.charge)}`,
    '',
    words.exported(readableTime(charter.exportedAt, language)),
    '',
  ];
  charter.standards.forEach((s, i) => {
    const md = markdown[i]!;
    const status = words.standardStatus[s.status] ?? s.status;
    lines.push(HEADINGS.standard(s.position, e(s.title), status), '', md.text || words.noText, '');
    lines.push(HEADINGS.standardBreach, '', md.breach || words.notDescribed, '');
    if (md.easyRead) lines.push(HEADINGS.standardEasyRead, '', md.easyRead, '');
    if (s.ladder.length > 0)
      lines.push(HEADINGS.standardLadder, '', ...s.ladder.map((step, n) => `${n + 1}. ${e(step)}`), '');
    if (s.consensus) lines.push(HEADINGS.standardConsensus, '', ...consensusLines(s.consensus, wording), '');
    if (s.history.length > 0)
      lines.push(
        HEADINGS.standardHistory,
        '',
        ...s.history.map(
          (h, n) => `- ${e(md.history[n] ? milestone(md.history[n]) : h.label)}: ${readableTime(h.at, language)}`,
        ),
        '',
      );
    if (s.votes.length > 0)
      lines.push(HEADINGS.standardVotes, '', ...s.votes.map((v) => `- ${voteLine(v, wording)}`), '');
    for (const a of s.amendments) {
      lines.push(
        HEADINGS.amendment(a.number, words.amendmentStatus[a.status] ?? a.status),
        '',
        ...e(a.text)
          .split(/\n{2,}/)
          .flatMap((p) => [p, '']),
      );
      lines.push(a.vote ? words.vote(voteLine(a.vote, wording)) : words.notPutToVote, '');
    }
    for (const r of s.minorityReports)
      lines.push(HEADINGS.minorityReport, '', e(r.text), '', words.signedBy(members(r.signatures)), '');
  });
  return lines.join('\n');
}
