import { LIMITS } from '@moot/protocol';
import type { StandardView } from '@moot/protocol';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { sendCommand } from '../session/commands.ts';
import { formatServerTime } from '../session/countdown.ts';
import { checkComment } from './view.ts';

interface Props {
  socket: AssemblySocket;
  standard: StandardView;
  /** Set while this member may not write: muted until then (server ms), or `removed` from the live session. */
  silenced?: { mutedUntil: number | null; offset: number } | null;
}

/**
 * "Add a comment" under a standard. What was typed stays until the server accepts it. While
 * the member is muted the box is read-only and says until when, instead of refusing each try.
 */
export function CommentForm({ socket, standard, silenced = null }: Props) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || silenced) return;
    const checked = checkComment(text);
    if (!checked.ok) {
      setError(
        checked.problem === 'empty' ? t('comments.required') : t('comments.tooLong', { max: LIMITS.maxCommentLength }),
      );
      input.current?.focus();
      return;
    }
    setBusy(true);
    const ack = await sendCommand(socket, 'comment:post', { standardId: standard.id, text: checked.text });
    setBusy(false);
    if (ack.ok) {
      setText('');
      setError(null);
    } else {
      setError(describe(ack.error));
      input.current?.focus();
    }
  }

  return (
    <form className="comment-form" onSubmit={submit} aria-busy={busy} noValidate>
      <label htmlFor={`${id}-text`}>{t('comments.inputLabel')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('comments.hint', { max: LIMITS.maxCommentLength })}
      </p>
      <textarea
        ref={input}
        id={`${id}-text`}
        name="comment"
        rows={3}
        value={text}
        maxLength={LIMITS.maxCommentLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        readOnly={!!silenced}
      />
      {silenced && (
        <p className="notice" data-testid="comment-silenced">
          {silenced.mutedUntil === null
            ? t('comments.silenced')
            : t('comments.mutedUntil', { time: formatServerTime(silenced.mutedUntil, silenced.offset) })}
        </p>
      )}
      <button type="submit" aria-disabled={busy} disabled={!!silenced}>
        {t('comments.submit')}
      </button>
      {busy && (
        <p className="hint" role="status">
          {t('comments.submitting')}
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
