import type { Attendee } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { formatServerTime } from './countdown.ts';
import { isMuted, presenceOf } from './view.ts';

interface Props {
  attendees: readonly Attendee[];
  serverNow: number;
  offset: number;
  myId?: string | null;
}

/** Who is here: presence in words (never colour alone), and mutes. */
export function AttendanceList({ attendees, serverNow, offset, myId = null }: Props) {
  const { t } = useTranslation();
  const presences = attendees.map(presenceOf);
  const count = (p: string) => presences.filter((x) => x === p).length;
  return (
    <section className="attendance" aria-labelledby="attendance-heading">
      <h3 id="attendance-heading">{t('session.attendanceHeading')}</h3>
      <p>
        {t('session.attendanceSummary', { present: count('present'), away: count('away'), absent: count('absent') })}
      </p>
      <ul className="attendance-list">
        {attendees.map((a) => {
          const presence = presenceOf(a);
          return (
            <li
              key={a.participantId}
              data-testid="attendee"
              data-presence={presence}
              data-participant-id={a.participantId}
            >
              <span className={`presence-dot presence-${presence}`} aria-hidden="true" />
              <span className="attendee-name">
                {a.participantId === myId ? t('session.you', { name: a.name }) : a.name}
              </span>
              {a.role === 'moderator' && <span className="tag">{t('roles.moderator')}</span>}
              <span className="attendee-presence">{t(`session.presence.${presence}`)}</span>
              {isMuted(a, serverNow) && a.mutedUntil !== null && (
                <span className="tag tag-warn">
                  {t('session.mutedUntil', { time: formatServerTime(a.mutedUntil, offset) })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
