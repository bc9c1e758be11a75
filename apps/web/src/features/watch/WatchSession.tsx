import type { CaseView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { GroupNotes } from '../groups/GroupNotes.tsx';
import { SpeakerCard } from '../queue/SpeakerCard.tsx';
import { AnnouncementBanner } from '../session/AnnouncementBanner.tsx';
import { AttendanceList } from '../session/AttendanceList.tsx';
import { CurrentItem } from '../session/CurrentItem.tsx';
import { ModerationLog } from '../session/ModerationLog.tsx';
import { SessionAnnouncer } from '../session/SessionAnnouncer.tsx';
import type { SessionFeed } from '../session/useSessionFeed.ts';
import { useServerNow } from '../session/useServerNow.ts';
import { endedGroups } from '../session/view.ts';

/** The public's view of the session: nothing to press, names only as the server sends them (pseudonyms). */
interface Props {
  feed: SessionFeed;
  provider: CollabProvider;
  /** The assembly's cases, to name the one the current item is about. */
  cases: readonly CaseView[] | undefined;
}

export function WatchSession({ feed, provider, cases }: Props) {
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
              <SpeakerCard turn={state.turn} serverNow={serverNow} />
            </div>
          )}
          <GroupNotes groups={endedGroups(state)} provider={provider} />
          <AttendanceList attendees={state.attendees} serverNow={serverNow} offset={offset} />
          <ModerationLog entries={state.moderationLog} offset={offset} />
        </>
      )}
    </section>
  );
}
