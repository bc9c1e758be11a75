import { LIMITS, displayName as displayNameSchema } from '@moot/protocol';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  initialName: string;
  busy: boolean;
  onSubmit: (name: string) => void;
}

/** The name other members will see, checked with the protocol's own rules before it is sent. */
export function DisplayNameForm({ initialName, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = displayNameSchema.safeParse(name);
    if (!parsed.success) {
      const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
      setError(
        tooLong ? t('validation.nameTooLong', { max: LIMITS.maxDisplayNameLength }) : t('validation.nameRequired'),
      );
      input.current?.focus();
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  }

  return (
    <form className="join-form" onSubmit={submit} aria-busy={busy} noValidate>
      <label htmlFor={`${id}-name`}>{t('join.nameLabel')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('join.nameHint', { min: LIMITS.minDisplayNameLength, max: LIMITS.maxDisplayNameLength })}
      </p>
      <input
        ref={input}
        id={`${id}-name`}
        name="displayName"
        type="text"
        value={name}
        required
        maxLength={LIMITS.maxDisplayNameLength}
        autoComplete="name"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => setName(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" aria-disabled={busy}>
        {busy ? t('join.submitting') : t('join.submit')}
      </button>
    </form>
  );
}
