import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../collab/CollabProvider.ts';
import type { Connection } from '../collab/useConnection.ts';

export type SaveState = 'saved' | 'saving' | 'queued' | 'error';

export function saveState(status: SaveStatus, live: boolean): SaveState {
  if (status.queued && !live) return 'queued';
  if (status.pending > 0 || status.queued) return 'saving';
  if (status.errors.size > 0) return 'error';
  return 'saved';
}

/**
 * Always visible. The connection state and queued edits are announced politely; "saving…" is
 * shown but not announced, as it flickers with every keystroke.
 */
export function ConnectionStatus({ connection, save }: { connection: Connection; save?: SaveStatus }) {
  const { t } = useTranslation();
  const { state } = connection;
  const label =
    state === 'reconnecting' && !connection.everConnected ? t('connection.connecting') : t(`connection.${state}`);
  const saving = save ? saveState(save, state === 'live') : null;
  return (
    <div className="connection" data-testid="connection-status" data-state={state}>
      <span className={`connection-dot connection-${state}`} aria-hidden="true" />
      <span role="status" aria-live="polite" aria-atomic="true">
        <span className="visually-hidden">{t('connection.label')}: </span>
        {label}
        {saving === 'queued' && <span className="connection-queued"> · {t('connection.queued')}</span>}
      </span>
      {saving && saving !== 'queued' && (
        <span className="save-state" data-testid="save-status" data-save={saving}>
          {t(
            saving === 'saving'
              ? 'connection.saving'
              : saving === 'error'
                ? 'connection.saveError'
                : 'connection.saved',
          )}
        </span>
      )}
    </div>
  );
}
