import type { CommentView, StandardView } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Coalescer } from './coalescer.ts';
import type { CommentsSnapshot } from './commentsStore.ts';
import { newCommentCounts, newComments } from './view.ts';

/** At most one announcement of new comments this often; a burst is summed up in one. */
const ANNOUNCE_INTERVAL_MS = 5000;

/** The polite live region: "New comment on <standard>", rate-limited. Silent on the first list. */
export function CommentsAnnouncer({
  comments,
  standards,
}: {
  comments: CommentsSnapshot;
  standards: readonly StandardView[];
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const previous = useRef<CommentsSnapshot>(undefined);
  const latest = useRef({ standards, t });
  const coalescer = useRef<Coalescer<CommentView> | null>(null);

  useEffect(() => {
    latest.current = { standards, t };
  });

  useEffect(() => {
    const instance = new Coalescer<CommentView>(ANNOUNCE_INTERVAL_MS, (items) => {
      const { standards: known, t: translate } = latest.current;
      const text = newCommentCounts(items, known)
        .map(({ title, count }) =>
          count === 1
            ? translate('comments.newComment', { standard: title })
            : translate('comments.newComments', { count, standard: title }),
        )
        .join(' ');
      if (text) setMessage(text);
    });
    coalescer.current = instance;
    return () => {
      instance.dispose();
      coalescer.current = null;
    };
  }, []);

  useEffect(() => {
    if (comments === undefined) return;
    coalescer.current?.push(newComments(previous.current, comments));
    previous.current = comments;
  }, [comments]);

  return (
    <p className="visually-hidden" aria-live="polite" data-testid="comments-announcer">
      {message}
    </p>
  );
}
