import { LIMITS } from '@moot/protocol';
import type { StandardView } from '@moot/protocol';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { addStandard } from './commands.ts';
import { checkTitle } from './titleInput.ts';

/** Append a drafting standard. The typed title stays in the field until the server accepts it. */
export function AddStandardForm({ socket, onAdded }: { socket: AssemblySocket; onAdded: (s: StandardView) => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = checkTitle(title, t);
    if (!checked.ok) {
      setError(checked.message);
      input.current?.focus();
      return;
    }
    setBusy(true);
    const ack = await addStandard(socket, { title: checked.title });
    setBusy(false);
    if (ack.ok) {
      setTitle('');
      setError(null);
      onAdded(ack.data);
    } else {
      setError(describe(ack.error));
      input.current?.focus();
    }
  }

  return (
    <form className="add-standard" onSubmit={submit} aria-labelledby={`${id}-heading`} aria-busy={busy} noValidate>
      <h3 id={`${id}-heading`}>{t('addStandard.heading')}</h3>
      <label htmlFor={`${id}-title`}>{t('addStandard.inputLabel')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('addStandard.hint', { max: LIMITS.maxTitleLength })}
      </p>
      <div className="inline-form">
        <input
          ref={input}
          id={`${id}-title`}
          name="title"
          type="text"
          value={title}
          maxLength={LIMITS.maxTitleLength}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" aria-disabled={busy}>
          {t('addStandard.submit')}
        </button>
      </div>
      {busy && (
        <p className="hint" role="status">
          {t('addStandard.submitting')}
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
