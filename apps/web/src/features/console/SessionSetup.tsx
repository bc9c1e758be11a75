import { QUEUE_MODES } from '@moot/protocol';
import type { QueueMode, SessionState } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';

/** Create a session (when there is none or the last one ended), start and end it, and its settings. */
export function SessionSetup({ socket, state }: { socket: AssemblySocket; state: SessionState | null }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [title, setTitle] = useState('');
  const [confirming, setConfirming] = useState(false);

  if (!state || state.status === 'ended')
    return (
      <section aria-labelledby={`${id}-h`} className="console-section">
        <h2 id={`${id}-h`}>{t('console.createHeading')}</h2>
        {state && <p>{t('session.statusLabel', { status: `${state.title} — ${t('session.statuses.ended')}` })}</p>}
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run('session:create', { title }).then((ok) => ok && setTitle(''));
          }}
        >
          <label htmlFor={`${id}-title`}>{t('console.sessionTitle')}</label>
          <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required />
          <button type="submit" disabled={commands.busy}>
            {t('console.create')}
          </button>
        </form>
        {commands.error && <ErrorNotice error={commands.error} />}
      </section>
    );

  const sessionId = state.id;
  return (
    <section aria-labelledby={`${id}-h`} className="console-section">
      <h2 id={`${id}-h`}>{state.title}</h2>
      <p data-testid="session-status">{t('session.statusLabel', { status: t(`session.statuses.${state.status}`) })}</p>
      <div className="button-row">
        <ActionButton
          unavailable={state.status !== 'planned'}
          onClick={() => void commands.run('session:start', { sessionId })}
        >
          {t('console.start')}
        </ActionButton>
        {!confirming ? (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t('console.end')}
          </button>
        ) : (
          <button
            type="button"
            className="danger"
            autoFocus
            onBlur={() => setConfirming(false)}
            onClick={() => void commands.run('session:end', { sessionId }).then(() => setConfirming(false))}
          >
            {t('console.confirmEnd')}
          </button>
        )}
      </div>
      <Settings key={`${state.queueMode}-${state.turnLimitSeconds}`} state={state} run={commands.run} />
      {commands.error && <ErrorNotice error={commands.error} />}
    </section>
  );
}

function Settings({ state, run }: { state: SessionState; run: ReturnType<typeof useCommands>['run'] }) {
  const { t } = useTranslation();
  const id = useId();
  const [queueMode, setQueueMode] = useState<QueueMode>(state.queueMode);
  const [limit, setLimit] = useState(String(state.turnLimitSeconds));
  // Folded away: set once before the sitting, so the timer and agenda stay in view above the fold.
  return (
    <details className="settings-details">
      <summary id={`${id}-h`}>{t('console.settingsHeading')}</summary>
      <form
        className="settings-form"
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          void run('session:configure', { sessionId: state.id, queueMode, turnLimitSeconds: Number(limit) });
        }}
      >
        <label htmlFor={`${id}-mode`}>{t('console.queueMode')}</label>
        <select id={`${id}-mode`} value={queueMode} onChange={(e) => setQueueMode(e.target.value as QueueMode)}>
          {QUEUE_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`console.queueModes.${mode}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-limit`}>{t('console.turnLimit')}</label>
        <input
          id={`${id}-limit`}
          type="number"
          min={15}
          max={3600}
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          required
        />
        <button type="submit">{t('console.saveSettings')}</button>
      </form>
    </details>
  );
}
