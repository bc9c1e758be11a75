import type { AuditExport, MarkdownLanguage } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Database } from '../../storage/database.ts';
import { readAuditHead, readAuditPage } from '../../audit/auditLog.ts';
import { publicAuditRecord } from '../../audit/publicAudit.ts';
import { actionLabel, detailLabel, detailValue, type AuditWords } from './auditLabels.ts';
import { participantNames, targetTitles } from './names.ts';
import type { Reader } from './reader.ts';
import { readableTime, wordingIn } from './words.ts';

/**
 * One page of the audit log as this reader may see it (see PUBLIC_DETAIL for what is public),
 * people and the cases and statements it concerns named in the language it is written in
 * (English for the JSON).
 */
export async function exportAudit(
  db: Database,
  { assembly, audience }: Reader,
  page: { after: number; limit: number },
  language: MarkdownLanguage = 'en',
): Promise<AuditExport> {
  // The head first: the page stops there, so a page that reaches it ends with the head's hash.
  const head = await readAuditHead(db, assembly.id);
  // One more than asked says whether another page follows.
  const [entries, nameOf, titles] = await Promise.all([
    readAuditPage(db, assembly.id, { after: page.after, limit: page.limit + 1, upTo: head.seq }),
    participantNames(db, assembly.id, audience, language),
    targetTitles(db, assembly.id, wordingIn(language).audit),
  ]);
  const shown = entries.slice(0, page.limit);
  return {
    assembly: { id: assembly.id, title: assembly.title, charge: assembly.charge },
    exportedAt: new Date().toISOString(),
    head,
    entries: shown.map((e) => ({
      ...publicAuditRecord(e, nameOf, (target) => titles.get(target) ?? nameOf(target)),
      sealed: e.sealed,
      prev: e.prev,
      hash: e.hash,
    })),
    next: entries.length > page.limit ? shown.at(-1)!.seq : null,
  };
}

const detailText = (detail: AuditExport['entries'][number]['detail'], words: AuditWords): string =>
  Object.entries(detail)
    .map(([key, value]) => `${detailLabel(key, words)}: ${detailValue(key, value, words)}`)
    .join(', ');

/** The same page as Markdown, in the language asked for: one line per entry, everything typed by people escaped. */
export function auditMarkdown(audit: AuditExport, language: MarkdownLanguage = 'en'): string {
  const { headings, words, audit: auditWords } = wordingIn(language);
  const lines = [
    headings.audit(escapeMarkdown(audit.assembly.title)),
    '',
    words.exported(readableTime(audit.exportedAt, language)),
    '',
    auditWords.entries(audit.head.seq, audit.head.hash),
    '',
    ...audit.entries.map((e) => {
      const subject = e.subject ? ` — ${escapeMarkdown(e.subject)}` : '';
      const detail = Object.keys(e.detail).length > 0 ? ` (${escapeMarkdown(detailText(e.detail, auditWords))})` : '';
      const actor = escapeMarkdown(e.actor ?? auditWords.system);
      return `- ${readableTime(e.at, language)} · ${actor} · ${escapeMarkdown(actionLabel(e.action, auditWords))}${subject}${detail}`;
    }),
  ];
  if (audit.next !== null) lines.push('', auditWords.more(audit.next));
  return lines.join('\n') + '\n';
}
