import type { CaseView, SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { ItemCountdown } from './Countdown.tsx';
import { caseOfItem } from '../cases/view.ts';
import { currentItem } from './view.ts';

interface Props {
  state: SessionState;
  serverNow: number;
  /** The assembly's cases, to name the one the item is about. */
  cases?: readonly CaseView[];
}

/** The agenda item running now, its kind, the case it is about and its countdown: the same on every page. */
export function CurrentItem({ state, serverNow, cases }: Props) {
  const { t } = useTranslation();
  const item = currentItem(state);
  const about = item ? caseOfItem(cases, item.caseId) : null;
  return (
    <section className="current-item" aria-labelledby="current-item-heading" data-testid="current-item">
      <h3 id="current-item-heading">{t('session.nowHeading')}</h3>
      {item && item.status !== 'done' ? (
        <>
          <p className="current-item-title" data-testid="current-item-title" data-item-id={item.id}>
            {item.title}
          </p>
          <p className="current-item-kind">{t('session.kindLabel', { kind: t(`session.kinds.${item.kind}`) })}</p>
          {about && (
            <p className="current-item-case" data-testid="current-item-case">
              {t('session.aboutCase', about)}
            </p>
          )}
          <ItemCountdown item={item} serverNow={serverNow} />
        </>
      ) : (
        <p className="empty">{t('session.noCurrentItem')}</p>
      )}
    </section>
  );
}
