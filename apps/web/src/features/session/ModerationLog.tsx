import type { ModerationEntry } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enAppealsLog } from '../../i18n/enAppealsLog.ts';
import { formatServerTime } from './countdown.ts';

// The appeal lines' words (the watch page shows this log too).
addEnglish(enAppealsLog);

/** Every moderation action, newest first. Observers get the same list without notes. */
export function ModerationLog({ entries, offset }: { entries: readonly ModerationEntry[]; offset: number }) {
  const { t } = useTranslation();
  return (
    <section className="moderation-log" aria-labelledby="moderation-log-heading">
      <h3 id="moderation-log-heading">{t('session.moderationLogHeading')}</h3>
      {entries.length === 0 ? (
        <p className="empty">{t('session.moderationLogEmpty')}</p>
      ) : (
        <ul>
          {[...entries]
            .sort((a, b) => b.at - a.at)
            .map((entry) => (
              <li key={entry.id} data-testid="moderation-entry">
                {t('session.logEntry', {
                  time: formatServerTime(entry.at, offset),
                  action: t(`session.moderationActions.${entry.action}`),
                  name: entry.participantName,
                })}
                {entry.reason && <> · {t('session.logReason', { reason: t(`session.reasons.${entry.reason}`) })}</>}
                {entry.note && <> · {entry.note}</>}
                {entry.appeal && (
                  <span className="log-appeal" data-testid="log-appeal" data-status={entry.appeal.status}>
                    {' · '}
                    {t('appeals.log.appealed', { reason: entry.appeal.reason })}
                    {' · '}
                    {entry.appeal.status === 'pending'
                      ? t('appeals.log.pending')
                      : t(`appeals.log.${entry.appeal.status}`, { reason: entry.appeal.decisionReason ?? '' })}
                  </span>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
