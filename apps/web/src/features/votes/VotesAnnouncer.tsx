import type { VoteView } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explanationText, questionText, usePhraseWording } from '../../i18n/phrases.ts';
import { voteChanges } from './view.ts';

/** The polite live region for "Voting opened on …" and "Voting closed: … <result>". Silent on load. */
export function VotesAnnouncer({ votes }: { votes: readonly VoteView[] | undefined }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const previous = useRef<readonly VoteView[] | undefined>(undefined);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (votes === undefined) return;
    const sentences = voteChanges(previous.current, votes).map((change) =>
      change.type === 'opened'
        ? t('votes.opened', { question: questionText(change, wording) })
        : t('votes.closedAnnouncement', {
            question: questionText(change, wording),
            explanation: explanationText(change, wording),
          }),
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
