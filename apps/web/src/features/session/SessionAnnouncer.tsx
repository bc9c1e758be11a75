import type { SessionState } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionChanges } from './view.ts';
import type { SessionChange } from './view.ts';

/**
 * A polite live region for what sighted users notice by the page changing: an item starting,
 * a new speaker, being next, an announcement. The first state (on load) is not announced.
 */
export function SessionAnnouncer({ state, myId }: { state: SessionState | null | undefined; myId: string | null }) {
  const { t } = useTranslation();
  const previous = useRef<SessionState | null | undefined>(undefined);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (state === undefined) return;
    const before = previous.current;
    previous.current = state;
    const say = (change: SessionChange): string => {
      switch (change.type) {
        case 'itemStarted':
          return t('session.itemStarted', { title: change.title });
        case 'nowSpeaking':
          return change.isMe ? t('session.youAreSpeaking') : t('session.nowSpeaking', { name: change.name });
        case 'youAreNext':
          return t('session.youAreNext');
        case 'announcement':
          return t('session.announcement', { text: change.text });
        case 'sessionEnded':
          return t('session.sessionEnded');
      }
    };
    const sentences = sessionChanges(before, state, myId).map(say);
    if (sentences.length > 0) setMessage(sentences.join(' '));
    // No session any more: nothing said about one may linger in the region.
    else if (state === null) setMessage('');
  }, [state, myId, t]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="session-announcer">
      {message}
    </p>
  );
}
