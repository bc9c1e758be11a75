import { PROTOCOL_VERSION } from '@moot/protocol';
import type { Session } from '@moot/protocol';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useConnection } from '../../collab/useConnection.ts';
import { useSaveStatus } from '../../collab/useSharedDocument.ts';
import { ConnectionStatus } from '../../ui/ConnectionStatus.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { WatchersCount } from '../../ui/WatchersCount.tsx';
import { AddStandardForm } from '../charter/AddStandardForm.tsx';
import { Charge } from '../charter/Charge.tsx';
import { Charter } from '../charter/Charter.tsx';
import { StandardArticle } from '../charter/StandardArticle.tsx';
import { StandardFields } from '../charter/StandardFields.tsx';
import { StandardTools } from '../charter/StandardTools.tsx';
import { StandardDecisions } from '../amendments/StandardDecisions.tsx';
import { useRoomDecisions } from '../amendments/useRoomDecisions.ts';
import { CharterExports } from '../lifecycle/CharterExports.tsx';
import { useBallotBox } from '../votes/useBallotBox.ts';
import { VotesPanel } from '../votes/VotesPanel.tsx';
import { CasesPanel } from '../cases/CasesPanel.tsx';
import { useCases } from '../cases/casesStore.ts';
import { votesOutsideCases } from '../cases/view.ts';
import { CommentsAnnouncer } from '../comments/CommentsAnnouncer.tsx';
import { RecordLinks } from '../record/RecordLinks.tsx';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { useComments } from '../comments/useComments.ts';
import { commentsByStandard, commentsOf } from '../comments/view.ts';
import { DiscussingBadge } from '../session/DiscussingBadge.tsx';
import { SessionPanel } from '../session/SessionPanel.tsx';
import { attendeeOf } from '../session/view.ts';
import { useCanEdit } from '../session/useCanEdit.ts';
import { ShowNameToggle } from './ShowNameToggle.tsx';
import { useSessionFeed } from '../session/useSessionFeed.ts';
import { standardsDiscussedNow } from '../session/view.ts';
import { signOut } from './session.ts';
import { useAssemblyRoom } from './useAssemblyRoom.ts';

/** Facilitators and note-takers only: loaded with their screen, not with every member's page. */
const FacilitatorScreen = lazy(() => import('../facilitator/FacilitatorScreen.tsx'));

export function AssemblyRoom({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { socket, provider, sessions, comments, decisions, cases, room, dispatch } = useAssemblyRoom(
    session.me,
    session.assembly.id,
  );
  const caseList = useCases(cases);
  const commentList = useComments(comments);
  const commentGroups = useMemo(() => commentsByStandard(commentList ?? []), [commentList]);
  const connection = useConnection(socket);
  const feed = useSessionFeed(sessions);
  const discussed = standardsDiscussedNow(feed.state ?? null);
  const canEdit = useCanEdit(feed, session.me.id);
  // Every writable surface goes read-only together, saying why (the comment box too).
  const silenced = canEdit ? null : { mutedUntil: attendeeOf(feed.state ?? null, session.me.id)?.mutedUntil ?? null };
  const save = useSaveStatus(provider);
  const charterHeading = useRef<HTMLHeadingElement>(null);

  const me = room?.me ?? session.me;
  const assembly = room?.assembly ?? session.assembly;
  const isModerator = me.role === 'moderator';
  const decided = useRoomDecisions(decisions);
  const ballots = useBallotBox(socket, me.role === 'member');
  const outdated =
    connection.refusal?.code === 'protocol_mismatch' || (room !== null && room.protocolVersion !== PROTOCOL_VERSION);

  const banner = (
    <div className="banner-tools">
      <ConnectionStatus connection={connection} save={save} />
      {room && <WatchersCount count={room.watchers} />}
      <p className="whoami">{t('assembly.signedInAs', { name: me.displayName, role: t(`roles.${me.role}`) })}</p>
      {me.role === 'member' && socket && (
        <ShowNameToggle socket={socket} seat={me.seat} initial={me.showName ?? false} />
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => void signOut().then(() => navigate('/', { replace: true }))}
      >
        {t('app.signOut')}
      </button>
    </div>
  );

  return (
    <Page title={assembly.title} banner={banner}>
      <h1>{assembly.title}</h1>
      <Charge label={t('assembly.chargeLabel')} charge={assembly.charge} />
      <RecordLinks reader={{ watchKey: null }} />
      {outdated ? (
        <ErrorNotice error={{ code: 'protocol_mismatch', message: '' }}>
          <button type="button" onClick={() => window.location.reload()}>
            {t('assembly.reload')}
          </button>
        </ErrorNotice>
      ) : connection.refusal?.code === 'unauthorized' ? (
        <div className="notice notice-error" role="alert" data-error-code="unauthorized">
          <p>{t('assembly.noSession')}</p>
        </div>
      ) : (
        connection.refusal && <ErrorNotice error={connection.refusal} />
      )}
      {!room || !socket || !provider ? (
        !connection.refusal && <Loading label={t('assembly.connecting')} />
      ) : (
        <>
          {feed.state !== undefined && (
            <SessionPanel
              socket={socket}
              provider={provider}
              feed={feed}
              me={me}
              standards={room.standards}
              cases={caseList}
            />
          )}
          {(me.role === 'facilitator' || me.role === 'note_taker') && feed.state && (
            <Suspense fallback={null}>
              <FacilitatorScreen
                socket={socket}
                provider={provider}
                state={feed.state}
                me={me}
                votes={decided.votes ?? []}
              />
            </Suspense>
          )}
          <VotesPanel
            votes={votesOutsideCases(decided.votes)}
            actions={{ ballots }}
            subjects={{ amendments: decided.amendments, standards: room.standards }}
            {...(isModerator ? { note: t('votes.moderatorsDoNotVote') } : {})}
          />
          <CasesPanel
            cases={caseList}
            standards={room.standards}
            votes={decided.votes}
            provider={provider}
            actions={{ canDraft: canEdit, votes: { ballots } }}
          />
          <CommentsAnnouncer comments={commentList} standards={room.standards} />
          <Charter
            standards={room.standards}
            emptyText={t('charter.emptyMember')}
            headingRef={charterHeading}
            renderStandard={(standard, index) => (
              <StandardArticle
                standard={standard}
                number={index + 1}
                badge={<DiscussingBadge show={discussed.has(standard.id)} />}
                tools={
                  <StandardTools
                    socket={socket}
                    standard={standard}
                    index={index}
                    count={room.standards.length}
                    isModerator={isModerator}
                    dispatch={dispatch}
                    onRemoved={() => charterHeading.current?.focus()}
                  />
                }
              >
                <StandardFields
                  provider={provider}
                  standard={standard}
                  canEdit={canEdit}
                  silenced={silenced && { ...silenced, offset: feed.offset }}
                />
                <StandardDecisions
                  standard={standard}
                  amendments={decided.amendmentsOf(standard.id)}
                  dissents={decided.dissentsOf(standard.id)}
                  actions={{ socket, me }}
                />
                <CommentsSection
                  standard={standard}
                  comments={commentsOf(commentGroups, standard.id)}
                  offset={feed.offset}
                  actions={{ socket, isModerator, silenced }}
                />
              </StandardArticle>
            )}
          >
            <AddStandardForm
              socket={socket}
              onAdded={(standard) => dispatch({ type: 'standard', standard, added: true })}
            />
          </Charter>
          <CharterExports />
        </>
      )}
    </Page>
  );
}
