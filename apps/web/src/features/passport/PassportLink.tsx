import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StandardView } from '@moot/protocol';
import { recordHref, type RecordReader } from '../record/reader.ts';

/** On an adopted standard (charter and watch page): the way to its provenance passport, keeping an observer's key. */
export function PassportLink({ standard, reader }: { standard: StandardView; reader: RecordReader }) {
  const { t } = useTranslation();
  if (standard.status !== 'adopted') return null;
  return (
    <p className="standard-history-link">
      <Link to={recordHref(`/passport/${standard.id}`, reader)}>{t('passportLink')}</Link>
    </p>
  );
}
