import { HTTP_ROUTES, type AuditExport, type AuditRecord } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/http.ts';
import { ErrorNotice, type ShownError } from '../../ui/ErrorNotice.tsx';
import { readerHeaders } from './reader.ts';
import { RecordPage, useReader } from './RecordPage.tsx';
import { actionKey, appendPage, detailText } from './auditView.ts';
import { useRecord } from './useRecord.ts';

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
      downloads={[{ path: HTTP_ROUTES.auditMarkdown, filename: 'audit.md', label: t('record.downloadMarkdown') }]}
    >
      {(page) => {
        const { entries, next } = more ?? page;
        return (
          <>
            <p>{t('record.audit.intro')}</p>
            {entries.length === 0 ? (
              <p>{t('record.audit.empty')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-label={t('record.audit.title')} tabIndex={0}>
                <table className="record-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('record.audit.when')}</th>
                      <th scope="col">{t('record.audit.who')}</th>
                      <th scope="col">{t('record.audit.what')}</th>
                      <th scope="col">{t('record.audit.concerning')}</th>
                      <th scope="col">{t('record.audit.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((e) => (
                      <tr key={e.seq} data-action={e.action}>
                        <td>
                          <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
                        </td>
                        <td>{e.actor ?? t('record.audit.system')}</td>
                        <td>{t(actionKey(e.action) as 'record.audit.title', { defaultValue: e.action })}</td>
                        <td>{e.subject ?? ''}</td>
                        <td>{detailText(e.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
          </>
        );
      }}
    </RecordPage>
  );
}
