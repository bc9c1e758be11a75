import { easyReadDocId, type AssemblyView, type CharterExport } from '@moot/protocol';
import { escapeMarkdown, fragmentToMarkdown } from '../../collab/documentText.ts';
import { listMilestones, loadDocument, replay } from '../../collab/documentStore.ts';
import type { Queryable } from '../../storage/database.ts';
import { listCharter } from '../charter/charterStore.ts';
import { listAmendments } from '../amendments/amendmentStore.ts';
import { listVotes } from '../votes/voteStore.ts';

/**
 * The charter as a record anyone may keep: each standard's status, its text and "what a breach
 * looks like" as stored (from the database, not a node's memory), its easy-read version, its ladder, its history of
 * milestones and its votes. Secret ballots stay secret: only results.
 */
export async function exportCharter(db: Queryable, assembly: AssemblyView): Promise<CharterExport> {
  const [standards, votes, { dissents }] = await Promise.all([
    listCharter(db, assembly.id),
    listVotes(db, assembly.id),
    listAmendments(db, assembly.id, 'observer'),
  ]);
  return {
    assembly: { title: assembly.title, charge: assembly.charge },
    exportedAt: new Date().toISOString(),
    standards: await Promise.all(
      standards.map(async (standard) => {
        const stored = await loadDocument(db, standard.docId);
        const doc = replay(stored.snapshot, stored.updates);
        const easyStored = await loadDocument(db, easyReadDocId(standard.id));
        const easy = replay(easyStored.snapshot, easyStored.updates);
        try {
          return {
            position: standard.position + 1,
            title: standard.title,
            status: standard.status,
            text: fragmentToMarkdown(doc.getXmlFragment('text')),
            breach: fragmentToMarkdown(doc.getXmlFragment('breach')),
            easyRead: fragmentToMarkdown(easy.getXmlFragment('text')),
            ladder: standard.ladder,
            history: (await listMilestones(db, standard.docId)).map((m) => ({
              label: m.label,
              at: m.createdAt.toISOString(),
            })),
            votes: votes
              .filter((v) => v.standardId === standard.id)
              .map((v) => ({
                question: v.question,
                status: v.status,
                passed: v.result?.passed ?? null,
                explanation: v.result?.explanation ?? null,
              })),
            minorityReports: dissents
              .filter((d) => d.standardId === standard.id)
              .map((d) => ({ text: d.text, signatures: d.signatories.length })),
          };
        } finally {
          doc.destroy();
          easy.destroy();
        }
      }),
    ),
  };
}

/** The same record as Markdown, for reading and printing; everything typed by people is escaped. */
export function charterMarkdown(charter: CharterExport): string {
  const lines = [
    `# ${escapeMarkdown(charter.assembly.title)}`,
    '',
    `> ${escapeMarkdown(charter.assembly.charge)}`,
    '',
    `Exported ${charter.exportedAt}`,
    '',
  ];
  for (const s of charter.standards) {
    lines.push(`## ${s.position}. ${escapeMarkdown(s.title)} (${s.status})`, '', s.text || '_No text yet._', '');
    lines.push('### What a breach looks like', '', s.breach || '_Not yet described._', '');
    if (s.easyRead) lines.push('### Easy read', '', s.easyRead, '');
    if (s.ladder.length > 0)
      lines.push('### Consequences', '', ...s.ladder.map((step, i) => `${i + 1}. ${escapeMarkdown(step)}`), '');
    if (s.history.length > 0)
      lines.push('### History', '', ...s.history.map((h) => `- ${escapeMarkdown(h.label)}: ${h.at}`), '');
    for (const v of s.votes)
      lines.push(`- Vote: ${escapeMarkdown(v.question)} — ${escapeMarkdown(v.explanation ?? 'open')}`);
    if (s.votes.length > 0) lines.push('');
    for (const r of s.minorityReports)
      lines.push('### Minority report', '', escapeMarkdown(r.text), '', `Signed by ${r.signatures} members.`, '');
  }
  return lines.join('\n');
}
