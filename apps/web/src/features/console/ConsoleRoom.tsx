import type { Session } from '@moot/protocol';
import { useState } from 'react';
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
import { OpenFinalBallotForm } from '../finalBallot/OpenFinalBallotForm.tsx';
import { VotesPanel } from '../votes/VotesPanel.tsx';
import { AttendanceList } from '../session/AttendanceList.tsx';
import { useCommands } from '../session/commands.ts';
import { ModerationLog } from '../session/ModerationLog.tsx';
import { SessionAnnouncer } from '../session/SessionAnnouncer.tsx';
import { useSessionFeed } from '../session/useSessionFeed.ts';
import { useServerNow } from '../session/useServerNow.ts';
import { ProgrammeConsole } from '../programme/ProgrammeConsole.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AnnouncementsConsole } from './AnnouncementsConsole.tsx';
import { DeskPanes, type Pane } from './DeskPanes.tsx';
import { DiscussedText } from './DiscussedText.tsx';
import { EquityView } from './EquityView.tsx';
import { GroupsConsole } from './GroupsConsole.tsx';
import { LivestreamForm } from './LivestreamForm.tsx';
import { ModerationConsole } from './ModerationConsole.tsx';
import { APPEALS_CONSOLE_ID, AppealsConsole, PendingAppealsNotice } from '../appeals/AppealsConsole.tsx';
import { useAppeals } from '../appeals/appealsStore.ts';
import { RosterConsole } from './RosterConsole.tsx';
import { QueueConsole } from './QueueConsole.tsx';
import { SessionSetup } from './SessionSetup.tsx';
import { ShortcutsPanel } from './ShortcutsPanel.tsx';
import { useDeskShortcuts } from './useDeskShortcuts.ts';
import { useLivestream } from './useLivestream.ts';
import './desk.css';

/**
 * Everything a moderator needs to run a sitting on one screen: the agenda and timer, the text
 * under discussion, votes, the floor with its equity, check-in, and the other tools, as panes
 * (side by side on a wide screen, one at a time on a phone), with single-key shortcuts.
 */
export function ConsoleRoom({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { socket, provider, sessions, decisions, cases, appeals, room } = useAssemblyRoom(
    session.me,
    session.assembly.id,
  );
  const appealCases = useAppeals(appeals);
  const decided = useDecisions(decisions);
  const caseList = useCases(cases);
  const connection = useConnection(socket);
  const save = useSaveStatus(provider);
  const feed = useSessionFeed(sessions);
  const livestream = useLivestream(socket);
  const { state, offset } = feed;
  const serverNow = useServerNow(offset, !!state);
  const title = t('console.title');
  const active = state && state.status !== 'ended' ? state : null;
  const [pane, setPane] = useState<Pane>('sitting');
  const [help, setHelp] = useState(false);
  const shortcutCommands = useCommands(socket!);
  const shortcutMessage = useDeskShortcuts({
    state: state ?? null,
    votes: decided.votes,
    run: shortcutCommands.run,
    toggleHelp: () => setHelp((shown) => !shown),
    showPane: setPane,
  });

  const ready = socket && provider && room && state !== undefined;
  return (
    <Page
      title={title}
      banner={
        <div className="banner-tools">
          <ConnectionStatus connection={connection} save={save} />
        </div>
      }
    >
      <div className="desk-head">
        <h1>{title}</h1>
        <p>
          <Link to="/assembly">{t('session.backToAssembly')}</Link> ·{' '}
          <Link to="/present">{t('session.presentMode')}</Link>
        </p>
        <p className="desk-status" role="status" data-testid="shortcut-status">
          {shortcutMessage}
        </p>
        <button
          type="button"
          className="secondary desk-help"
          aria-expanded={help}
          aria-controls="desk-shortcuts"
          aria-keyshortcuts="?"
          onClick={() => setHelp((shown) => !shown)}
        >
          {t('desk.shortcutsButton')} <kbd className="desk-key">?</kbd>
        </button>
      </div>
      <div id="desk-shortcuts">{help && <ShortcutsPanel onClose={() => setHelp(false)} />}</div>
      <PendingAppealsNotice
        cases={appealCases}
        myId={session.me.id}
        onShow={() => {
          setPane('more');
          requestAnimationFrame(() => document.getElementById(APPEALS_CONSOLE_ID)?.scrollIntoView());
        }}
      />
      {shortcutCommands.error && <ErrorNotice error={shortcutCommands.error} />}
      {connection.refusal && <ErrorNotice error={connection.refusal} />}
      {!ready ? (
        !connection.refusal && <Loading label={t('assembly.connecting')} />
      ) : (
        <div className="console desk" data-testid="console">
          <SessionAnnouncer state={state} myId={session.me.id} />
          <DeskPanes
            active={pane}
            onShow={setPane}
            content={{
              sitting: (
                <>
                  <SessionSetup socket={socket} state={state} />
                  {active && (
                    <AgendaEditor
                      socket={socket}
                      state={active}
                      standards={room.standards}
                      cases={caseList}
                      serverNow={serverNow}
                    />
                  )}
                </>
              ),
              text: <DiscussedText state={active} standards={room.standards} provider={provider} />,
              votes: (
                <>
                  <OpenVoteForm socket={socket} standards={room.standards} live={state?.status === 'live'} />
                  <OpenFinalBallotForm socket={socket} standards={room.standards} live={state?.status === 'live'} />
                  <VotesPanel
                    votes={votesOutsideCases(decided.votes)}
                    actions={{ closeWith: socket }}
                    subjects={{ amendments: decided.amendments }}
                  />
                  <TableAmendments socket={socket} amendments={decided.amendments} standards={room.standards} />
                </>
              ),
              floor: (
                <>
                  {active ? (
                    <QueueConsole socket={socket} state={active} serverNow={serverNow} />
                  ) : (
                    <p className="empty">{t('desk.noSession')}</p>
                  )}
                  {state && <EquityView equity={state.equity} serverNow={serverNow} offset={offset} />}
                </>
              ),
              checkIn: active ? (
                <AttendanceList
                  attendees={active.attendees}
                  serverNow={serverNow}
                  offset={offset}
                  myId={session.me.id}
                />
              ) : (
                <p className="empty">{t('desk.noSession')}</p>
              ),
              more: (
                <>
                  <AppealsConsole socket={socket} cases={appealCases} myId={session.me.id} />
                  <ProgrammeConsole
                    socket={socket}
                    programme={room.programme}
                    standards={room.standards}
                    cases={caseList}
                  />
                  {active && (
                    <>
                      <GroupsConsole socket={socket} state={active} standards={room.standards} provider={provider} />
                      <AnnouncementsConsole socket={socket} announcements={active.announcements} />
                      <ModerationConsole socket={socket} state={active} />
                      <ModerationLog entries={active.moderationLog} offset={offset} />
                    </>
                  )}
                  <LivestreamForm socket={socket} livestream={livestream} />
                  <LifecycleConsole socket={socket} standards={room.standards} />
                  <OpenCaseForm socket={socket} standards={room.standards} />
                  <CasesPanel
                    cases={caseList}
                    standards={room.standards}
                    votes={decided.votes}
                    provider={provider}
                    actions={{ canDraft: true, votes: { closeWith: socket }, steerWith: socket }}
                  />
                  <RosterConsole socket={socket} me={session.me} />
                </>
              ),
            }}
          />
        </div>
      )}
    </Page>
  );
}
