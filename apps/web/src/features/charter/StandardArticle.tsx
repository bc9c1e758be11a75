import type { StandardView } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  standard: StandardView;
  /** 1-based place in the charter. */
  number: number;
  /** Rename and moderator controls; absent on the watch page. */
  tools?: ReactNode;
  /** E.g. "Discussing now" while the current agenda item concerns this standard. */
  badge?: ReactNode;
  children: ReactNode;
}

/** One standard of the charter, on any page. `data-standard-id` is a stable test hook. */
export function StandardArticle({ standard, number, tools, badge, children }: Props) {
  const { t } = useTranslation();
  const headingId = `standard-${standard.id}-title`;
  return (
    <article
      className="standard"
      data-testid="standard"
      data-standard-id={standard.id}
      data-status={standard.status}
      aria-labelledby={headingId}
    >
      <header className="standard-header">
        <p className="standard-number">{t('charter.position', { position: number })}</p>
        <h3 id={headingId} className="standard-title">
          {standard.title}
        </h3>
        <p className={`standard-status status-${standard.status}`}>{t(`charter.statuses.${standard.status}`)}</p>
        {badge}
      </header>
      {tools}
      {children}
    </article>
  );
}
