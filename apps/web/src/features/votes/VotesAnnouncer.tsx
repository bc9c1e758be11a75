import type { VoteView } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { voteChanges } from './view.ts';

/** The polite live region for "Voting opened on …" and "Voting closed: … <result>". Silent on load. */
export function VotesAnnouncer({ votes }: { votes: readonly VoteView[] | undefined }) {
  const { t } = useTranslation();
  const previous = useRef<readonly VoteView[] | undefined>(undefined);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (votes === undefined) return;
    const sentences = voteChanges(previous.current, votes).map((change) =>
      change.type === 'opened'
        ? t('votes.opened', { question: change.question })
        : t('votes.closedAnnouncement', { question: change.question, explanation: change.explanation }),
    );
    previous.current = votes;
    if (sentences.length > 0) setMessage(sentences.join(' '));
  }, [votes, t]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="votes-announcer">
      {message}
    </p>
  );
}
