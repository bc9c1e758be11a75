import type { CaseView } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explanationText, optionText, usePhraseWording } from '../../i18n/phrases.ts';
import { caseChanges, type CaseChange } from './view.ts';

/** The polite live region for "Case 2 moved to deliberation", "Case 2 decided: …". Silent on load. */
export function CasesAnnouncer({ cases }: { cases: readonly CaseView[] | undefined }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const previous = useRef<readonly CaseView[] | undefined>(undefined);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (cases === undefined) return;
    const say = (change: CaseChange): string => {
      switch (change.type) {
        case 'opened':
          return t('cases.announce.opened', { number: change.number, role: change.role });
        case 'moved':
          return t(`cases.announce.${change.status}`, { number: change.number });
        case 'replied':
          return t('cases.announce.replied', { number: change.number });
        case 'voteOpened':
          return t('cases.announce.voteOpened', { number: change.number });
        case 'undecided':
          return t('cases.announce.undecided', {
            number: change.number,
            explanation: explanationText(change, wording),
          });
        case 'decided':
          return t('cases.announce.decided', { number: change.number, outcome: optionText(change.outcome, wording) });
        case 'dismissed':
          return t('cases.announce.dismissed', { number: change.number, reason: change.reason });
      }
    };
    const sentences = caseChanges(previous.current, cases).map(say);
    previous.current = cases;
    if (sentences.length > 0) setMessage(sentences.join(' '));
  }, [cases, t]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="cases-announcer">
      {message}
    </p>
  );
}
