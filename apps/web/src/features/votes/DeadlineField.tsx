import { LIMITS } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enQuorum } from '../../i18n/enQuorum.ts';

addEnglish(enQuorum);

/** The longest deadline the form offers, in minutes (the server's `LIMITS.maxVoteSeconds`). */
export const MAX_MINUTES = Math.floor(LIMITS.maxVoteSeconds / 60);

/**
 * The deadline typed in minutes as `vote:open`'s `closesInSeconds`: undefined when left empty
 * (the moderator closes the vote), null when it is not a whole number of minutes in range.
 */
export function deadlineSeconds(minutes: string): number | undefined | null {
  const text = minutes.trim();
  if (text === '') return undefined;
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_MINUTES ? n * 60 : null;
}

/** "Close by itself after (minutes)": optional; a pause for lost quorum does not move it. */
export function DeadlineField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-deadline`}>{t('quorum.deadlineLabel')}</label>
      <input
        id={`${id}-deadline`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        aria-describedby={`${id}-deadline-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="hint" id={`${id}-deadline-hint`}>
        {t('quorum.deadlineHint')}
      </p>
    </>
  );
}
