import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { readerHeaders } from '../record/reader.ts';
import { downloadExport, inLanguage } from './charterExport.ts';

export interface ExportLink {
  route: string;
  /** The link's words, e.g. "Download the charter (JSON)". */
  label: string;
}

interface Props {
  heading: string;
  hint: string;
  links: readonly ExportLink[];
  /** Observers prove themselves with the watch key in a header, never in a URL. */
  watchKey: string | null;
  testId: string;
}

/**
 * A record's downloads (the charter, the register of cases), for everyone. Each is fetched with
 * the session cookie or the watch key header and handed over as a file download.
 */
export function ExportLinks({ heading, hint, links, watchKey, testId }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);

  async function download(route: string) {
    if (busy) return;
    setBusy(true);
    const failed = await downloadExport(inLanguage(route, i18n.language), readerHeaders({ watchKey }));
    setBusy(false);
    setError(failed);
  }

  return (
    <section className="exports" aria-labelledby={`${id}-h`} data-testid={testId}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <p className="hint">{hint}</p>
      <ul className="export-links">
        {links.map(({ route, label }) => (
          <li key={route}>
            {/* A link, so it can be opened or copied; the click fetches with the right credentials. */}
            <a
              href={route}
              download
              aria-disabled={busy || undefined}
              onClick={(event) => {
                event.preventDefault();
                void download(route);
              }}
            >
              {label}
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
