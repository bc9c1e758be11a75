import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { downloadExport, inLanguage } from '../lifecycle/charterExport.ts';
import { homeHref, readerFromHash, readerHeaders, type RecordReader } from './reader.ts';
import { RecordLinks } from './RecordLinks.tsx';
import type { Loaded } from './useRecord.ts';

/** The reader of this page: an observer if the fragment holds a watch key, else a signed-in participant. */
export function useReader(): RecordReader {
  const { hash } = useLocation();
  return readerFromHash(hash);
}

/**
 * The frame of every page of the record: the heading, the way back, the other pages of the
 * record and the downloads (none of which print), then the content once loaded.
 */
export function RecordPage<T>({
  title,
  reader,
  loaded,
  downloads,
  printLabel,
  children,
}: {
  title: string;
  reader: RecordReader;
  loaded: Loaded<T>;
  /** Observers' keys go in a header, so each download is fetched and handed over as a file. */
  downloads?: { path: string; label: string }[];
  /** A page laid out for paper offers to print (or save as PDF) under this label. */
  printLabel?: string;
  children: (data: T) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [downloadError, setDownloadError] = useState<RequestError | null>(null);
  const download = async (path: string) =>
    setDownloadError(await downloadExport(inLanguage(path, i18n.language), readerHeaders(reader)));
  return (
    <Page title={title}>
      <div className="record-tools no-print">
        <Link to={homeHref(reader)}>{reader.watchKey ? t('record.backToWatch') : t('record.back')}</Link>
        <RecordLinks reader={reader} />
        {printLabel && (
          <button type="button" onClick={() => window.print()}>
            {printLabel}
          </button>
        )}
        {downloads?.map((d) => (
          <button key={d.path} type="button" className="secondary" onClick={() => void download(d.path)}>
            {d.label}
          </button>
        ))}
      </div>
      <h1>{title}</h1>
      {downloadError && <ErrorNotice error={downloadError} />}
      {loaded.status === 'loading' && <Loading label={t('record.loading')} />}
      {loaded.status === 'failed' && <ErrorNotice error={loaded.error} />}
      {loaded.status === 'ready' && children(loaded.data)}
    </Page>
  );
}
