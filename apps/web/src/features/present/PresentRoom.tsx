import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConnection } from '../../collab/useConnection.ts';
import { ConnectionBadge } from '../../ui/ConnectionBadge.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { LiveAnnouncer } from '../../ui/LiveAnnouncer.tsx';
import { Loading } from '../../ui/Page.tsx';
import { standardsUnderDiscussion } from '../now/view.ts';
import { useSessionFeed } from '../session/useSessionFeed.ts';
import { useServerNow } from '../session/useServerNow.ts';
import { useDecisions } from '../votes/useDecisions.ts';
import { PresentAgenda } from './PresentAgenda.tsx';
import { PresentDraft } from './PresentDraft.tsx';
import { PresentFloor } from './PresentFloor.tsx';
import { PresentVote } from './PresentVote.tsx';
import { usePresentRoom, type PresentAccess } from './usePresentRoom.ts';
import './present.css';

/**
 * Present mode's one screen, for the back of a room: the agenda with the current item, the floor
 * (item, countdown, speaker), the text being drafted (live, read-only, large) and the last vote's
 * result as bars. Four fixed boxes fill the viewport; each sizes its own type to fit (no scrolling).
 */
export function PresentRoom({ access }: { access: PresentAccess }) {
  const { t } = useTranslation();
  const { socket, provider, sessions, decisions, room } = usePresentRoom(access);
  const connection = useConnection(socket);
  const feed = useSessionFeed(sessions);
  const { votes } = useDecisions(decisions);
  const state = feed.state && feed.state.status !== 'ended' ? feed.state : null;
  const serverNow = useServerNow(feed.offset, !!state);
  const title = room?.assembly.title ?? t('present.title');
  const drafting = standardsUnderDiscussion(state, room?.standards ?? []);

  useEffect(() => {
    document.title = `${title} · ${t('present.title')}`;
  }, [title, t]);

  return (
    <div className="present" data-testid="present">
      <header className="present-header">
        <h1 className="present-title">{title}</h1>
        {state && <p className="present-session">{state.title}</p>}
        <ConnectionBadge connection={connection} />
        {access.kind === 'moderator' && (
          <Link className="present-exit" to="/console">
            {t('present.exit')}
          </Link>
        )}
      </header>
      <main className="present-main" id="main">
        <LiveAnnouncer>
          {connection.refusal && <ErrorNotice error={connection.refusal} />}
          {!room || !provider ? (
            !connection.refusal && <Loading label={t('assembly.connecting')} />
          ) : (
            <div className="present-grid">
              <PresentAgenda state={state} />
              <PresentFloor state={state} serverNow={serverNow} />
              <PresentDraft provider={provider} standards={drafting} charter={room.standards} />
              <PresentVote votes={votes} />
            </div>
          )}
        </LiveAnnouncer>
      </main>
    </div>
  );
}
