import type { CommentView, StandardView } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';

/** Who may act: members and moderators post; moderators also hide. Absent on the watch page. */
export interface CommentActions {
  socket: AssemblySocket;
  isModerator: boolean;
  /** While the viewer may not write (muted until, or null when removed from the live session). */
  silenced?: { mutedUntil: number | null } | null;
}

interface Props {
  standard: StandardView;
  comments: readonly CommentView[];
  /** Server clock − local clock, for showing when each comment was posted. */
  offset: number;
  actions?: CommentActions;
}

/** "Comments (N)" under one standard: the list, and the form when the viewer may post. */
export function CommentsSection({ standard, comments, offset, actions }: Props) {
  const { t } = useTranslation();
  const headingId = `${useId()}-comments`;
  return (
    <section className="comments" aria-labelledby={headingId} data-testid="comments">
      <h4 id={headingId}>{t('comments.heading', { count: comments.length })}</h4>
      {comments.length === 0 ? (
        <p className="empty">{t('comments.empty')}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <CommentItem
                comment={comment}
                offset={offset}
                hideWith={actions?.isModerator ? actions.socket : undefined}
              />
            </li>
          ))}
        </ol>
      )}
      {actions && (
        <CommentForm
          socket={actions.socket}
          standard={standard}
          silenced={actions.silenced ? { mutedUntil: actions.silenced.mutedUntil, offset } : null}
        />
      )}
    </section>
  );
}
