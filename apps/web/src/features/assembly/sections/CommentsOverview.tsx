import { useTranslation } from 'react-i18next';
import { CommentsSection } from '../../comments/CommentsSection.tsx';
import { commentsOf } from '../../comments/view.ts';
import type { MemberRoom } from '../memberRoom.ts';

/** `/assembly/comments`: every standard's comments in one place, in charter order, with the form to add one. */
export function CommentsOverview({ live }: { live: MemberRoom }) {
  const { t } = useTranslation();
  const { room, socket, isModerator, silenced, feed } = live;
  return (
    <section className="comments-overview" aria-labelledby="comments-overview-heading">
      <h2 id="comments-overview-heading">{t('member.comments.heading')}</h2>
      <p className="hint">{t('member.comments.intro')}</p>
      {room.standards.length === 0 ? (
        <p className="empty">{t('charter.empty')}</p>
      ) : (
        room.standards.map((standard, index) => (
          <article key={standard.id} className="standard" aria-labelledby={`comments-of-${standard.id}`}>
            <h3 id={`comments-of-${standard.id}`} className="standard-title">
              {t('charter.position', { position: index + 1 })}: {standard.title}
            </h3>
            <CommentsSection
              standard={standard}
              comments={commentsOf(live.commentGroups, standard.id)}
              offset={feed.offset}
              actions={{ socket, isModerator, silenced }}
            />
          </article>
        ))
      )}
    </section>
  );
}
