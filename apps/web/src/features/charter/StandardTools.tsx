import type { StandardView } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import type { RoomEvent } from '../assembly/roomState.ts';
import { moveStandard, removeStandard } from './commands.ts';
import { RetitleForm } from './RetitleForm.tsx';

interface Props {
  socket: AssemblySocket;
  standard: StandardView;
  index: number;
  count: number;
  isModerator: boolean;
  dispatch: (event: RoomEvent) => void;
  /** Where focus goes once this standard has left the charter. */
  onRemoved: () => void;
}

type Mode = 'idle' | 'renaming' | 'confirming';

/** Rename for everyone; move and remove for moderators. Refusals are shown here, inline. */
export function StandardTools({ socket, standard, index, count, isModerator, dispatch, onRemoved }: Props) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const [mode, setMode] = useState<Mode>('idle');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refocus, setRefocus] = useState<'rename' | 'up' | 'down' | 'remove' | 'keep' | null>(null);
  const buttons = {
    rename: useRef<HTMLButtonElement>(null),
    up: useRef<HTMLButtonElement>(null),
    down: useRef<HTMLButtonElement>(null),
    remove: useRef<HTMLButtonElement>(null),
    keep: useRef<HTMLButtonElement>(null),
  };
  const title = standard.title;
  // A locked or adopted standard's title is as fixed as its text (the server refuses too).
  const titleFixed = standard.status !== 'drafting';

  // Reordering moves this article in the DOM, which drops focus; put it back where it was
  // (or on the other arrow when the standard reached an end of the charter).
  useEffect(() => {
    if (!refocus) return;
    const target = buttons[refocus].current;
    const fallback = refocus === 'up' ? buttons.down.current : refocus === 'down' ? buttons.up.current : null;
    (target && !target.disabled ? target : fallback)?.focus();
    setRefocus(null);
  });

  async function move(delta: -1 | 1) {
    if (busy) return;
    setBusy(true);
    const ack = await moveStandard(socket, { standardId: standard.id, toIndex: index + delta });
    setBusy(false);
    if (ack.ok) {
      setError(null);
      dispatch({ type: 'charter', standards: ack.data });
      setRefocus(delta < 0 ? 'up' : 'down');
    } else setError(describe(ack.error));
  }

  async function remove() {
    if (busy) return;
    setBusy(true);
    const ack = await removeStandard(socket, { standardId: standard.id });
    setBusy(false);
    if (ack.ok) {
      dispatch({ type: 'removed', standardId: standard.id });
      onRemoved();
    } else setError(describe(ack.error));
  }

  if (mode === 'renaming' && !titleFixed) {
    return (
      <RetitleForm
        socket={socket}
        standard={standard}
        onDone={(updated) => {
          if (updated) dispatch({ type: 'standard', standard: updated, added: false });
          setMode('idle');
          setRefocus('rename');
        }}
      />
    );
  }

  return (
    <div className="standard-tools">
      <div className="toolbar" role="group" aria-label={t('moderate.controlsLabel', { title })}>
        <button
          ref={buttons.rename}
          type="button"
          className="secondary"
          aria-label={t('retitle.editLabel', { title })}
          disabled={titleFixed}
          title={titleFixed ? t('retitle.fixed') : undefined}
          onClick={() => setMode('renaming')}
        >
          {t('retitle.edit')}
        </button>
        {isModerator && (
          <>
            <button
              ref={buttons.up}
              type="button"
              className="secondary"
              aria-label={t('moderate.moveUpLabel', { title })}
              disabled={index === 0}
              onClick={() => void move(-1)}
            >
              {t('moderate.moveUp')}
            </button>
            <button
              ref={buttons.down}
              type="button"
              className="secondary"
              aria-label={t('moderate.moveDownLabel', { title })}
              disabled={index >= count - 1}
              onClick={() => void move(1)}
            >
              {t('moderate.moveDown')}
            </button>
            <button
              ref={buttons.remove}
              type="button"
              className="danger"
              aria-label={t('moderate.removeLabel', { title })}
              aria-expanded={mode === 'confirming'}
              onClick={() => {
                setMode('confirming');
                setRefocus('keep');
              }}
            >
              {t('moderate.remove')}
            </button>
          </>
        )}
      </div>
      {mode === 'confirming' && (
        <div className="confirm" role="group" aria-labelledby={`confirm-${standard.id}`}>
          <p id={`confirm-${standard.id}`}>{t('moderate.confirmQuestion', { title })}</p>
          <button type="button" className="danger" aria-disabled={busy} onClick={() => void remove()}>
            {t('moderate.confirmRemove')}
          </button>
          <button
            ref={buttons.keep}
            type="button"
            className="secondary"
            onClick={() => {
              setMode('idle');
              setRefocus('remove');
            }}
          >
            {t('moderate.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
