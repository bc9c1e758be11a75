import type { CaseView, SessionState, StandardView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enWatchLive } from '../../i18n/enWatchLive.ts';
import { caseOfItem } from '../cases/view.ts';
import { GroupNotes } from '../groups/GroupNotes.tsx';
import { QueueList } from '../queue/QueueList.tsx';
import { AttendanceList } from '../session/AttendanceList.tsx';
import { ModerationLog } from '../session/ModerationLog.tsx';
import { currentItem, endedGroups, inAgendaOrder, standardsDiscussedNow } from '../session/view.ts';
import { LiveText, RECENT_MS } from './LiveText.tsx';
import './watchLive.css';

// These strings come with this chunk, which the watch page loads just after its first paint.
addEnglish(enWatchLive);

interface Props {
  state: SessionState;
  standards: readonly StandardView[];
  provider: CollabProvider;
  cases: readonly CaseView[] | undefined;
  serverNow: number;
  offset: number;
}

// One chunk for the page's late parts: the livestream's player is loaded from here too.
export { LivestreamEmbed } from './LivestreamEmbed.tsx';

/**
 * The public's live view of a sitting, beyond the current item and speaker: the whole programme
 * with the current item marked, the queue, and the text under discussion with recent additions
 * highlighted. A chunk of its own (lazy), so the watch page's first load stays within budget.
 */
export function WatchLive({ state, standards, provider, cases, serverNow, offset }: Props) {
  return (
    <>
      {state.status !== 'ended' && <WatchFloor state={state} standards={standards} provider={provider} cases={cases} />}
      <GroupNotes groups={endedGroups(state)} provider={provider} />
      <AttendanceList attendees={state.attendees} serverNow={serverNow} offset={offset} />
      <ModerationLog entries={state.moderationLog} offset={offset} />
    </>
  );
}

function WatchFloor({ state, standards, provider, cases }: Omit<Props, 'serverNow' | 'offset'>) {
  const { t } = useTranslation();
  const current = currentItem(state);
  const discussed = standardsDiscussedNow(state);
  const texts = standards.filter((s) => discussed.has(s.id));
  return (
    <div className="watch-live">
      <section className="watch-programme" aria-labelledby="agenda-heading" data-testid="watch-agenda">
        <h3 id="agenda-heading">{t('watchLive.agendaHeading')}</h3>
        {state.agenda.length === 0 ? (
          <p className="empty">{t('session.agendaEmpty')}</p>
        ) : (
          <ol className="programme-list">
            {inAgendaOrder(state.agenda).map((item) => {
              const isCurrent = item.id === current?.id && item.status !== 'done';
              const about = caseOfItem(cases, item.caseId);
              return (
                <li
                  key={item.id}
                  data-testid="agenda-item"
                  data-status={item.status}
                  data-current={isCurrent || undefined}
                  aria-current={isCurrent ? 'step' : undefined}
                >
                  {isCurrent && <span className="tag tag-now">{t('watchLive.now')}</span>}
                  <span className="programme-title">{item.title}</span>{' '}
                  <span className="programme-meta">
                    {t(`session.kinds.${item.kind}`)} · {t('session.plannedMinutes', { count: item.plannedMinutes })} ·{' '}
                    {about && <>{t('session.aboutCase', about)} · </>}
                    {t(`session.itemStatuses.${item.status}`)}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section className="queue" aria-labelledby="watch-queue-heading">
        <h3 id="watch-queue-heading">{t('queue.heading')}</h3>
        <QueueList queue={state.queue} />
      </section>
      {texts.length > 0 && (
        <section className="watch-live-text" aria-labelledby="live-text-heading">
          <h3 id="live-text-heading">{t('watchLive.liveTextHeading')}</h3>
          <p className="hint">{t('watchLive.liveTextLegend', { seconds: RECENT_MS / 1000 })}</p>
          {texts.map((standard) => (
            <LiveText key={standard.id} provider={provider} standard={standard} />
          ))}
        </section>
      )}
    </div>
  );
}
