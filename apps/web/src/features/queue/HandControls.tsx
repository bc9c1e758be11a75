import { HAND_KINDS } from '@moot/protocol';
import type { HandKind, HandView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

interface Props {
  sessionId: string;
  hand: HandView | undefined;
  place: number;
  commands: CommandRunner;
  /** Why raising is not possible now (muted, removed, not live), or null. */
  blockedReason: string | null;
}

/** Raise a hand with a kind (raising again changes the kind), or lower it. */
export function HandControls({ sessionId, hand, place, commands, blockedReason }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<HandKind>(hand?.kind ?? 'new_point');
  const blocked = blockedReason !== null;
  return (
    <div className="hand-controls">
      {hand && <p data-testid="my-hand">{t('queue.yourHand', { kind: t(`queue.kinds.${hand.kind}`), place })}</p>}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void commands.run('queue:raise', { sessionId, kind });
        }}
      >
        <label htmlFor={`${id}-kind`}>{t('queue.kindLabel')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as HandKind)}
          disabled={blocked}
          aria-describedby={blocked ? `${id}-blocked` : undefined}
        >
          {HAND_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`queue.kinds.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={blocked || commands.busy}>
          {hand ? t('queue.changeKind') : t('queue.raise')}
        </button>
        {hand && (
          <button
            type="button"
            className="secondary"
            disabled={commands.busy}
            onClick={() => void commands.run('queue:lower', { sessionId })}
          >
            {t('queue.lower')}
          </button>
        )}
      </form>
      {blocked && (
        <p id={`${id}-blocked`} className="hint">
          {blockedReason}
        </p>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </div>
  );
}
