import { LIMITS } from '@moot/protocol';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownError } from '../../ui/ErrorNotice.tsx';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { checkWording } from './view.ts';

interface Props {
  heading: string;
  textLabel: string;
  textHint: string;
  /** Shown when given: a short reason next to the wording. */
  reasonLabel?: string;
  submitLabel: string;
  /** Sends the wording; resolves with null when accepted, or the refusal. */
  onSubmit: (text: string, reason: string) => Promise<ShownError | null>;
}

/**
 * New wording for a standard (an amendment) or a minority report. What was typed stays until the
 * server accepts it; a refusal is shown next to the field.
 */
export function WordingForm({ heading, textLabel, textHint, reasonLabel, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = checkWording(text);
    if (!checked.ok) {
      setError(
        checked.problem === 'empty'
          ? t('amendments.required')
          : t('amendments.tooLong', { max: LIMITS.maxAmendmentLength }),
      );
      input.current?.focus();
      return;
    }
    setBusy(true);
    const refusal = await onSubmit(checked.text, reason.trim());
    setBusy(false);
    if (refusal) {
      setError(describe(refusal));
      input.current?.focus();
    } else {
      setText('');
      setReason('');
      setError(null);
    }
  }

  return (
    <form className="decision-form" onSubmit={submit} aria-labelledby={`${id}-h`} aria-busy={busy} noValidate>
      <h5 id={`${id}-h`}>{heading}</h5>
      <label htmlFor={`${id}-text`}>{textLabel}</label>
      <p id={`${id}-hint`} className="hint">
        {textHint}
      </p>
      <textarea
        ref={input}
        id={`${id}-text`}
        rows={4}
        value={text}
        maxLength={LIMITS.maxAmendmentLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      {reasonLabel && (
        <>
          <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
          <input
            id={`${id}-reason`}
            type="text"
            value={reason}
            maxLength={LIMITS.maxNoteLength}
            autoComplete="off"
            onChange={(e) => setReason(e.target.value)}
          />
        </>
      )}
      <button type="submit" aria-disabled={busy}>
        {submitLabel}
      </button>
      {busy && (
        <p className="hint" role="status">
          {t('amendments.sending')}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
