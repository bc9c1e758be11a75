import { lazy, Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberStandard } from '../assembly/MemberStandard.tsx';
import type { MemberRoom } from '../assembly/memberRoom.ts';
import { GroupNotes } from '../groups/GroupNotes.tsx';
import { MyGroup } from '../groups/MyGroup.tsx';
import { QueueList } from '../queue/QueueList.tsx';
import { AgendaList } from '../session/AgendaList.tsx';
import { AttendanceList } from '../session/AttendanceList.tsx';
import { ModerationLog } from '../session/ModerationLog.tsx';
import { useServerNow } from '../session/useServerNow.ts';
import { attendeeOf, endedGroups, groupsRunning, isMuted, myGroup } from '../session/view.ts';
import { FloorNow } from './FloorNow.tsx';
import { OpenVotesNow } from './OpenVotesNow.tsx';
import { standardsUnderDiscussion } from './view.ts';
import './now.css';

// The programme's view and strings load on demand, after the live room.
const ProgrammeList = lazy(() => import('../programme/ProgrammeList.tsx'));

/**
 * `/assembly`: what is happening now, first. The floor (item, countdown, speaker, my hand), open
 * votes, then the standards under discussion, editable; the rest of this sitting below. The whole
 * charter, votes, cases, comments and the record are their own sections, one tap away.
 */
export function NowSection({ live }: { live: MemberRoom }) {
  const { t } = useTranslation();
  const { socket, provider, room, me, feed, decided, ballots, cases } = live;
  const { state, offset } = feed;
  const serverNow = useServerNow(offset, !!state);
  const heading = useRef<HTMLHeadingElement>(null);
  const running = state && state.status !== 'ended' ? state : null;
  const discussed = standardsUnderDiscussion(running, room.standards);
  const mine = attendeeOf(running, me.id);
  const muted = isMuted(mine, serverNow);
  const names = new Map((running?.attendees ?? []).map((a) => [a.participantId, a.name]));

  return (
    <>
      <section className="now" aria-labelledby="now-heading" data-testid="session-panel">
        <h2 id="now-heading" className="visually-hidden">
          {t('member.now.heading')}
        </h2>
        {running ? (
          <FloorNow socket={socket} state={running} serverNow={serverNow} me={me} cases={cases} />
        ) : (
          state !== undefined && (
            <p className="empty now-aside" data-testid="no-session">
              {t('member.now.noSession')}
            </p>
          )
        )}
        <OpenVotesNow votes={decided.votes} ballots={ballots} />
        {me.role === 'moderator' && (
          <p className="now-aside">
            <Link to="/console">{t('session.openConsole')}</Link>
          </p>
        )}
      </section>
      {running && groupsRunning(running) && (
        <MyGroup
          group={myGroup(running, me.id)}
          names={names}
          standards={room.standards}
          provider={provider}
          canEdit={!muted && !mine?.removed}
        />
      )}
      <section className="now-discussed" aria-labelledby="now-discussed-heading" data-testid="under-discussion">
        <h2 id="now-discussed-heading" ref={heading} tabIndex={-1}>
          {t('member.now.discussing')}
        </h2>
        {discussed.length === 0 ? (
          <p className="empty">
            {t('member.now.nothingDiscussed')} <Link to="/assembly/charter">{t('member.now.openCharter')}</Link>
          </p>
        ) : (
          <ol className="charter-list">
            {discussed.map((standard) => (
              <li key={standard.id}>
                <MemberStandard
                  live={live}
                  standard={standard}
                  index={room.standards.indexOf(standard)}
                  discussed
                  withTools={false}
                  onRemoved={() => heading.current?.focus()}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      {state && (
        <section className="now-details" aria-labelledby="now-details-heading">
          <h2 id="now-details-heading">{state.title}</h2>
          <p data-testid="session-status">
            {t('session.statusLabel', { status: t(`session.statuses.${state.status}`) })}
          </p>
          <GroupNotes groups={endedGroups(state)} provider={provider} />
          {running && (
            <>
              <h3>{t('queue.heading')}</h3>
              <QueueList queue={running.queue} myId={me.id} />
              <AgendaList agenda={running.agenda} cases={cases} />
              <AttendanceList attendees={running.attendees} serverNow={serverNow} offset={offset} myId={me.id} />
              <ModerationLog entries={running.moderationLog} offset={offset} />
            </>
          )}
        </section>
      )}
      <Suspense fallback={null}>
        <ProgrammeList programme={room.programme} />
      </Suspense>
    </>
  );
}
