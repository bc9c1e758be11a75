import { PROTOCOL_VERSION, secretIn } from '@moot/protocol';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FieldRenderer } from '../../collab/fields.tsx';
import { ReadOnlyField } from '../../collab/reader/ReadOnlyField.tsx';
import { useConnection } from '../../collab/useConnection.ts';
import { ConnectionStatus } from '../../ui/ConnectionStatus.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { WatchersCount } from '../../ui/WatchersCount.tsx';
import { Charge } from '../charter/Charge.tsx';
import { Charter } from '../charter/Charter.tsx';
import { StandardArticle } from '../charter/StandardArticle.tsx';
import { StandardFields } from '../charter/StandardFields.tsx';
import { useRoomDecisions } from '../amendments/useRoomDecisions.ts';
import { useCases } from '../cases/casesStore.ts';
import { votesOutsideCases } from '../cases/view.ts';
import { CommentsAnnouncer } from '../comments/CommentsAnnouncer.tsx';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { useConsensus } from '../consensus/consensusStore.ts';
import { LazyConsensusPanel } from '../consensus/LazyConsensusPanel.tsx';
import { RecordLinks } from '../record/RecordLinks.tsx';
import { PassportLink } from '../passport/PassportLink.tsx';
import { useComments } from '../comments/useComments.ts';
import { commentsByStandard, commentsOf } from '../comments/view.ts';
import { DiscussingBadge } from '../session/DiscussingBadge.tsx';
import { useSessionFeed } from '../session/useSessionFeed.ts';
import { standardsDiscussedNow } from '../session/view.ts';
import { useTracker } from '../accountability/trackerStore.ts';
import { useWatchRoom } from './useWatchRoom.ts';
import { WatchSession } from './WatchSession.tsx';

// The decisions (votes, amendments, minority reports, downloads) load just after the live view,
// in a chunk of their own: the watch page must reach a phone fast (see the budget in vite.config.ts).
const VotesPanel = lazy(() => import('../votes/VotesPanel.tsx').then((m) => ({ default: m.VotesPanel })));
const StandardDecisions = lazy(() =>
  import('../amendments/StandardDecisions.tsx').then((m) => ({ default: m.StandardDecisions })),
);
const CasesPanel = lazy(() => import('../cases/CasesPanel.tsx').then((m) => ({ default: m.CasesPanel })));
const PublishedMembers = lazy(() =>
  import('../members/PublishedMembers.tsx').then((m) => ({ default: m.PublishedMembers })),
);
const LivestreamEmbed = lazy(() => import('./WatchLive.tsx').then((m) => ({ default: m.LivestreamEmbed })));
// The programme (every sitting, the current one marked) loads on demand too: its view and strings.
const ProgrammeList = lazy(() => import('../programme/ProgrammeList.tsx'));
// The evidence library (entries, expert sessions' questions asked and their answers) and the
// evidence a standard cites: one lazy chunk, which opens the library only once it has loaded.
const WatchEvidence = lazy(() => import('../evidence/WatchEvidence.tsx'));
const CitedEvidence = lazy(() => import('../evidence/CitedEvidence.tsx'));
// The responses and the tracker of what was done: the assembly's lasting public page, loaded on demand.
const TrackerPanel = lazy(() => import('../accountability/TrackerPanel.tsx'));
const CharterExports = lazy(() =>
  import('../lifecycle/CharterExports.tsx').then((m) => ({ default: m.CharterExports })),
);

/**
 * `/watch#<watchKey>`: the public, read-only live view. The key stays in the fragment, which
 * browsers never send to a server, and travels only in the socket handshake.
 */
export function WatchPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const watchKey = secretIn(hash.slice(1));
  const { socket, provider, sessions, comments, decisions, cases, consensus, tracker, room, livestream } =
    useWatchRoom(watchKey);
  const consensusMaps = useConsensus(consensus);
  const trackerState = useTracker(tracker);
  const caseList = useCases(cases);
  const decided = useRoomDecisions(decisions);
  const commentList = useComments(comments);
  const commentGroups = useMemo(() => commentsByStandard(commentList ?? []), [commentList]);
  const connection = useConnection(socket);
  const feed = useSessionFeed(sessions);
  const discussed = standardsDiscussedNow(feed.state ?? null);
  const outdated =
    connection.refusal?.code === 'protocol_mismatch' || (room !== null && room.protocolVersion !== PROTOCOL_VERSION);

  const banner = watchKey && (
    <div className="banner-tools">
      <ConnectionStatus connection={connection} />
      {room && <WatchersCount count={room.watchers} />}
    </div>
  );

  return (
    // Observers only read: fields are drawn without the editor, which this page never loads.
    <FieldRenderer value={ReadOnlyField}>
      <Page title={room?.assembly.title ?? t('watch.title')} banner={banner}>
        <h1>{room?.assembly.title ?? t('watch.title')}</h1>
        {!watchKey ? (
          <div className="notice notice-error" role="alert" data-error-code="bad_request">
            <p>{t('watch.missingLink')}</p>
          </div>
        ) : (
          <>
            <p className="hint">{t('watch.readOnly')}</p>
            {outdated ? (
              <ErrorNotice error={{ code: 'protocol_mismatch', message: '' }}>
                <button type="button" onClick={() => window.location.reload()}>
                  {t('assembly.reload')}
                </button>
              </ErrorNotice>
            ) : (
              connection.refusal && <ErrorNotice error={connection.refusal} />
            )}
            {room && provider ? (
              <>
                {livestream && (
                  <Suspense fallback={null}>
                    <LivestreamEmbed livestream={livestream} />
                  </Suspense>
                )}
                <Charge label={t('assembly.chargeLabel')} charge={room.assembly.charge} />
                <RecordLinks reader={{ watchKey }} />
                {feed.state !== undefined && (
                  <WatchSession feed={feed} provider={provider} cases={caseList} standards={room.standards} />
                )}
                <Suspense fallback={null}>
                  <ProgrammeList programme={room.programme} />
                  <VotesPanel
                    votes={votesOutsideCases(decided.votes)}
                    subjects={{ amendments: decided.amendments, standards: room.standards }}
                  />
                  <CasesPanel
                    cases={caseList}
                    standards={room.standards}
                    votes={decided.votes}
                    provider={provider}
                    watchKey={watchKey}
                    citedOf={(caseId) => socket && <CitedEvidence socket={socket} caseId={caseId} libraryPath="" />}
                  />
                </Suspense>
                <CommentsAnnouncer comments={commentList} standards={room.standards} />
                <Charter
                  standards={room.standards}
                  emptyText={t('charter.empty')}
                  renderStandard={(standard, index) => (
                    <StandardArticle
                      standard={standard}
                      number={index + 1}
                      badge={<DiscussingBadge show={discussed.has(standard.id)} />}
                    >
                      <StandardFields provider={provider} standard={standard} canEdit={false} />
                      <PassportLink standard={standard} reader={{ watchKey }} />
                      <Suspense fallback={null}>
                        {consensusMaps.maps.has(standard.id) && (
                          <LazyConsensusPanel
                            standard={standard}
                            map={consensusMaps.maps.get(standard.id)}
                            mine={[]}
                            marking={null}
                          />
                        )}
                        {socket && <CitedEvidence socket={socket} standardId={standard.id} libraryPath="" />}
                        <StandardDecisions
                          standard={standard}
                          amendments={decided.amendmentsOf(standard.id)}
                          dissents={decided.dissentsOf(standard.id)}
                        />
                      </Suspense>
                      <CommentsSection
                        standard={standard}
                        comments={commentsOf(commentGroups, standard.id)}
                        offset={feed.offset}
                      />
                    </StandardArticle>
                  )}
                />
                <Suspense fallback={null}>
                  {socket && <WatchEvidence socket={socket} />}
                  <TrackerPanel tracker={trackerState} watchKey={watchKey} />
                  {socket && <PublishedMembers socket={socket} />}
                  <CharterExports watchKey={watchKey} />
                </Suspense>
              </>
            ) : (
              !connection.refusal && <Loading label={t('watch.connecting')} />
            )}
          </>
        )}
      </Page>
    </FieldRenderer>
  );
}
