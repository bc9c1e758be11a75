import type { ReportExport } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { explanationText, optionText, usePhraseWording } from '../../i18n/phrases.ts';
import { plainParagraphs } from '../record/text.ts';

/** Text as typed, a paragraph per blank-line block. */
export function Paragraphs({ text, empty }: { text: string; empty?: string }) {
  const paragraphs = plainParagraphs(text);
  if (paragraphs.length === 0) return empty ? <p className="hint">{empty}</p> : null;
  return paragraphs.map((p, i) => (
    <p key={i} className="print-paragraph">
      {p}
    </p>
  ));
}

/**
 * A table of the report: on a phone each row reads as a small stacked block, every count labelled
 * with its column's heading (report.css), so nothing scrolls sideways; it prints whole. The stacked
 * layout changes how its parts display, so each part names its role too: a screen reader still
 * hears a table with its headings. The region stays focusable for a table that is wider still.
 */
export function TableRegion({
  caption,
  headings,
  children,
}: {
  caption: string;
  /** The columns' headings, in order: the first heads the rows' own headings. */
  headings: readonly string[];
  /** The table's body rows. */
  children: ReactNode;
}) {
  // On a screen the caption is shown above the scrolling region (inside it, a wide table would cut
  // it off on a phone); on paper, where the table fits, the caption itself is printed.
  return (
    <>
      <p className="report-table-title" aria-hidden="true">
        {caption}
      </p>
      <div className="table-scroll report-table" tabIndex={0} role="region" aria-label={caption}>
        <table role="table">
          <caption>{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {headings.map((heading, i) => (
                <th key={i} scope="col" role="columnheader">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">{children}</tbody>
        </table>
      </div>
    </>
  );
}

/** A count in a row, with its column's heading, shown beside it when the row is stacked on a phone. */
export function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td role="cell" data-label={heading}>
      {children}
    </td>
  );
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function ReportParticipation({ participation }: { participation: ReportExport['participation'] }) {
  const { t } = useTranslation();
  if (participation.categories.length === 0) return <p>{t('report.participation.none')}</p>;
  return (
    <>
      <p>{t('report.participation.intro', { minimum: participation.minimum })}</p>
      {participation.categories.map((c) => (
        <TableRegion
          key={c.category}
          caption={c.category}
          headings={[t('report.participation.value'), t('report.participation.members')]}
        >
          {c.values.map((v) => (
            <tr key={v.value} role="row">
              <th scope="row" role="rowheader">
                {v.value}
              </th>
              <Cell heading={t('report.participation.members')}>
                {v.count ?? t('report.participation.fewer', { minimum: participation.minimum })}
              </Cell>
            </tr>
          ))}
        </TableRegion>
      ))}
    </>
  );
}

export function ReportProgramme({ programme }: { programme: ReportExport['programme'] }) {
  const { t } = useTranslation();
  if (programme.sittings.length === 0) return <p>{t('report.programme.none')}</p>;
  return programme.sittings.map((s, i) => (
    <article key={i} className="report-item" aria-labelledby={`report-sitting-${i}`}>
      <h3 id={`report-sitting-${i}`}>{s.title}</h3>
      <p className="hint">
        {s.startsAt && <time dateTime={s.startsAt}>{when(s.startsAt)}</time>}
        {s.place && <> · {t(`report.programme.places.${s.place}`)}</>}
        {s.cancelled && <> · {t('report.programme.cancelled')}</>}
      </p>
      {s.agenda.length > 0 && (
        <ul aria-label={t('report.programme.agenda', { title: s.title })}>
          {s.agenda.map((item, n) => (
            <li key={n}>
              {item.title} ({item.expert ? t('report.programme.expert') : t(`report.programme.kinds.${item.kind}`)})
            </li>
          ))}
        </ul>
      )}
    </article>
  ));
}

export function ReportEvidence({ evidence }: { evidence: ReportExport['evidence'] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <p>{t('report.evidence.none')}</p>;
  return evidence.map((entry) => {
    const who = [entry.speaker, entry.affiliation].filter(Boolean).join(', ');
    return (
      <article key={entry.number} className="report-item" aria-labelledby={`report-evidence-${entry.number}`}>
        <h3 id={`report-evidence-${entry.number}`}>
          {t('report.evidence.heading', { number: entry.number, title: entry.title })}
        </h3>
        <p className="hint">
          {t(`report.evidence.kinds.${entry.kind}`)} · {t(`report.evidence.balances.${entry.balance}`)}
        </p>
        {who && <p>{t('report.evidence.by', { who })}</p>}
        {entry.interests && <p>{t('report.evidence.interests', { interests: entry.interests })}</p>}
        <Paragraphs text={entry.summary} />
        {entry.links.length > 0 && (
          <ul>
            {entry.links.map((link) => (
              <li key={link} className="report-link">
                {link}
              </li>
            ))}
          </ul>
        )}
      </article>
    );
  });
}

export function ReportCases({ cases }: { cases: ReportExport['cases'] }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  if (cases.length === 0) return <p>{t('report.cases.none')}</p>;
  return cases.map((c) => {
    const who = c.respondent.name ? `${c.respondent.role} (${c.respondent.name})` : c.respondent.role;
    return (
      <article key={c.number} className="report-item" aria-labelledby={`report-case-${c.number}`}>
        <h3 id={`report-case-${c.number}`}>{t('report.cases.heading', { number: c.number, who })}</h3>
        <p className="hint">
          {t('report.cases.status', { status: t(`report.cases.statuses.${c.status}`) })} ·{' '}
          {t('report.cases.opened', { at: when(c.dates.opened), by: c.openedBy })}
        </p>
        <p>{t('report.cases.standards', { titles: c.standards.map((s) => s.title).join(', ') })}</p>
        <h4>{t('report.cases.summary')}</h4>
        <Paragraphs text={c.summary} />
        <h4>{t('report.cases.reply')}</h4>
        {c.reply ? <Paragraphs text={c.reply.text} /> : <p className="hint">{t('report.cases.noReply')}</p>}
        {c.reasoning && (
          <>
            <h4>{t('report.cases.reasoning')}</h4>
            <Paragraphs text={c.reasoning} />
          </>
        )}
        {c.decision && (
          <>
            <h4>{t('report.cases.decision')}</h4>
            <p>
              <strong>{optionText(c.decision.outcome, wording)}</strong>
            </p>
            <p className="hint">{explanationText(c.decision, wording)}</p>
          </>
        )}
        {c.dismissalReason && (
          <>
            <h4>{t('report.cases.dismissed')}</h4>
            <Paragraphs text={c.dismissalReason} />
          </>
        )}
      </article>
    );
  });
}

export function ReportStatements({ statements }: { statements: ReportExport['statements'] }) {
  const { t } = useTranslation();
  if (statements.length === 0) return <p>{t('report.statements.none')}</p>;
  return (
    <>
      <p className="hint">{t('report.statements.intro')}</p>
      {statements.map((s) => (
        <figure key={s.id} className="report-statement">
          <blockquote>
            <Paragraphs text={s.text} />
          </blockquote>
          <figcaption>{s.author}</figcaption>
        </figure>
      ))}
    </>
  );
}
