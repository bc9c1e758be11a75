import type { Session } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConnection } from '../../collab/useConnection.ts';
import { useSaveStatus } from '../../collab/useSharedDocument.ts';
import { ConnectionStatus } from '../../ui/ConnectionStatus.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { useAssemblyRoom } from '../assembly/useAssemblyRoom.ts';
import { TableAmendments } from '../amendments/TableAmendments.tsx';
import { CasesPanel } from '../cases/CasesPanel.tsx';
import { useCases } from '../cases/casesStore.ts';
import { OpenCaseForm } from '../cases/OpenCaseForm.tsx';
import { votesOutsideCases } from '../cases/view.ts';
import { LifecycleConsole } from '../lifecycle/LifecycleConsole.tsx';
import { useDecisions } from '../votes/useDecisions.ts';
import { OpenVoteForm } from '../votes/OpenVoteForm.tsx';
import { VotesPanel } from '../votes/VotesPanel.tsx';
import { AttendanceList } from '../session/AttendanceList.tsx';
import { ModerationLog } from '../session/ModerationLog.tsx';
import { SessionAnnouncer } from '../session/SessionAnnouncer.tsx';
import { useSessionFeed } from '../session/useSessionFeed.ts';
import { useServerNow } from '../session/useServerNow.ts';
import { ProgrammeConsole } from '../programme/ProgrammeConsole.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AnnouncementsConsole } from './AnnouncementsConsole.tsx';
import { EquityView } from './EquityView.tsx';
import { GroupsConsole } from './GroupsConsole.tsx';
import { ModerationConsole } from './ModerationConsole.tsx';
import { RosterConsole } from './RosterConsole.tsx';
import { QueueConsole } from './QueueConsole.tsx';
import { SessionSetup } from './SessionSetup.tsx';

/** Everything a moderator needs to run the session, on one keyboard-navigable page. */
export function ConsoleRoom({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { socket, provider, sessions, decisions, cases, room } = useAssemblyRoom(session.me, session.assembly.id);
  const decided = useDecisions(decisions);
  const caseList = useCases(cases);
  const connection = useConnection(socket);
  const save = useSaveStatus(provider);
  const feed = useSessionFeed(sessions);
  const { state, offset } = feed;
  const serverNow = useServerNow(offset, !!state);
  const title = t('console.title');
  const active = state && state.status !== 'ended' ? state : null;

  return (
    <Page
      title={title}
      banner={
        <div className="banner-tools">
          <ConnectionStatus connection={connection} save={save} />
        </div>
      }
    >
      <h1>{title}</h1>
      <p>
        <Link to="/assembly">{t('session.backToAssembly')}</Link>
      </p>
      {connection.refusal && <ErrorNotice error={connection.refusal} />}
      {!socket || !provider || !room || state === undefined ? (
        !connection.refusal && <Loading label={t('assembly.connecting')} />
      ) : (
        <div className="console" data-testid="console">
          <SessionAnnouncer state={state} myId={session.me.id} />
          <SessionSetup socket={socket} state={state} />
          <ProgrammeConsole socket={socket} programme={room.programme} standards={room.standards} cases={caseList} />
          {active && (
            <>
              <AgendaEditor
                socket={socket}
                state={active}
                standards={room.standards}
                cases={caseList}
                serverNow={serverNow}
              />
              <QueueConsole socket={socket} state={active} serverNow={serverNow} />
              <EquityView equity={active.equity} />
              <AttendanceList attendees={active.attendees} serverNow={serverNow} offset={offset} myId={session.me.id} />
              <GroupsConsole socket={socket} state={active} standards={room.standards} provider={provider} />
              <AnnouncementsConsole socket={socket} announcements={active.announcements} />
              <ModerationConsole socket={socket} state={active} />
              <ModerationLog entries={active.moderationLog} offset={offset} />
            </>
          )}
          {state?.status === 'ended' && <EquityView equity={state.equity} />}
          <LifecycleConsole socket={socket} standards={room.standards} />
          <OpenVoteForm socket={socket} standards={room.standards} live={state?.status === 'live'} />
          <VotesPanel
            votes={votesOutsideCases(decided.votes)}
            actions={{ closeWith: socket }}
            subjects={{ amendments: decided.amendments }}
          />
          <TableAmendments socket={socket} amendments={decided.amendments} standards={room.standards} />
          <OpenCaseForm socket={socket} standards={room.standards} />
          <CasesPanel
            cases={caseList}
            standards={room.standards}
            votes={decided.votes}
            provider={provider}
            actions={{ canDraft: true, votes: { closeWith: socket }, steerWith: socket }}
          />
          <RosterConsole socket={socket} me={session.me} />
        </div>
      )}
    </Page>
  );
}
