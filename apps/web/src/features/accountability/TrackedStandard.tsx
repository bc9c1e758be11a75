import type { TrackedStandard as Tracked } from '@moot/protocol';
import { daysSince } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from './dates.ts';

interface Props {
  standard: Tracked;
  reportedAt: number | null;
  /** The reader's clock, for "N days since the report". */
  now: number;
  /** Below the response: the members' comments, or the respondent's forms. */
  children?: ReactNode;
}

/** One adopted standard on the tracker: the body's response (or its absence) and its progress, newest first. */
export function TrackedStandard({ standard, reportedAt, now, children }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  const headingId = `${useId()}-standard`;
  const { response, updates } = standard;
  return (
    <article className="tracked-standard" aria-labelledby={headingId} data-testid="tracked-standard">
      <h3 id={headingId}>{standard.title}</h3>
      {response ? (
        <>
          <p className={`stance stance-${response.stance}`} data-testid="stance">
            {t(`accountability.stances.${response.stance}`)}
          </p>
          <p className="hint">
            {t('accountability.respondedBy', { body: response.by, date: dates.instant(response.publishedAt) })}
            {response.revisedAt !== null && (
              <> · {t('accountability.revised', { date: dates.instant(response.revisedAt) })}</>
            )}
          </p>
          <h4>{t('accountability.reasonsHeading')}</h4>
          <p className="prose">{response.reasons}</p>
          <h4>{t('accountability.timelineHeading')}</h4>
          <p className="prose">{response.timeline}</p>
        </>
      ) : (
        <p className="no-response" data-testid="no-response">
          {reportedAt === null
            ? t('accountability.noResponseNotAsked')
            : t('accountability.noResponse', { count: daysSince(reportedAt, now) })}
        </p>
      )}
      {response && (
        <>
          <h4>{t('accountability.progressHeading', { count: updates.length })}</h4>
          {updates.length === 0 ? (
            <p className="hint">{t('accountability.noProgress')}</p>
          ) : (
            <ol className="progress-list">
              {updates.map((u) => (
                <li key={u.id} data-testid="progress-update">
                  <p>
                    <span className={`progress-state progress-${u.state}`}>
                      {t('accountability.updateOn', {
                        state: t(`accountability.states.${u.state}`),
                        date: dates.day(u.on),
                      })}
                    </span>
                  </p>
                  <p className="prose">{u.note}</p>
                  {u.links.length > 0 && (
                    <ul className="progress-links" aria-label={t('accountability.evidenceLinks')}>
                      {u.links.map((link) => (
                        <li key={link}>
                          <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {children}
    </article>
  );
}
