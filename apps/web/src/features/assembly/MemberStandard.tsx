import type { StandardView } from '@moot/protocol';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PassportLink } from '../passport/PassportLink.tsx';
import { StandardDecisions } from '../amendments/StandardDecisions.tsx';
import { useSuggestions } from '../amendments/useSuggestions.tsx';
import { StandardArticle } from '../charter/StandardArticle.tsx';
import { StandardFields } from '../charter/StandardFields.tsx';
import { StandardTools } from '../charter/StandardTools.tsx';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { commentsOf } from '../comments/view.ts';
import { LazyConsensusPanel } from '../consensus/LazyConsensusPanel.tsx';
import { DiscussingBadge } from '../session/DiscussingBadge.tsx';
import type { MemberRoom } from './memberRoom.ts';

/** The library entries a standard cites: the evidence chunk, loaded with the first standard shown. */
const CitedEvidence = lazy(() => import('../evidence/CitedEvidence.tsx'));

interface Props {
  live: MemberRoom;
  standard: StandardView;
  /** Its 0-based place in the charter. */
  index: number;
  discussed: boolean;
  /** Where focus goes once this standard is removed. */
  onRemoved: () => void;
  /** Rename, move and remove (the charter section has them; the now screen leaves them out for room). */
  withTools?: boolean;
}

/** One standard as a member or moderator works on it: tools, editable fields, decisions, comments. */
export function MemberStandard({ live, standard, index, discussed, onRemoved, withTools = true }: Props) {
  const { t } = useTranslation();
  const { socket, provider, room, me, dispatch, feed, canEdit, silenced, decided, isModerator } = live;
  const amendments = decided.amendmentsOf(standard.id);
  const suggesting = useSuggestions(standard, amendments, { socket, me });
  return (
    <StandardArticle
      standard={standard}
      number={index + 1}
      badge={<DiscussingBadge show={discussed} />}
      tools={
        withTools && (
          <StandardTools
            socket={socket}
            standard={standard}
            index={index}
            count={room.standards.length}
            isModerator={isModerator}
            dispatch={dispatch}
            onRemoved={onRemoved}
          />
        )
      }
    >
      <StandardFields
        provider={provider}
        standard={standard}
        canEdit={canEdit}
        silenced={silenced && { ...silenced, offset: feed.offset }}
        suggestions={suggesting.field}
        afterText={(doc) => (
          <Suspense fallback={null}>
            <LazyConsensusPanel
              standard={standard}
              map={live.consensus.maps.get(standard.id)}
              mine={live.consensus.mine}
              marking={live.me.role === 'member' ? { socket, doc } : null}
              steering={isModerator}
            />
          </Suspense>
        )}
      />
      <Suspense fallback={null}>
        <CitedEvidence socket={socket} standardId={standard.id} libraryPath="/assembly/evidence" />
      </Suspense>
      <p className="standard-history-link">
        <Link to={`/assembly/history/${standard.id}`}>{t('charter.historyLink')}</Link>
      </p>
      <PassportLink standard={standard} reader={{ watchKey: null }} />
      {suggesting.form}
      <StandardDecisions
        standard={standard}
        amendments={amendments}
        stale={suggesting.stale}
        dissents={decided.dissentsOf(standard.id)}
        actions={{ socket, me }}
      />
      <CommentsSection
        standard={standard}
        comments={commentsOf(live.commentGroups, standard.id)}
        offset={feed.offset}
        actions={{ socket, isModerator, silenced }}
      />
    </StandardArticle>
  );
}
