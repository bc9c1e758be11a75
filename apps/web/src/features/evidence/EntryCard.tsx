import { evidenceAnchor, type EvidenceEntryView } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useEvidenceStrings } from './strings.ts';

interface Props {
  entry: EvidenceEntryView;
  easyRead: boolean;
  /** Who cites it (links to the standards and cases), the moderator's tools. */
  children?: ReactNode;
}

/** One library entry: what it is, who gave it and what they declared, its summary (or easy read), its links. */
export function EntryCard({ entry, easyRead, children }: Props) {
  const { t } = useEvidenceStrings();
  const headingId = `${evidenceAnchor(entry.id)}-title`;
  return (
    <article
      id={evidenceAnchor(entry.id)}
      className="evidence-entry"
      aria-labelledby={headingId}
      data-testid="evidence-entry"
      data-balance={entry.balance}
    >
      <header>
        <p className="evidence-number">
          {t('evidence.number', { number: entry.number })} · {t(`evidence.kinds.${entry.kind}`)}
        </p>
        <h3 id={headingId}>{entry.title}</h3>
        <p className={`tag evidence-balance balance-${entry.balance}`}>
          {t('evidence.balanceLabel', { balance: t(`evidence.balances.${entry.balance}`) })}
        </p>
      </header>
      <dl className="evidence-facts">
        {entry.speaker && (
          <>
            <dt>{t('evidence.speaker')}</dt>
            <dd>{entry.speaker}</dd>
          </>
        )}
        {entry.affiliation && (
          <>
            <dt>{t('evidence.affiliation')}</dt>
            <dd>{entry.affiliation}</dd>
          </>
        )}
        <dt>{t('evidence.interests')}</dt>
        <dd>{entry.interests || t('evidence.noInterests')}</dd>
      </dl>
      {easyRead ? (
        <div className="evidence-summary easy-read" lang={undefined}>
          <h4>{t('evidence.easyRead')}</h4>
          <p>{entry.easyRead || t('evidence.noEasyRead')}</p>
        </div>
      ) : (
        <div className="evidence-summary">
          <h4 className="visually-hidden">{t('evidence.summary')}</h4>
          <p>{entry.summary}</p>
        </div>
      )}
      {entry.links.length > 0 && (
        <>
          <h4>{t('evidence.links')}</h4>
          <ul className="evidence-links">
            {entry.links.map((link) => (
              <li key={link}>
                {/* The server kept only http(s) addresses; a link opens in a new tab, without the opener. */}
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </article>
  );
}
