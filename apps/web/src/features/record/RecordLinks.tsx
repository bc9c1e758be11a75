import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordHref, type RecordReader } from './reader.ts';

/** Links to the public record, from the assembly, the watch page and each page of the record. */
export function RecordLinks({ reader }: { reader: RecordReader }) {
  const { t } = useTranslation();
  return (
    <nav className="record-links no-print" aria-label={t('record.nav')}>
      <ul>
        <li>
          <Link to={recordHref('/charter/print', reader)}>{t('record.printCharter')}</Link>
        </li>
        <li>
          <Link to={recordHref('/record/minutes', reader)}>{t('record.minutes')}</Link>
        </li>
        <li>
          <Link to={recordHref('/record/audit', reader)}>{t('record.auditLog')}</Link>
        </li>
        <li>
          <Link to={recordHref('/report', reader)}>{t('record.report')}</Link>
        </li>
      </ul>
    </nav>
  );
}
