import type { IssuedCard, MemberRecord, MembersState } from '@moot/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RequestError } from '../../api/http.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enMembers, enMembersErrors } from '../../i18n/enMembers.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { loadAssembly } from '../organise/organiseApi.ts';
import { CardsPanel } from './CardsPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { callMembers } from './memberApi.ts';
import { MemberList } from './MemberList.tsx';
import { RepresentationPanel } from './RepresentationPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import './members.css';

// The members pages' strings come with their chunk.
addEnglish(enMembers);
addEnglish(enMembersErrors);

type Loaded =
  | { status: 'loading' }
  | { status: 'out' }
  | { status: 'missing' }
  | { status: 'failed'; error: RequestError }
  | { status: 'ready'; title: string; state: MembersState };

/**
 * `/organise/:assemblyId/members`: the organisers' page for the members the civic lottery drew.
 * Behind the organiser session (the organisers' API answers 401 to anyone else, 404 for an
 * assembly they do not run); no seat of the assembly, moderator included, reaches it.
 */
export default function MembersPage() {
  const { t } = useTranslation();
  const { assemblyId = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let current = true;
    void Promise.all([loadAssembly(assemblyId), callMembers(assemblyId, 'list', {})]).then(([assembly, members]) => {
      if (!current) return;
      const failed = !assembly.ok ? assembly : !members.ok ? members : null;
      if (failed && !failed.ok) {
        if (failed.status === 401) return setLoaded({ status: 'out' });
        if (failed.status === 404 || failed.status === 400) return setLoaded({ status: 'missing' });
        return setLoaded({ status: 'failed', error: failed.error });
      }
      if (assembly.ok && members.ok) {
        setLoaded({ status: 'ready', title: assembly.data.assembly.title, state: members.data });
      }
    });
    return () => {
      current = false;
    };
  }, [assemblyId, version]);
  return (
    <Page title={t('members.title')}>
      {loaded.status === 'ready' ? (
        <MembersSections
          assemblyId={assemblyId}
          title={loaded.title}
          state={loaded.state}
          version={version}
          reload={reload}
        />
      ) : (
        <>
          <h1>{t('members.title')}</h1>
          {loaded.status === 'loading' && <Loading label={t('members.connecting')} />}
          {loaded.status === 'out' && (
            <div className="notice notice-error" role="alert" data-error-code="unauthorized">
              <p>{t('organise.needLink')}</p>
            </div>
          )}
          {loaded.status === 'missing' && (
            <div className="notice notice-error" role="alert" data-error-code="not_found">
              <p>{t('organise.assembly.notFound')}</p>
            </div>
          )}
          {loaded.status === 'failed' && <ErrorNotice error={loaded.error} />}
        </>
      )}
    </Page>
  );
}

function MembersSections({
  assemblyId,
  title,
  state,
  version,
  reload,
}: {
  assemblyId: string;
  title: string;
  state: MembersState;
  version: number;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [issued, setIssued] = useState<IssuedCard[]>([]);
  const newCard = async (member: MemberRecord) => {
    const result = await callMembers(assemblyId, 'issueCards', { memberIds: [member.memberId] });
    if (result.ok) {
      setIssued(result.data.cards);
      reload();
      document.getElementById('members-cards')?.scrollIntoView();
    }
  };
  return (
    <div className="members-page">
      <div className="no-print">
        <p>
          <Link to={`/organise/${encodeURIComponent(assemblyId)}`}>{t('organiserMembers.back', { title })}</Link>
        </p>
        <h1>{t('members.title')}</h1>
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
      <ImportPanel assemblyId={assemblyId} onImported={reload} />
      <section aria-labelledby="members-list" className="members-section no-print">
        <h2 id="members-list">{t('members.list.heading')}</h2>
        <MemberList assemblyId={assemblyId} state={state} onChanged={reload} onNewCard={(m) => void newCard(m)} />
      </section>
      <RepresentationPanel assemblyId={assemblyId} version={version} />
      <CardsPanel
        assemblyId={assemblyId}
        state={state}
        assembly={title}
        issued={issued}
        onIssued={(cards) => {
          setIssued(cards);
          reload();
        }}
      />
      <SettingsPanel assemblyId={assemblyId} state={state} onSaved={reload} />
    </div>
  );
}
