import type { CaseView, StandardView } from '@moot/protocol';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { SpeakerCard } from '../queue/SpeakerCard.tsx';
import { AnnouncementBanner } from '../session/AnnouncementBanner.tsx';
import { CurrentItem } from '../session/CurrentItem.tsx';
import { SessionAnnouncer } from '../session/SessionAnnouncer.tsx';
import type { SessionFeed } from '../session/useSessionFeed.ts';
import { useServerNow } from '../session/useServerNow.ts';

// The programme, queue, live text, group notes, attendance and the moderation log load in a chunk of
// their own, just after the current item and the speaker (the page's budget, vite.config.ts).
const WatchLive = lazy(() => import('./WatchLive.tsx').then((m) => ({ default: m.WatchLive })));

/** The public's view of the session: nothing to press, names only as the server sends them (pseudonyms). */
interface Props {
  feed: SessionFeed;
  provider: CollabProvider;
  /** The assembly's cases, to name the one the current item is about. */
  cases: readonly CaseView[] | undefined;
  standards: readonly StandardView[];
}

export function WatchSession({ feed, provider, cases, standards }: Props) {
  const { t } = useTranslation();
  const { state, offset } = feed;
  const serverNow = useServerNow(offset, !!state);
  return (
    <section className="session" aria-labelledby="session-heading" data-testid="session-panel">
      <h2 id="session-heading">{state ? state.title : t('session.heading')}</h2>
      <SessionAnnouncer state={state} myId={null} />
      {!state ? (
        <p className="empty">{t('session.none')}</p>
      ) : (
        <>
          <p data-testid="session-status">
            {t('session.statusLabel', { status: t(`session.statuses.${state.status}`) })}
          </p>
          <AnnouncementBanner announcements={state.announcements} />
          {state.status !== 'ended' && (
            <div className="session-grid">
              <CurrentItem state={state} serverNow={serverNow} cases={cases} />
              <SpeakerCard turn={state.turn} serverNow={serverNow} attendees={state.attendees} />
            </div>
          )}
          <Suspense fallback={null}>
            <WatchLive
              state={state}
              standards={standards}
              provider={provider}
              cases={cases}
              serverNow={serverNow}
              offset={offset}
            />
          </Suspense>
        </>
      )}
    </section>
  );
}
