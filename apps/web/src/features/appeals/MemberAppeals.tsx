import { APPEAL_LIMITS, type AppealCase, type ProtocolError } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enAppeals } from '../../i18n/enAppeals.ts';
import { sendCommand } from '../session/commands.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { useAppealDate } from './appealWords.ts';

import './appeals.css';

addEnglish(enAppeals);

const DISMISSED_KEY = 'moot.appeals.dismissed';

/** Decided appeals the member has read ("Done"), remembered on this device so they do not come back. */
function readDismissed(): string[] {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
function remember(ids: string[]): void {
  try {
    globalThis.localStorage?.setItem(DISMISSED_KEY, JSON.stringify(ids.slice(-50)));
  } catch {
    // Not remembered on this device: it shows again next visit, nothing worse.
  }
}

/**
 * Under the notice of what a moderator did: each mute, removal or hidden comment about me of the
 * appeal window, with "Appeal" (once), then what became of it. Members only: moderators get
 * everyone's appeals on their console.
 */
export function MemberAppeals({ socket, cases }: { socket: AssemblySocket; cases: readonly AppealCase[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [dismissed, setDismissed] = useState(readDismissed);
  const shown = cases.filter((c) => !(c.appeal && c.appeal.status !== 'pending' && dismissed.includes(c.appeal.id)));
  if (shown.length === 0) return null;
  const dismiss = (appealId: string) => {
    const next = [...dismissed, appealId];
    setDismissed(next);
    remember(next);
  };
  return (
    <section className="notice appeals-member" aria-labelledby={`${id}-h`} data-testid="member-appeals">
      <h2 id={`${id}-h`} className="appeals-heading">
        {t('appeals.memberHeading')}
      </h2>
      <ul className="appeals-list">
        {shown.map((c) => (
          <li key={c.actionId} data-testid="appeal-case">
            <CaseLine socket={socket} item={c} onDismiss={dismiss} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseLine({
  socket,
  item,
  onDismiss,
}: {
  socket: AssemblySocket;
  item: AppealCase;
  onDismiss: (appealId: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const date = useAppealDate();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const action = t(`appeals.actions.${item.action}`);
  const { appeal } = item;

  const send = async () => {
    setBusy(true);
    const ack = await sendCommand(socket, 'appeal:file', { actionId: item.actionId, reason });
    setBusy(false);
    if (ack.ok) {
      setOpen(false);
      setReason('');
      setError(null);
    } else setError(ack.error);
  };

  return (
    <>
      <p>
        {t('appeals.caseLine', {
          action,
          date: date(item.at),
          moderator: item.actedBy?.name ?? t('appeals.byUnknown'),
          reason: item.reason ? t(`session.reasons.${item.reason}`) : '—',
        })}
      </p>
      {item.commentText !== null && (
        <p className="appeal-quote">{t('appeals.yourComment', { text: item.commentText })}</p>
      )}
      {item.note && <p>{t('appeals.note', { note: item.note })}</p>}
      {!appeal && !open && (
        <button type="button" onClick={() => setOpen(true)} aria-label={t('appeals.appealOf', { action })}>
          {t('appeals.appeal')}
        </button>
      )}
      {!appeal && open && (
        <form
          className="appeal-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label htmlFor={`${id}-reason`}>{t('appeals.formLabel')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('appeals.formHint')}
          </p>
          <textarea
            id={`${id}-reason`}
            aria-describedby={`${id}-hint`}
            value={reason}
            maxLength={APPEAL_LIMITS.maxReasonLength}
            required
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" disabled={busy || reason.trim() === ''}>
              {t('appeals.send')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('appeals.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {appeal && (
        <div role="status" data-testid="appeal-status" data-status={appeal.status}>
          {appeal.status === 'pending' ? (
            <p>{t(appeal.waitsForModerator ? 'appeals.waits' : 'appeals.pending')}</p>
          ) : (
            <>
              <p>
                {t(appeal.status === 'upheld' ? 'appeals.upheld' : 'appeals.overturned', {
                  moderator: appeal.decidedBy?.name ?? t('appeals.byUnknown'),
                  reason: appeal.decisionReason ?? '',
                })}
              </p>
              {appeal.status === 'overturned' && <p>{t(`appeals.overturnedEffect.${item.action}`)}</p>}
            </>
          )}
          <p className="appeal-quote">{t('appeals.yourReason', { reason: appeal.reason })}</p>
          {appeal.status !== 'pending' && (
            <button type="button" className="secondary" onClick={() => onDismiss(appeal.id)}>
              {t('appeals.dismiss')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
