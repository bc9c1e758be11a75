import type { AuditExport } from '@moot/protocol';
import { escapeMarkdown } from '../../collab/documentText.ts';
import type { Database } from '../../storage/database.ts';
import { readAuditHead, readAuditPage } from '../../audit/auditLog.ts';
import { publicAuditRecord } from '../../audit/publicAudit.ts';
import { actionLabel, DETAIL_LABELS, detailValue } from './auditLabels.ts';
import { participantNames, targetTitles } from './names.ts';
import type { Reader } from './reader.ts';
import { readableTime } from './words.ts';
import { HEADINGS } from './headings.ts';

/** One page of the audit log as this reader may see it (see PUBLIC_DETAIL for what is public). */
export async function exportAudit(
  db: Database,
  { assembly, audience }: Reader,
  page: { after: number; limit: number },
): Promise<AuditExport> {
  // The head first: the page stops there, so a page that reaches it ends with the head's hash.
  const head = await readAuditHead(db, assembly.id);
  // One more than asked says whether another page follows.
  const [entries, nameOf, titles] = await Promise.all([
    readAuditPage(db, assembly.id, { after: page.after, limit: page.limit + 1, upTo: head.seq }),
    participantNames(db, assembly.id, audience),
    targetTitles(db, assembly.id),
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

const detailText = (detail: AuditExport['entries'][number]['detail']): string =>
  Object.entries(detail)
    .map(([key, value]) => `${DETAIL_LABELS[key] ?? key}: ${detailValue(key, value)}`)
    .join(', ');

/** The same page as Markdown: one line per entry, everything typed by people escaped. */
export function auditMarkdown(audit: AuditExport): string {
  const lines = [
    HEADINGS.audit(escapeMarkdown(audit.assembly.title)),
    '',
    `Exported ${readableTime(audit.exportedAt)}`,
    '',
    `Entries: ${audit.head.seq}. Head hash (SHA-256): \`${audit.head.hash}\``,
    '',
    ...audit.entries.map((e) => {
      const subject = e.subject ? ` — ${escapeMarkdown(e.subject)}` : '';
      const detail = Object.keys(e.detail).length > 0 ? ` (${escapeMarkdown(detailText(e.detail))})` : '';
      return `- ${readableTime(e.at)} · ${escapeMarkdown(e.actor ?? 'system')} · ${escapeMarkdown(actionLabel(e.action))}${subject}${detail}`;
    }),
  ];
  if (audit.next !== null) lines.push('', `More entries follow after ${audit.next}.`);
  return lines.join('\n') + '\n';
}
