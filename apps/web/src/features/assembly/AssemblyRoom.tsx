import { PROTOCOL_VERSION } from '@moot/protocol';
import type { Session } from '@moot/protocol';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { useConnection } from '../../collab/useConnection.ts';
import { useSaveStatus } from '../../collab/useSharedDocument.ts';
import { CompactPage } from '../../ui/CompactPage.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Page.tsx';
import { useRoomDecisions } from '../amendments/useRoomDecisions.ts';
import { CasesAnnouncer } from '../cases/CasesAnnouncer.tsx';
import { useCases } from '../cases/casesStore.ts';
import { CommentsAnnouncer } from '../comments/CommentsAnnouncer.tsx';
import { useComments } from '../comments/useComments.ts';
import { useConsensus } from '../consensus/consensusStore.ts';
import { commentsByStandard } from '../comments/view.ts';
import { NowSection } from '../now/NowSection.tsx';
import { openVotes } from '../now/view.ts';
import { SessionAnnouncer } from '../session/SessionAnnouncer.tsx';
import { useCanEdit } from '../session/useCanEdit.ts';
import { useSessionFeed } from '../session/useSessionFeed.ts';
import { attendeeOf } from '../session/view.ts';
import { useBallotBox } from '../votes/useBallotBox.ts';
import { VotesAnnouncer } from '../votes/VotesAnnouncer.tsx';
import { AssemblyNav } from './AssemblyNav.tsx';
import { HeaderTools } from './HeaderTools.tsx';
import type { MemberRoom } from './memberRoom.ts';
import { CasesSection } from './sections/CasesSection.tsx';
import { CharterSection } from './sections/CharterSection.tsx';
import { CommentsOverview } from './sections/CommentsOverview.tsx';
import { RecordSection } from './sections/RecordSection.tsx';
import { VotesSection } from './sections/VotesSection.tsx';
import { RoomNotices } from './RoomNotices.tsx';
import { useAppeals } from '../appeals/appealsStore.ts';
import { useAssemblyRoom } from './useAssemblyRoom.ts';
import { useMemberPreferences } from '../members/useMemberPreferences.ts';
import './assembly.css';

/**
 * `/assembly` and its sections: one live room (socket, documents, stores) for the whole tab, a
 * compact header, the sections' bar, and the section the address names ("now" at `/assembly`).
 */

/** Facilitators and note-takers only: loaded with their screen, not with every member's page. */
const FacilitatorScreen = lazy(() => import('../facilitator/FacilitatorScreen.tsx'));
/** The evidence library and expert sessions: their own chunk, loaded when the section opens. */
const EvidenceSection = lazy(() => import('../evidence/EvidenceSection.tsx'));
/** A standard's history: its own chunk, with its strings. */
const HistorySection = lazy(() => import('../history/HistorySection.tsx'));

export function AssemblyRoom({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { pathname, hash } = useLocation();
  // A new section starts at its top (a `#vote-…` link scrolls to its vote instead).
  useEffect(() => {
    if (!hash) window.scrollTo(0, 0);
  }, [pathname, hash]);
  const { socket, provider, sessions, comments, decisions, cases, consensus, tracker, appeals, room, dispatch } =
    useAssemblyRoom(session.me, session.assembly.id);
  const appealCases = useAppeals(appeals);
  const caseList = useCases(cases);
  const consensusMaps = useConsensus(consensus);
  const commentList = useComments(comments);
  const commentGroups = useMemo(() => commentsByStandard(commentList ?? []), [commentList]);
  const connection = useConnection(socket);
  const feed = useSessionFeed(sessions);
  const canEdit = useCanEdit(feed, session.me.id);
  // Every writable surface goes read-only together, saying why (the comment box too).
  const silenced = canEdit ? null : { mutedUntil: attendeeOf(feed.state ?? null, session.me.id)?.mutedUntil ?? null };
  const save = useSaveStatus(provider);

  const me = room?.me ?? session.me;
  const assembly = room?.assembly ?? session.assembly;
  const isModerator = me.role === 'moderator';
  const decided = useRoomDecisions(decisions);
  const ballots = useBallotBox(socket, me.role === 'member');
  useMemberPreferences(socket, me.role === 'member');
  const outdated =
    connection.refusal?.code === 'protocol_mismatch' || (room !== null && room.protocolVersion !== PROTOCOL_VERSION);
  // Sections announce their own votes and cases; elsewhere the room does, so nobody misses one.
  const onVotes = pathname.startsWith('/assembly/votes');
  const onCases = pathname.startsWith('/assembly/cases');

  const live: MemberRoom | null =
    room && socket && provider
      ? {
          socket,
          provider,
          room,
          me,
          dispatch,
          feed,
          canEdit,
          silenced,
          decided,
          ballots,
          cases: caseList,
          comments: commentList,
          commentGroups,
          isModerator,
          consensus: consensusMaps,
        }
      : null;

  return (
    <CompactPage
      title={assembly.title}
      tools={
        <HeaderTools
          connection={connection}
          save={save}
          me={me}
          watchers={room ? room.watchers : null}
          socket={socket}
        />
      }
      bar={<AssemblyNav badges={{ votes: openVotes(decided.votes).length }} />}
    >
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
      {!live ? (
        !connection.refusal && <Loading label={t('assembly.connecting')} />
      ) : (
        <>
          {(me.role === 'facilitator' || me.role === 'note_taker') && feed.state && (
            <Suspense fallback={null}>
              <FacilitatorScreen
                socket={live.socket}
                provider={live.provider}
                state={feed.state}
                me={me}
                votes={decided.votes ?? []}
                offset={feed.offset}
              />
            </Suspense>
          )}
          <SessionAnnouncer state={feed.state} myId={me.id} />
          <RoomNotices
            feed={feed}
            myId={me.id}
            appeals={me.role === 'member' && appealCases ? { socket: live.socket, cases: appealCases } : null}
          />
          <CommentsAnnouncer comments={commentList} standards={live.room.standards} />
          {!onVotes && <VotesAnnouncer votes={decided.votes} />}
          {!onCases && <CasesAnnouncer cases={caseList} />}
          <Routes>
            <Route index element={<NowSection live={live} />} />
            <Route path="charter" element={<CharterSection live={live} />} />
            <Route
              path="evidence"
              element={
                <Suspense fallback={<Loading label={t('assembly.connecting')} />}>
                  <EvidenceSection live={live} />
                </Suspense>
              }
            />
            <Route path="votes" element={<VotesSection live={live} />} />
            <Route path="cases" element={<CasesSection live={live} />} />
            <Route path="comments" element={<CommentsOverview live={live} />} />
            <Route path="record" element={<RecordSection live={live} tracker={tracker} />} />
            <Route
              path="history/:standardId"
              element={
                <Suspense fallback={null}>
                  <HistorySection live={live} />
                </Suspense>
              }
            />
            <Route path="*" element={<NowSection live={live} />} />
          </Routes>
        </>
      )}
    </CompactPage>
  );
}
