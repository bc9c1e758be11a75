import { HTTP_ROUTES, WATCH_KEY_HEADER } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { downloadExport, type ExportFormat } from './charterExport.ts';

const FORMATS = [
  { format: 'json', route: HTTP_ROUTES.charterJson, label: 'exports.json' },
  { format: 'markdown', route: HTTP_ROUTES.charterMarkdown, label: 'exports.markdown' },
] as const;

/**
 * The charter on record (JSON, Markdown), for everyone. Observers prove themselves with the watch
 * key in a header, never in a URL, so each export is fetched and handed over as a file download.
 */
export function CharterExports({ watchKey = null }: { watchKey?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<RequestError | null>(null);

  async function download(format: ExportFormat, route: string) {
    if (busy) return;
    setBusy(format);
    const headers: Record<string, string> = watchKey ? { [WATCH_KEY_HEADER]: watchKey } : {};
    const failed = await downloadExport(route, headers);
    setBusy(null);
    setError(failed);
  }

  return (
    <section className="exports" aria-labelledby={`${id}-h`} data-testid="charter-exports">
      <h2 id={`${id}-h`}>{t('exports.heading')}</h2>
      <p className="hint">{t('exports.hint')}</p>
      <ul className="export-links">
        {FORMATS.map(({ format, route, label }) => (
          <li key={format}>
            {/* A link, so it can be opened or copied; the click fetches with the right credentials. */}
            <a
              href={route}
              download
              aria-disabled={busy !== null || undefined}
              onClick={(event) => {
                event.preventDefault();
                void download(format, route);
              }}
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
      <p role="status" className="hint">
        {busy ? t('exports.downloading') : ''}
      </p>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
