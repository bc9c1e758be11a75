import type { Evidence } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { safeHref } from './view.ts';

/** The evidence of a case: each description as text, and its link (http(s) only) as a plain link. */
export function CaseEvidence({ evidence, headingId }: { evidence: readonly Evidence[]; headingId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h4 id={headingId}>{t('cases.evidenceHeading', { count: evidence.length })}</h4>
      {evidence.length === 0 ? (
        <p className="empty">{t('cases.noEvidence')}</p>
      ) : (
        <ol className="case-evidence" aria-labelledby={headingId} data-testid="case-evidence">
          {evidence.map((item, index) => {
            const href = safeHref(item.link);
            return (
              <li key={index}>
                <span className="case-text">{item.description}</span>
                {item.link && (
                  <>
                    {' '}
                    {href ? (
                      <a className="case-link" href={href} target="_blank" rel="noopener noreferrer">
                        {item.link}
                        <span className="visually-hidden"> {t('cases.newTab')}</span>
                      </a>
                    ) : (
                      <span className="case-link">{item.link}</span>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
