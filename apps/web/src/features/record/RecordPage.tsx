import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { homeHref, readerFromHash, type RecordReader } from './reader.ts';
import { RecordLinks } from './RecordLinks.tsx';
import { download, type Loaded } from './useRecord.ts';

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
  tools,
  children,
}: {
  title: string;
  reader: RecordReader;
  loaded: Loaded<T>;
  downloads?: { path: string; filename: string; label: string }[];
  tools?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <div className="record-tools no-print">
        <Link to={homeHref(reader)}>{reader.watchKey ? t('record.backToWatch') : t('record.back')}</Link>
        <RecordLinks reader={reader} />
        {tools}
        {downloads?.map((d) => (
          <button
            key={d.path}
            type="button"
            className="secondary"
            onClick={() => void download(d.path, reader, d.filename)}
          >
            {d.label}
          </button>
        ))}
      </div>
      <h1>{title}</h1>
      {loaded.status === 'loading' && <Loading label={t('record.loading')} />}
      {loaded.status === 'failed' && <ErrorNotice error={loaded.error} />}
      {loaded.status === 'ready' && children(loaded.data)}
    </Page>
  );
}
