import { LIMITS } from '@moot/protocol';
import type { StandardView } from '@moot/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { retitleStandard } from './commands.ts';
import { checkTitle } from './titleInput.ts';

interface Props {
  socket: AssemblySocket;
  standard: StandardView;
  onDone: (updated: StandardView | null) => void;
}

/** Inline rename. On a refusal the form stays open with what was typed. */
export function RetitleForm({ socket, standard, onDone }: Props) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState(standard.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = checkTitle(title, t);
    if (!checked.ok) {
      setError(checked.message);
      input.current?.focus();
      return;
    }
    if (checked.title === standard.title) return onDone(null);
    setBusy(true);
    const ack = await retitleStandard(socket, { standardId: standard.id, title: checked.title });
    setBusy(false);
    if (ack.ok) onDone(ack.data);
    else {
      setError(describe(ack.error));
      input.current?.focus();
    }
  }

  return (
    <form
      className="retitle"
      onSubmit={submit}
      aria-busy={busy}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(null);
      }}
    >
      <label htmlFor={`${id}-title`}>{t('retitle.inputLabel', { title: standard.title })}</label>
      <div className="inline-form">
        <input
          ref={input}
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={LIMITS.maxTitleLength}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" aria-disabled={busy}>
          {t('retitle.save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {t('retitle.cancel')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
