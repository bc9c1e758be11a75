import { HTTP_ROUTES, type CharterExport } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { usePhraseWording } from '../../i18n/phrases.ts';
import { RecordPage, useReader } from './RecordPage.tsx';
import { plainParagraphs } from './text.ts';
import { useRecord } from './useRecord.ts';
import { voteLine } from './voteLine.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enRecord } from '../../i18n/enRecord.ts';

// The record pages' strings come with their chunk (the watch page does not carry them).
addEnglish(enRecord);

/**
 * `/charter/print` (observers: `/charter/print#<watchKey>`): the charter laid out for paper —
 * each standard on its own page with its status, adopted text, what a breach looks like, its
 * ladder, history, votes and minority reports. Read from the charter export, so it is the
 * stored record, not a browser's copy.
 */
export function PrintCharterPage() {
  const { t } = useTranslation();
  const reader = useReader();
  const loaded = useRecord<CharterExport>(HTTP_ROUTES.charterJson, reader);
  const title = loaded.status === 'ready' ? loaded.data.assembly.title : t('record.charter.title');
  return (
    <RecordPage
      title={title}
      reader={reader}
      loaded={loaded}
      printLabel={t('record.charter.print')}
      downloads={[
        { path: HTTP_ROUTES.charterMarkdown, label: t('record.downloadMarkdown') },
        { path: HTTP_ROUTES.charterJson, label: t('record.downloadJson') },
        { path: HTTP_ROUTES.casesMarkdown, label: t('record.casesMarkdown') },
      ]}
    >
      {(charter) => (
        <div className="print-charter">
          <p className="hint no-print">{t('record.charter.printHint')}</p>
          <blockquote className="charge-text">{charter.assembly.charge}</blockquote>
          <p className="hint">{t('record.exportedAt', { at: new Date(charter.exportedAt).toLocaleString() })}</p>
          {charter.standards.length === 0 && <p>{t('record.charter.empty')}</p>}
          {charter.standards.map((standard) => (
            <PrintedStandard key={standard.position} standard={standard} />
          ))}
        </div>
      )}
    </RecordPage>
  );
}

function Paragraphs({ text, empty }: { text: string; empty: string }) {
  const paragraphs = plainParagraphs(text);
  if (paragraphs.length === 0) return <p className="hint">{empty}</p>;
  return paragraphs.map((p, i) => (
    <p key={i} className="print-paragraph">
      {p}
    </p>
  ));
}

function PrintedStandard({ standard }: { standard: CharterExport['standards'][number] }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const headingId = `standard-${standard.position}`;
  const status = t(`record.charter.statuses.${standard.status as 'drafting'}`, { defaultValue: standard.status });
  return (
    <article className="print-standard" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {standard.position}. {standard.title}
      </h2>
      <p className="print-status">{t('record.charter.status', { status })}</p>
      <h3>{t('record.charter.text')}</h3>
      <Paragraphs text={standard.text} empty={t('record.charter.noText')} />
      <h3>{t('record.charter.breach')}</h3>
      <Paragraphs text={standard.breach} empty={t('record.charter.noBreach')} />
      {standard.ladder.length > 0 && (
        <>
          <h3>{t('record.charter.ladder')}</h3>
          <ol>
            {standard.ladder.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {standard.history.length > 0 && (
        <>
          <h3>{t('record.charter.history')}</h3>
          <ul>
            {standard.history.map((h, i) => (
              <li key={i}>
                {h.label} — <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time>
              </li>
            ))}
          </ul>
        </>
      )}
      {standard.votes.length > 0 && (
        <>
          <h3>{t('record.charter.votes')}</h3>
          <ul>
            {standard.votes.map((v, i) => (
              <li key={i}>{voteLine(v, wording, t('record.charter.voteOpen'))}</li>
            ))}
          </ul>
        </>
      )}
      {standard.minorityReports.map((report, i) => (
        <section key={i} className="minority-report" aria-label={t('record.charter.minorityReport')}>
          <h3>{t('record.charter.minorityReport')}</h3>
          <p className="print-paragraph">{report.text}</p>
          <p className="hint">{t('record.charter.signatures', { count: report.signatures })}</p>
        </section>
      ))}
    </article>
  );
}
