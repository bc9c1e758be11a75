import type { IssuedCard, MemberRecord, MembersState, Session } from '@moot/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enMembers, enMembersErrors } from '../../i18n/enMembers.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { useSession } from '../assembly/session.ts';
import { sendCommand } from '../session/commands.ts';
import { CardsPanel } from './CardsPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { canManageMembers } from './memberAdmin.ts';
import { MemberList } from './MemberList.tsx';
import { RepresentationPanel } from './RepresentationPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { useAssemblyRoom } from '../assembly/useAssemblyRoom.ts';
import { useConnection } from '../../collab/useConnection.ts';
import './members.css';

// The members pages' strings come with their chunk.
addEnglish(enMembers);
addEnglish(enMembersErrors);

/** `/assembly/members`: the organisers' page for the members the civic lottery drew. */
export function MembersPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'ready' && canManageMembers(session.session)) return <MembersRoom session={session.session} />;
  return (
    <Page title={t('members.title')}>
      <h1>{t('members.title')}</h1>
      {session.status === 'loading' && <Loading label={t('assembly.loading')} />}
      {session.status === 'signed-out' && (
        <div className="notice notice-error" role="alert" data-error-code="unauthorized">
          <p>{t('assembly.noSession')}</p>
        </div>
      )}
      {session.status === 'failed' && <ErrorNotice error={session.error} />}
      {session.status === 'ready' && (
        <div className="notice notice-error" role="alert" data-error-code="forbidden">
          <p>{t('members.onlyOrganisers')}</p>
          <p>
            <Link to="/assembly">{t('session.backToAssembly')}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}

function useMembersState(socket: AssemblySocket | null, connected: boolean) {
  const [state, setState] = useState<MembersState | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!socket || !connected) return;
    let current = true;
    void sendCommand(socket, 'members:list', {}).then((ack) => current && ack.ok && setState(ack.data));
    return () => {
      current = false;
    };
  }, [socket, connected, version]);
  return { state, version, reload };
}

function MembersRoom({ session }: { session: Session }) {
  const { t } = useTranslation();
  // The assembly's one connection, as every page of a participant opens it (documents stay closed here).
  const { socket } = useAssemblyRoom(session.me, session.assembly.id);
  const connected = useConnection(socket).state === 'live';
  const { state, version, reload } = useMembersState(socket, connected);
  const [issued, setIssued] = useState<IssuedCard[]>([]);
  const newCard = async (member: MemberRecord) => {
    if (!socket) return;
    const ack = await sendCommand(socket, 'members:issueCards', { memberIds: [member.memberId] });
    if (ack.ok) {
      setIssued(ack.data.cards);
      reload();
      document.getElementById('members-cards')?.scrollIntoView();
    }
  };
  return (
    <Page title={t('members.title')}>
      <div className="members-page">
        <div className="no-print">
          <h1>{t('members.title')}</h1>
          <p>
            <Link to="/console">{t('session.openConsole')}</Link>
          </p>
          <p className="notice">{t('members.privacy')}</p>
          <nav aria-label={t('members.title')}>
            <ul className="members-nav">
              {(['import', 'list', 'representation', 'cards', 'settings'] as const).map((section) => (
                <li key={section}>
                  <a href={`#members-${section}`}>{t(`members.sections.${section}`)}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        {!socket || !state ? (
          <Loading label={t('members.connecting')} />
        ) : (
          <>
            <ImportPanel socket={socket} onImported={reload} />
            <section aria-labelledby="members-list" className="members-section no-print">
              <h2 id="members-list">{t('members.list.heading')}</h2>
              <MemberList socket={socket} state={state} onChanged={reload} onNewCard={(m) => void newCard(m)} />
            </section>
            <RepresentationPanel socket={socket} version={version} />
            <CardsPanel
              socket={socket}
              state={state}
              assembly={session.assembly.title}
              issued={issued}
              onIssued={(cards) => {
                setIssued(cards);
                reload();
              }}
            />
            <SettingsPanel socket={socket} state={state} onSaved={reload} />
          </>
        )}
      </div>
    </Page>
  );
}
