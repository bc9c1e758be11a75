import { HTTP_ROUTES, LIMITS, verifyAuditExports, type AuditExport, type AuditVerification } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, type HttpResult } from '../../api/http.ts';
import { ErrorNotice, type ShownError } from '../../ui/ErrorNotice.tsx';
import { readerHeaders, type RecordReader } from './reader.ts';

type Check = { state: 'idle' | 'busy' | 'unsupported' } | { state: 'done'; result: AuditVerification };

/**
 * The head of the audit log's hash chain, and a check of the whole log in this browser: every
 * page fetched in order and verified as `npm run verify-audit` does (Web Crypto, so only in a
 * secure context — HTTPS or this machine).
 */
export function AuditChainCheck({ head, reader }: { head: AuditExport['head']; reader: RecordReader }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [error, setError] = useState<ShownError | null>(null);

  const verify = async () => {
    if (!globalThis.crypto?.subtle) return setCheck({ state: 'unsupported' });
    setCheck({ state: 'busy' });
    setError(null);
    const pages: AuditExport[] = [];
    for (let after: number | null = 0; after !== null;) {
      const page: HttpResult<AuditExport> = await getJson<AuditExport>(
        `${HTTP_ROUTES.auditJson}?after=${after}&limit=${LIMITS.maxAuditPage}`,
        readerHeaders(reader),
      );
      if (!page.ok) {
        setCheck({ state: 'idle' });
        return setError(page.error);
      }
      pages.push(page.data);
      after = page.data.next;
    }
    setCheck({ state: 'done', result: await verifyAuditExports(pages) });
  };

  return (
    <section aria-labelledby="audit-chain">
      <h2 id="audit-chain">{t('record.audit.chain.title')}</h2>
      <p>{t('record.audit.chain.head', { count: head.seq })}</p>
      <p>
        <code className="hash">{head.hash}</code>
      </p>
      <p className="hint">{t('record.audit.chain.command')}</p>
      <button
        type="button"
        className="secondary no-print"
        disabled={check.state === 'busy'}
        onClick={() => void verify()}
      >
        {t('record.audit.chain.verify')}
      </button>
      {error && <ErrorNotice error={error} />}
      <p role="status">
        {check.state === 'busy' && t('record.audit.chain.checking')}
        {check.state === 'unsupported' && t('record.audit.chain.unsupported')}
        {check.state === 'done' &&
          (check.result.ok
            ? t(check.result.complete ? 'record.audit.chain.verified' : 'record.audit.chain.partial', {
                count: check.result.last,
              })
            : t('record.audit.chain.failed', { position: check.result.position }))}
      </p>
    </section>
  );
}
