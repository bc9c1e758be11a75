import type { CaseView, ParticipantView, StandardView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { GroupNotes } from '../groups/GroupNotes.tsx';
import { MyGroup } from '../groups/MyGroup.tsx';
import { QueuePanel } from '../queue/QueuePanel.tsx';
import { AgendaList } from './AgendaList.tsx';
import { AnnouncementBanner } from './AnnouncementBanner.tsx';
import { AttendanceList } from './AttendanceList.tsx';
import { useCommands } from './commands.ts';
import { CurrentItem } from './CurrentItem.tsx';
import { MemberStatus } from './MemberStatus.tsx';
import { ModerationLog } from './ModerationLog.tsx';
import { SessionAnnouncer } from './SessionAnnouncer.tsx';
import type { SessionFeed } from './useSessionFeed.ts';
import { useServerNow } from './useServerNow.ts';
import { attendeeOf, endedGroups, groupsRunning, isMuted, myGroup } from './view.ts';

interface Props {
  socket: AssemblySocket;
  provider: CollabProvider;
  feed: SessionFeed;
  me: ParticipantView;
  standards: readonly StandardView[];
  /** The assembly's cases, to name the one an agenda item is about. */
  cases: readonly CaseView[] | undefined;
}

/** `/assembly`'s live session: the current item, the floor, the queue, groups, attendance. */
export function SessionPanel({ socket, provider, feed, me, standards, cases }: Props) {
  const { t } = useTranslation();
  const { state, offset, notice } = feed;
  const serverNow = useServerNow(offset, !!state);
  const checkIn = useCommands(socket);
  const isModerator = me.role === 'moderator';

  const header = (
    <div className="session-header">
      <h2 id="session-heading">{state ? state.title : t('session.heading')}</h2>
      {state && (
        <p data-testid="session-status">
          {t('session.statusLabel', { status: t(`session.statuses.${state.status}`) })}
        </p>
      )}
      {isModerator && (
        <p>
          <Link to="/console">{t('session.openConsole')}</Link>
          {' · '}
          <Link to="/assembly/members">{t('session.openMembers')}</Link>
        </p>
      )}
    </div>
  );

  if (!state || state.status === 'ended')
    return (
      <section className="session" aria-labelledby="session-heading" data-testid="session-panel">
        {header}
        <SessionAnnouncer state={state} myId={me.id} />
        {/* Comments live outside sessions, so a hidden comment is reported even when none runs. */}
        {notice?.action === 'hide_comment' && (
          <MemberStatus me={undefined} notice={notice} serverNow={serverNow} offset={offset} />
        )}
        {!state && <p className="empty">{t('session.none')}</p>}
        {state && <GroupNotes groups={endedGroups(state)} provider={provider} />}
      </section>
    );

  const mine = attendeeOf(state, me.id);
  const muted = isMuted(mine, serverNow);
  const names = new Map(state.attendees.map((a) => [a.participantId, a.name]));
  const running = groupsRunning(state);

  return (
    <section className="session" aria-labelledby="session-heading" data-testid="session-panel">
      {header}
      <SessionAnnouncer state={state} myId={me.id} />
      <AnnouncementBanner announcements={state.announcements} />
      <MemberStatus me={mine} notice={notice} serverNow={serverNow} offset={offset} />
      <div className="check-in">
        {mine?.checkedIn ? (
          <p data-testid="checked-in">{t('session.checkedIn')}</p>
        ) : (
          <button
            type="button"
            disabled={checkIn.busy || !!mine?.removed}
            onClick={() => void checkIn.run('attendance:checkIn', { sessionId: state.id })}
          >
            {t('session.checkIn')}
          </button>
        )}
        {checkIn.error && <ErrorNotice error={checkIn.error} />}
      </div>
      <div className="session-grid">
        <CurrentItem state={state} serverNow={serverNow} cases={cases} />
        <QueuePanel
          socket={socket}
          state={state}
          serverNow={serverNow}
          me={me}
          muted={muted}
          removed={!!mine?.removed}
        />
      </div>
      {running && (
        <MyGroup
          group={myGroup(state, me.id)}
          names={names}
          standards={standards}
          provider={provider}
          canEdit={!muted && !mine?.removed}
        />
      )}
      <GroupNotes groups={endedGroups(state)} provider={provider} />
      <AgendaList agenda={state.agenda} cases={cases} />
      <AttendanceList attendees={state.attendees} serverNow={serverNow} offset={offset} myId={me.id} />
      <ModerationLog entries={state.moderationLog} offset={offset} />
    </section>
  );
}
