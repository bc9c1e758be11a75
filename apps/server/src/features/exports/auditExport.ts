import type { AuditExport, MarkdownLanguage } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Database } from '../../storage/database.ts';
import { readAuditHead, readAuditPage } from '../../audit/auditLog.ts';
import { publicAuditRecord } from '../../audit/publicAudit.ts';
import { actionLabel, detailLabel, detailValue } from './auditLabels.ts';
import { participantNames, targetTitles } from './names.ts';
import type { Reader } from './reader.ts';
import { optionText } from '../votes/phraseWords.ts';
import { readableTime, wordingIn, type Wording } from './words.ts';

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
    targetTitles(db, assembly.id, language),
  ]);
  const shown = entries.slice(0, page.limit);
  return {
    assembly: { id: assembly.id, title: assembly.title, charge: assembly.charge },
    exportedAt: new Date().toISOString(),
    head,
    entries: shown.map((e) => {
      const record = publicAuditRecord(e, nameOf, (target) => titles.get(target) ?? nameOf(target));
      // The opened vote's question as its title has it: worded in the log's language when Moot wrote it.
      if (
        e.action === 'vote.opened' &&
        language !== 'en' &&
        'question' in record.detail &&
        e.target &&
        titles.has(e.target)
      )
        record.detail['question'] = titles.get(e.target)!;
      return { ...record, sealed: e.sealed, prev: e.prev, hash: e.hash };
    }),
    next: entries.length > page.limit ? shown.at(-1)!.seq : null,
  };
}

/** The public detail in words; a case's outcome "No breach found" is Moot's, worded as the register words it. */
const detailText = (detail: AuditExport['entries'][number]['detail'], { language, audit: words }: Wording): string =>
  Object.entries(detail)
    .map(([key, value]) => {
      const worded = key === 'outcome' && typeof value === 'string' ? optionText(value, language) : value;
      return `${detailLabel(key, words)}: ${detailValue(key, worded, words)}`;
    })
    .join(', ');

/** The same page as Markdown, in the language asked for: one line per entry, everything typed by people escaped. */
export function auditMarkdown(audit: AuditExport, language: MarkdownLanguage = 'en'): string {
  const wording = wordingIn(language);
  const { headings, words, audit: auditWords } = wording;
  const lines = [
    headings.audit(escapeMarkdown(audit.assembly.title)),
    '',
    words.exported(readableTime(audit.exportedAt, language)),
    '',
    auditWords.entries(audit.head.seq, audit.head.hash),
    '',
    ...audit.entries.map((e) => {
      const subject = e.subject ? ` — ${escapeMarkdown(e.subject)}` : '';
      const detail = Object.keys(e.detail).length > 0 ? ` (${escapeMarkdown(detailText(e.detail, wording))})` : '';
      const actor = escapeMarkdown(e.actor ?? auditWords.system);
      return `- ${readableTime(e.at, language)} · ${actor} · ${escapeMarkdown(actionLabel(e.action, auditWords))}${subject}${detail}`;
    }),
  ];
  if (audit.next !== null) lines.push('', auditWords.more(audit.next));
  return lines.join('\n') + '\n';
}
