import type { StandardView } from '@moot/protocol';
import { StandardDecisions } from '../amendments/StandardDecisions.tsx';
import { StandardArticle } from '../charter/StandardArticle.tsx';
import { StandardFields } from '../charter/StandardFields.tsx';
import { StandardTools } from '../charter/StandardTools.tsx';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { commentsOf } from '../comments/view.ts';
import { DiscussingBadge } from '../session/DiscussingBadge.tsx';
import type { MemberRoom } from './memberRoom.ts';

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
  const { socket, provider, room, me, dispatch, feed, canEdit, silenced, decided, isModerator } = live;
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
      />
      <StandardDecisions
        standard={standard}
        amendments={decided.amendmentsOf(standard.id)}
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
