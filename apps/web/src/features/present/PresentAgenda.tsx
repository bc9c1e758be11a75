import type { SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { inAgendaOrder } from '../session/view.ts';
import { useAutoFit } from './useAutoFit.ts';

/** The agenda down the side, the current item marked (in words too, not only by colour). */
export function PresentAgenda({ state }: { state: SessionState | null }) {
  const { t } = useTranslation();
  const box = useAutoFit<HTMLElement>({ max: 3 });
  return (
    <section className="present-box present-agenda" aria-labelledby="present-agenda-h" ref={box}>
      <h2 id="present-agenda-h" className="present-label">
        {t('present.agenda')}
      </h2>
      {!state ? (
        <p className="present-empty">{t('present.noSession')}</p>
      ) : state.agenda.length === 0 ? (
        <p className="present-empty">{t('present.noAgenda')}</p>
      ) : (
        <ol className="present-agenda-list">
          {inAgendaOrder(state.agenda).map((item) => {
            const current = item.id === state.currentItemId && item.status !== 'done';
            return (
              <li
                key={item.id}
                className={`present-agenda-item present-agenda-${item.status}${current ? ' present-agenda-current' : ''}`}
                aria-current={current ? 'step' : undefined}
                data-testid="present-agenda-item"
                data-status={item.status}
              >
                <span className="present-agenda-state">{t(`present.itemState.${item.status}`)}</span>
                <span className="present-agenda-title">{item.title}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
