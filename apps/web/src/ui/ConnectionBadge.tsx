import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../collab/CollabProvider.ts';
import type { Connection } from '../collab/useConnection.ts';
import { saveState } from './ConnectionStatus.tsx';
import './connectionBadge.css';

/**
 * The connection status for a compact header: a coloured dot whose meaning is in text (read by
 * screen readers, and shown on screen whenever it is not simply "Live, all saved"). Same test
 * hooks as `ConnectionStatus`: `data-testid="connection-status"` with `data-state`, and
 * `data-testid="save-status"` with `data-save`.
 */
export function ConnectionBadge({ connection, save }: { connection: Connection; save?: SaveStatus }) {
  const { t } = useTranslation();
  const { state } = connection;
  const label =
    state === 'reconnecting' && !connection.everConnected ? t('connection.connecting') : t(`connection.${state}`);
  const saving = save ? saveState(save, state === 'live') : null;
  const calm = state === 'live' && (saving === null || saving === 'saved' || saving === 'saving');
  const saveText =
    saving === 'saving'
      ? t('connection.saving')
      : saving === 'error'
        ? t('connection.saveError')
        : saving === 'saved'
          ? t('connection.saved')
          : null;
  return (
    <div
      className={`connection-badge${calm ? '' : ' connection-badge-alert'}`}
      data-testid="connection-status"
      data-state={state}
      title={saveText ? `${label} · ${saveText}` : label}
    >
      <span className={`connection-dot connection-${state}`} aria-hidden="true" />
      <span
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={calm ? 'visually-hidden' : 'connection-text'}
      >
        <span className="visually-hidden">{t('connection.label')}: </span>
        {label}
        {saving === 'queued' && <span className="connection-queued"> · {t('connection.queued')}</span>}
      </span>
      {saving && saving !== 'queued' && (
        <span
          className={saving === 'error' ? 'save-state connection-text' : 'save-state visually-hidden'}
          data-testid="save-status"
          data-save={saving}
        >
          {saveText}
        </span>
      )}
    </div>
  );
}
