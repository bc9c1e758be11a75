import type { VoteView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { VoteCard, type VoteActions, type VoteSubjects } from './VoteCard.tsx';
import { VotesAnnouncer } from './VotesAnnouncer.tsx';
import { votesInOrder } from './view.ts';
import './decisions.css';

interface Props {
  votes: readonly VoteView[] | undefined;
  actions?: VoteActions;
  subjects?: VoteSubjects;
  /** Moderators see this above the list instead of a ballot. */
  note?: string;
}

/** "Votes": every vote of the assembly, open ones first, on every page (observers included). */
export function VotesPanel({ votes, actions, subjects, note }: Props) {
  const { t } = useTranslation();
  const ordered = votesInOrder(votes ?? []);
  return (
    <section className="votes" aria-labelledby="votes-heading" data-testid="votes">
      <h2 id="votes-heading">{t('votes.heading')}</h2>
      <VotesAnnouncer votes={votes} />
      {note && <p className="hint">{note}</p>}
      {ordered.length === 0 ? (
        <p className="empty">{t('votes.none')}</p>
      ) : (
        <ol className="vote-list">
          {ordered.map((vote) => (
            <li key={vote.id}>
              <VoteCard vote={vote} {...(actions ? { actions } : {})} {...(subjects ? { subjects } : {})} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
