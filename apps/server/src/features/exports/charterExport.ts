import { easyReadDocId, type AssemblyView, type CharterExport, type CharterVote, type VoteView } from '@moot/protocol';
import { fragmentToPlainText } from '../../collab/documentPlainText.ts';
import { escapeMarkdown, fragmentToMarkdown } from '../../collab/documentText.ts';
import { listMilestones, loadDocument, replay } from '../../collab/documentStore.ts';
import type { Queryable } from '../../storage/database.ts';
import { listCharter } from '../charter/charterStore.ts';
import { listAmendments } from '../amendments/amendmentStore.ts';
import { listVotes } from '../votes/voteStore.ts';
import { amendmentName, amendmentNumbers } from './amendmentNumbers.ts';
import { METHOD_LABELS } from './auditLabels.ts';
import { count, readableTime } from './words.ts';

/** The export, and each standard's fields as Markdown for the .md (the JSON carries plain text). */
export interface CharterRecord {
  charter: CharterExport;
  markdown: { text: string; breach: string; easyRead: string }[];
}

const AMENDED = /^amended by amendment ([0-9a-f-]{36})$/;

/**
 * The charter as a record anyone may keep: each standard's status, its text and "what a breach
 * looks like" as stored (from the database, not a node's memory), its easy-read version, its
 * ladder, its history of milestones, its votes and its amendments with theirs. Secret ballots
 * stay secret: only results and counts.
 */
export async function exportCharter(db: Queryable, assembly: AssemblyView): Promise<CharterRecord> {
  const [standards, votes, { dissents }, numbered] = await Promise.all([
    listCharter(db, assembly.id),
    listVotes(db, assembly.id),
    listAmendments(db, assembly.id, 'observer'),
    amendmentNumbers(db, assembly.id),
  ]);
  const voteById = new Map(votes.map((v) => [v.id, v]));
  const charterVote = (v: VoteView): CharterVote => ({
    question: v.question,
    method: v.rules.method,
    status: v.status,
    passed: v.result?.passed ?? null,
    explanation: v.result?.explanation ?? null,
    counts: v.result?.counts ?? null,
  });
  // A milestone names its amendment by id; the record names it by number and first words.
  const historyLabel = (label: string) => {
    const amendment = numbered.get(AMENDED.exec(label)?.[1] ?? '');
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
        markdown[i] = {
          text: fragmentToMarkdown(fields.text),
          breach: fragmentToMarkdown(fields.breach),
          easyRead: fragmentToMarkdown(fields.easyRead),
        };
        return {
          position: standard.position + 1,
          title: standard.title,
          status: standard.status,
          text: fragmentToPlainText(fields.text),
          breach: fragmentToPlainText(fields.breach),
          easyRead: fragmentToPlainText(fields.easyRead),
          ladder: standard.ladder,
          history: (await listMilestones(db, standard.docId)).map((m) => ({
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

/** A vote's line: question, method in words, result and counts (never a ballot). */
function voteLine(v: CharterVote): string {
  const e = escapeMarkdown;
  const method = METHOD_LABELS[v.method as keyof typeof METHOD_LABELS] ?? v.method;
  const counts = v.counts
    ? ` (${Object.entries(v.counts)
        .map(([choice, n]) => `${e(choice)}: ${n}`)
        .join(', ')})`
    : '';
  return `${e(v.question)} (${e(method)}) — ${e(v.explanation ?? 'open')}${counts}`;
}

/** The same record as Markdown, for reading and printing; everything typed by people is escaped. */
export function charterMarkdown({ charter, markdown }: CharterRecord): string {
  const e = escapeMarkdown;
  const lines = [
    `# ${e(charter.assembly.title)}`,
    '',
    `> ${e(charter.assembly.charge)}`,
    '',
    `Exported ${readableTime(charter.exportedAt)}`,
    '',
  ];
  charter.standards.forEach((s, i) => {
    const md = markdown[i]!;
    lines.push(`## ${s.position}. ${e(s.title)} (${s.status})`, '', md.text || '_No text yet._', '');
    lines.push('### What a breach looks like', '', md.breach || '_Not yet described._', '');
    if (md.easyRead) lines.push('### Easy read', '', md.easyRead, '');
    if (s.ladder.length > 0)
      lines.push('### Consequences', '', ...s.ladder.map((step, n) => `${n + 1}. ${e(step)}`), '');
    if (s.history.length > 0)
      lines.push('### History', '', ...s.history.map((h) => `- ${e(h.label)}: ${readableTime(h.at)}`), '');
    if (s.votes.length > 0) lines.push('### Votes', '', ...s.votes.map((v) => `- ${voteLine(v)}`), '');
    for (const a of s.amendments) {
      lines.push(
        `### Amendment ${a.number} (${a.status})`,
        '',
        ...e(a.text)
          .split(/\n{2,}/)
          .flatMap((p) => [p, '']),
      );
      lines.push(a.vote ? `Vote: ${voteLine(a.vote)}` : '_Not put to a vote._', '');
    }
    for (const r of s.minorityReports)
      lines.push(
        '### Minority report',
        '',
        e(r.text),
        '',
        `Signed by ${count(r.signatures, 'member', 'members')}.`,
        '',
      );
  });
  return lines.join('\n');
}
