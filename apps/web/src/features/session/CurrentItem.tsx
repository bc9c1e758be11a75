import type { SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { ItemCountdown } from './Countdown.tsx';
import { currentItem } from './view.ts';

/** The agenda item running now, its kind and its countdown: the same on every page. */
export function CurrentItem({ state, serverNow }: { state: SessionState; serverNow: number }) {
  const { t } = useTranslation();
  const item = currentItem(state);
  return (
    <section className="current-item" aria-labelledby="current-item-heading" data-testid="current-item">
      <h3 id="current-item-heading">{t('session.nowHeading')}</h3>
      {item && item.status !== 'done' ? (
        <>
          <p className="current-item-title" data-testid="current-item-title" data-item-id={item.id}>
            {item.title}
          </p>
          <p className="current-item-kind">{t('session.kindLabel', { kind: t(`session.kinds.${item.kind}`) })}</p>
          <ItemCountdown item={item} serverNow={serverNow} />
        </>
      ) : (
        <p className="empty">{t('session.noCurrentItem')}</p>
      )}
    </section>
  );
}
