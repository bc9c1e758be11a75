import { APPEAL_LIMITS, type AppealCase, type AppealDecision, type ProtocolError } from '@moot/protocol';
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

export const APPEALS_CONSOLE_ID = 'appeals-console';

/**
 * At the top of the console: how many appeals wait for a decision I may make (not against my own
 * actions), and a button to them, since the tools pane is below the fold on a wide screen.
 */
export function PendingAppealsNotice({
  cases,
  myId,
  onShow,
}: {
  cases: readonly AppealCase[] | undefined;
  myId: string;
  onShow: () => void;
}) {
  const { t } = useTranslation();
  const count = (cases ?? []).filter((c) => c.appeal?.status === 'pending' && c.actedBy?.participantId !== myId).length;
  if (count === 0) return null;
  return (
    <div className="notice" role="status" data-testid="appeals-waiting">
      <p>
        {t('appeals.waiting', { count })}{' '}
        <button type="button" className="secondary" onClick={onShow}>
          {t('appeals.showAppeals')}
        </button>
      </p>
    </div>
  );
}

/**
 * The moderators' appeals: pending ones first, each with the action, its reason and note, the
 * hidden words, and the member's appeal; uphold or overturn with a public reason. On an appeal
 * against my own action the buttons are absent and say why (the server refuses it too).
 */
export function AppealsConsole({
  socket,
  cases,
  myId,
}: {
  socket: AssemblySocket;
  cases: readonly AppealCase[] | undefined;
  myId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const pending = (cases ?? []).filter((c) => c.appeal?.status === 'pending');
  const decided = (cases ?? []).filter((c) => c.appeal && c.appeal.status !== 'pending');
  return (
    <section
      id={APPEALS_CONSOLE_ID}
      className="console-section appeals-console"
      aria-labelledby={`${id}-h`}
      data-testid="appeals-console"
    >
      <h2 id={`${id}-h`}>
        {t('appeals.consoleHeading')}
        {pending.length > 0 && <span className="appeals-count"> ({pending.length})</span>}
      </h2>
      {pending.length === 0 ? (
        <p className="empty">{t('appeals.consoleEmpty')}</p>
      ) : (
        <ul className="appeals-list">
          {pending.map((c) => (
            <li key={c.actionId} data-testid="pending-appeal">
              <PendingAppeal socket={socket} item={c} mine={c.actedBy?.participantId === myId} />
            </li>
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <>
          <h3>{t('appeals.decidedHeading')}</h3>
          <ul className="appeals-list">
            {decided.map((c) => (
              <li key={c.actionId} data-testid="decided-appeal">
                <CaseSummary item={c} />
                <p>
                  {t('appeals.decided', {
                    status: t(`appeals.statuses.${c.appeal!.status}`),
                    moderator: c.appeal!.decidedBy?.name ?? t('appeals.byUnknown'),
                    reason: c.appeal!.decisionReason ?? '',
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CaseSummary({ item }: { item: AppealCase }) {
  const { t } = useTranslation();
  const date = useAppealDate();
  return (
    <>
      <p>
        <strong>
          {t('appeals.consoleCase', {
            member: item.member.name,
            action: t(`appeals.consoleActions.${item.action}`),
            date: date(item.at),
            moderator: item.actedBy?.name ?? t('appeals.byUnknown'),
            reason: item.reason ? t(`session.reasons.${item.reason}`) : '—',
          })}
        </strong>
      </p>
      {item.note && <p>{t('appeals.note', { note: item.note })}</p>}
      {item.commentText !== null && (
        <p className="appeal-quote">{t('appeals.hiddenComment', { text: item.commentText })}</p>
      )}
      {item.appeal && <p className="appeal-quote">{t('appeals.memberReason', { reason: item.appeal.reason })}</p>}
    </>
  );
}

function PendingAppeal({ socket, item, mine }: { socket: AssemblySocket; item: AppealCase; mine: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ProtocolError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: AppealDecision) => {
    setBusy(true);
    const ack = await sendCommand(socket, 'appeal:decide', { appealId: item.appeal!.id, decision, reason });
    setBusy(false);
    setError(ack.ok ? null : ack.error);
    if (ack.ok) setReason('');
  };
  return (
    <>
      <CaseSummary item={item} />
      {mine ? (
        <p className="hint" data-testid="own-action">
          {t(item.appeal!.waitsForModerator ? 'appeals.ownActionAlone' : 'appeals.ownAction')}
        </p>
      ) : (
        <form className="appeal-form" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor={`${id}-reason`}>{t('appeals.decisionLabel')}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={2}
            maxLength={APPEAL_LIMITS.maxReasonLength}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <button type="button" disabled={busy || reason.trim() === ''} onClick={() => void decide('overturn')}>
              {t('appeals.overturn')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy || reason.trim() === ''}
              onClick={() => void decide('uphold')}
            >
              {t('appeals.uphold')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </>
  );
}
