import type { ModerationEntry } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { formatServerTime } from './countdown.ts';

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
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
