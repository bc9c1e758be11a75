import type { AgendaItemView, CaseView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { caseOfItem } from '../cases/view.ts';
import { inAgendaOrder } from './view.ts';

/** The agenda in order, each item with its kind, planned time, case and status in words. */
export function AgendaList({ agenda, cases }: { agenda: readonly AgendaItemView[]; cases?: readonly CaseView[] }) {
  const { t } = useTranslation();
  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      <h3 id="agenda-heading">{t('session.agendaHeading')}</h3>
      {agenda.length === 0 ? (
        <p className="empty">{t('session.agendaEmpty')}</p>
      ) : (
        <ol className="agenda-list">
          {inAgendaOrder(agenda).map((item) => {
            const about = caseOfItem(cases, item.caseId);
            return (
              <li key={item.id} data-status={item.status} aria-current={item.status === 'running' ? 'step' : undefined}>
                <span className="agenda-title">{item.title}</span>{' '}
                <span className="agenda-meta">
                  {t(`session.kinds.${item.kind}`)} · {t('session.plannedMinutes', { count: item.plannedMinutes })} ·{' '}
                  {about && <>{t('session.aboutCase', about)} · </>}
                  <span className={`item-status item-${item.status}`}>{t(`session.itemStatuses.${item.status}`)}</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
