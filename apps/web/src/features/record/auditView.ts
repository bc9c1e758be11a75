import type { AuditRecord } from '@moot/protocol';

/** The translation key of an action's label ("standard.added" → "record.actions.standard.added"). */
export function actionKey(action: string): string {
  return `record.actions.${action}`;
}

/** An entry's details as one line: "title: Honesty, minutes: 5"; lists joined with semicolons. */
export function detailText(detail: AuditRecord['detail']): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join('; ') : String(value ?? '—')}`)
    .join(', ');
}

/** Adds a page to what is shown, dropping any entry already there (a page fetched twice). */
export function appendPage(shown: readonly AuditRecord[], page: readonly AuditRecord[]): AuditRecord[] {
  const seen = new Set(shown.map((e) => e.seq));
  return [...shown, ...page.filter((e) => !seen.has(e.seq))];
}
