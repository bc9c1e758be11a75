import type { CommentView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { formatServerTime } from '../session/countdown.ts';
import { HideComment } from './HideComment.tsx';

interface Props {
  comment: CommentView;
  offset: number;
  /** Given to moderators: the socket the "Hide" command goes on. */
  hideWith?: AssemblySocket | undefined;
}

/**
 * One comment: author, time, text. A hidden one says so and why; its text, which the server sends
 * only to its author and moderators, is shown struck through and labelled.
 */
export function CommentItem({ comment, offset, hideWith }: Props) {
  const { t } = useTranslation();
  const { hidden } = comment;
  return (
    <article
      className={hidden ? 'comment comment-hidden' : 'comment'}
      data-testid="comment"
      data-comment-id={comment.id}
      data-author={comment.author}
      data-hidden={hidden ? 'true' : 'false'}
    >
      <p className="comment-meta">
        <span className="comment-author">{comment.author}</span> ·{' '}
        <time dateTime={new Date(comment.postedAt - offset).toISOString()}>
          {formatServerTime(comment.postedAt, offset)}
        </time>
      </p>
      {hidden ? (
        <>
          <p className="comment-hidden-notice" data-testid="comment-hidden">
            {t('comments.hiddenBy', { reason: t(`session.reasons.${hidden.reason}`) })}
          </p>
          {hidden.note && <p className="hint">{t('comments.hiddenNote', { note: hidden.note })}</p>}
          {comment.text !== null && (
            <p className="comment-text">
              <span className="comment-label">{t('comments.hiddenTextLabel')} </span>
              <del>{comment.text}</del>
            </p>
          )}
        </>
      ) : (
        <p className="comment-text">{comment.text}</p>
      )}
      {hideWith && !hidden && <HideComment socket={hideWith} comment={comment} />}
    </article>
  );
}
