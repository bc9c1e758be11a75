import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useTracker } from '../../accountability/trackerStore.ts';
import { CommentsSection } from '../../comments/CommentsSection.tsx';
import { commentsOf } from '../../comments/view.ts';
import type { MemberRoom } from '../memberRoom.ts';
import { CharterExports } from '../../lifecycle/CharterExports.tsx';
import { RecordLinks } from '../../record/RecordLinks.tsx';

const TrackerPanel = lazy(() => import('../../accountability/TrackerPanel.tsx'));
// The report's statements: members write theirs, moderators may hide one (with the report's strings).
const StatementPanel = lazy(() => import('../../report/StatementPanel.tsx'));
const RespondentInvite = lazy(() =>
  import('../../accountability/NarrowInvites.tsx').then((m) => ({ default: m.RespondentInvite })),
);

/**
 * `/assembly/record`: the public record's pages and the charter's downloads, and what the
 * commissioning body answered and did (members comment on a response under its standard).
 */
export function RecordSection({
  live,
  tracker: store,
}: {
  live: MemberRoom;
  tracker: Parameters<typeof useTracker>[0];
}) {
  const { t } = useTranslation();
  const tracker = useTracker(store);
  const { socket, isModerator, silenced, feed } = live;
  return (
    <section aria-labelledby="record-section-heading">
      <h2 id="record-section-heading">{t('member.record.heading')}</h2>
      <p className="hint">{t('member.record.intro')}</p>
      <RecordLinks reader={{ watchKey: null }} />
      <CharterExports />
      <Suspense fallback={null}>
        {isModerator && <RespondentInvite socket={socket} />}
        {(isModerator || live.me.role === 'member') && <StatementPanel socket={socket} isModerator={isModerator} />}
        <TrackerPanel
          tracker={tracker}
          discussion={(standardId) => {
            const standard = live.room.standards.find((s) => s.id === standardId);
            return (
              standard && (
                <CommentsSection
                  standard={standard}
                  comments={commentsOf(live.commentGroups, standardId)}
                  offset={feed.offset}
                  actions={{ socket, isModerator, silenced }}
                />
              )
            );
          }}
        />
      </Suspense>
    </section>
  );
}
