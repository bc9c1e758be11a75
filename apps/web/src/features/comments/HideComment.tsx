import { MODERATION_REASONS, LIMITS } from '@moot/protocol';
import type { CommentView, ModerationReason } from '@moot/protocol';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { sendCommand } from '../session/commands.ts';

/** A moderator's "Hide" on one visible comment: a reason, an optional note, then "Hide comment". */
export function HideComment({ socket, comment }: { socket: AssemblySocket; comment: CommentView }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ModerationReason>(MODERATION_REASONS[0]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setOpen(false);
    setError(null);
    opener.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const trimmed = note.trim();
    const ack = await sendCommand(socket, 'comment:hide', {
      commentId: comment.id,
      reason: trimmed ? { code: reason, note: trimmed } : { code: reason },
    });
    setBusy(false);
    // On success the comment re-renders hidden, and this control goes away with it.
    if (!ack.ok) setError(describe(ack.error));
  }

  if (!open)
    return (
      <p className="comment-tools">
        <button
          ref={opener}
          type="button"
          className="secondary"
          aria-expanded={false}
          aria-describedby={`${id}-what`}
          onClick={() => setOpen(true)}
        >
          {t('comments.hide')}
        </button>
        <span id={`${id}-what`} className="visually-hidden">
          {t('comments.hideWhat', { author: comment.author })}
        </span>
      </p>
    );

  return (
    <form className="hide-comment" onSubmit={submit} aria-busy={busy} aria-label={t('comments.hideFormLabel')}>
      <label htmlFor={`${id}-reason`}>{t('comments.reasonLabel')}</label>
      <select
        id={`${id}-reason`}
        value={reason}
        onChange={(event) => setReason(event.target.value as ModerationReason)}
        autoFocus
      >
        {MODERATION_REASONS.map((code) => (
          <option key={code} value={code}>
            {t(`session.reasons.${code}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t('comments.noteLabel')}</label>
      <input
        id={`${id}-note`}
        type="text"
        value={note}
        maxLength={LIMITS.maxNoteLength}
        autoComplete="off"
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="inline-form">
        <button type="submit" aria-disabled={busy}>
          {t('comments.hideConfirm')}
        </button>
        <button type="button" className="secondary" onClick={close}>
          {t('comments.cancel')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
