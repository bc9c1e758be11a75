import { HTTP_ROUTES, type AuditExport, type AuditRecord } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/http.ts';
import { ErrorNotice, type ShownError } from '../../ui/ErrorNotice.tsx';
import { readerHeaders } from './reader.ts';
import { RecordPage, useReader } from './RecordPage.tsx';
import { actionKey, appendPage, detailText } from './auditView.ts';
import { AuditChainCheck } from './AuditChainCheck.tsx';
import { RecordTable } from './RecordTable.tsx';
import { useRecord } from './useRecord.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enRecord } from '../../i18n/enRecord.ts';

// The record pages' strings come with their chunk (the watch page does not carry them).
addEnglish(enRecord);

interface Shown {
  entries: AuditRecord[];
  next: number | null;
}

/** `/record/audit` (observers: `#<watchKey>`): the public audit log, a page at a time. */
export function AuditPage() {
  const { t } = useTranslation();
  const reader = useReader();
  const first = useRecord<AuditExport>(HTTP_ROUTES.auditJson, reader);
  // The pages after the first, once asked for.
  const [more, setMore] = useState<Shown | null>(null);
  const [moreError, setMoreError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const loadMore = async (shown: Shown) => {
    if (shown.next === null) return;
    setBusy(true);
    const result = await getJson<AuditExport>(`${HTTP_ROUTES.auditJson}?after=${shown.next}`, readerHeaders(reader));
    setBusy(false);
    if (!result.ok) return setMoreError(result.error);
    setMoreError(null);
    setMore({ entries: appendPage(shown.entries, result.data.entries), next: result.data.next });
  };

  return (
    <RecordPage
      title={t('record.audit.title')}
      reader={reader}
      loaded={first}
      downloads={[
        { path: HTTP_ROUTES.auditMarkdown, label: t('record.downloadMarkdown') },
        { path: HTTP_ROUTES.auditJson, label: t('record.downloadJson') },
      ]}
    >
      {(page) => {
        const { entries, next } = more ?? page;
        return (
          <>
            <p>{t('record.audit.intro')}</p>
            {entries.length === 0 ? (
              <p>{t('record.audit.empty')}</p>
            ) : (
              <RecordTable
                label={t('record.audit.title')}
                headers={[
                  t('record.audit.when'),
                  t('record.audit.who'),
                  t('record.audit.what'),
                  t('record.audit.concerning'),
                  t('record.audit.details'),
                ]}
                rows={entries.map((e) => ({
                  key: e.seq,
                  kind: e.action,
                  cells: [
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>,
                    e.actor ?? t('record.audit.system'),
                    t(actionKey(e.action) as 'record.audit.title', { defaultValue: e.action }),
                    e.subject ?? '',
                    detailText(e.detail),
                  ],
                }))}
              />
            )}
            <p role="status">{t('record.audit.shown', { count: entries.length })}</p>
            {moreError && <ErrorNotice error={moreError} />}
            {next !== null && (
              <button
                type="button"
                className="no-print"
                disabled={busy}
                onClick={() => void loadMore({ entries, next })}
              >
                {t('record.audit.more')}
              </button>
            )}
            <AuditChainCheck head={page.head} reader={reader} />
          </>
        );
      }}
    </RecordPage>
  );
}
