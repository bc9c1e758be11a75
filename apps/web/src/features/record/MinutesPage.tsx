import { HTTP_ROUTES, minutesPath, type MinutesExport, type SessionList } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { usePhraseWording } from '../../i18n/phrases.ts';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Page.tsx';
import { formatSeconds } from '../session/countdown.ts';
import { recordHref } from './reader.ts';
import { RecordPage, useReader } from './RecordPage.tsx';
import { RecordTable } from './RecordTable.tsx';
import { timing } from './text.ts';
import { useRecord } from './useRecord.ts';
import { voteLine } from './voteLine.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enRecord } from '../../i18n/enRecord.ts';

// The record pages' strings come with their chunk (the watch page does not carry them).
addEnglish(enRecord);

/**
 * `/record/minutes?session=<id>` (observers: `#<watchKey>`): the list of sessions, and the
 * chosen session's minutes — agenda planned against actual, who spoke and how long, votes and
 * their results, announcements, attendance.
 */
export function MinutesPage() {
  const { t } = useTranslation();
  const reader = useReader();
  const [search] = useSearchParams();
  const sessionId = search.get('session');
  const list = useRecord<SessionList>(HTTP_ROUTES.sessionsJson, reader);
  const minutes = useRecord<MinutesExport>(sessionId ? minutesPath('json', sessionId) : null, reader);
  const when = (at: string | null) => (at ? new Date(at).toLocaleString() : t('record.minutesPage.notYet'));

  return (
    <RecordPage
      title={t('record.minutesPage.title')}
      reader={reader}
      loaded={list}
      downloads={
        sessionId
          ? [
              { path: minutesPath('md', sessionId), label: t('record.downloadMarkdown') },
              { path: minutesPath('json', sessionId), label: t('record.downloadJson') },
            ]
          : []
      }
    >
      {({ sessions }) => (
        <>
          <nav className="no-print" aria-label={t('record.minutesPage.choose')}>
            <h2>{t('record.minutesPage.choose')}</h2>
            {sessions.length === 0 ? (
              <p>{t('record.minutesPage.none')}</p>
            ) : (
              <ul>
                {sessions.map((s) => (
                  <li key={s.id}>
                    <Link
                      to={recordHref(`/record/minutes?session=${encodeURIComponent(s.id)}`, reader)}
                      aria-current={s.id === sessionId ? 'page' : undefined}
                    >
                      {s.title}
                    </Link>{' '}
                    ({t(`session.statuses.${s.status}`)})
                  </li>
                ))}
              </ul>
            )}
          </nav>
          {sessionId && minutes.status === 'loading' && <Loading label={t('record.loading')} />}
          {sessionId &&
            minutes.status === 'failed' &&
            (minutes.error.code === 'not_found' ? (
              <div className="notice notice-error" role="alert" data-error-code="not_found">
                <p>{t('record.minutesPage.notFound')}</p>
              </div>
            ) : (
              <ErrorNotice error={minutes.error} />
            ))}
          {sessionId && minutes.status === 'ready' && <Minutes minutes={minutes.data} when={when} />}
        </>
      )}
    </RecordPage>
  );
}

function Minutes({ minutes, when }: { minutes: MinutesExport; when: (at: string | null) => string }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const { session } = minutes;
  return (
    <article className="minutes" aria-labelledby="minutes-title">
      <h2 id="minutes-title">{session.title}</h2>
      <p>
        {t('record.minutesPage.status', {
          status: t(`session.statuses.${session.status}`),
          started: when(session.startedAt),
          ended: when(session.endedAt),
        })}
      </p>
      <p>{t('record.minutesPage.attendance', minutes.attendance)}</p>

      <h3>{t('record.minutesPage.agenda')}</h3>
      {minutes.agenda.length === 0 ? (
        <p>{t('record.minutesPage.noAgenda')}</p>
      ) : (
        <RecordTable
          label={t('record.minutesPage.agenda')}
          headers={[t('record.minutesPage.item'), t('record.minutesPage.planned'), t('record.minutesPage.actual')]}
          rows={minutes.agenda.map((item) => ({
            key: item.position,
            cells: [
              item.caseNumber === null
                ? `${item.position}. ${item.title}`
                : `${item.position}. ${item.title} (${t('record.minutesPage.aboutCase', { number: item.caseNumber })})`,
              t('record.minutesPage.plannedMinutes', { minutes: item.plannedMinutes }),
              `${item.actualSeconds === null ? '' : `${formatSeconds(item.actualSeconds)} · `}${t(
                `record.minutesPage.timing.${timing(item.plannedMinutes, item.actualSeconds)}`,
              )}`,
            ],
          }))}
        />
      )}

      <h3>{t('record.minutesPage.speakers')}</h3>
      {minutes.speakers.length === 0 ? (
        <p>{t('record.minutesPage.noSpeakers')}</p>
      ) : (
        <RecordTable
          label={t('record.minutesPage.speakers')}
          headers={[t('record.minutesPage.speaker'), t('record.minutesPage.turns'), t('record.minutesPage.time')]}
          rows={minutes.speakers.map((s, i) => ({ key: i, cells: [s.name, s.turns, formatSeconds(s.spokenSeconds)] }))}
        />
      )}

      <h3>{t('record.minutesPage.votes')}</h3>
      {minutes.votes.length === 0 ? (
        <p>{t('record.minutesPage.noVotes')}</p>
      ) : (
        <ul>
          {minutes.votes.map((v, i) => (
            <li key={i}>
              {voteLine(v, wording, t('record.minutesPage.voteOpen', { turnout: v.turnout, eligible: v.eligible }))}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('record.minutesPage.announcements')}</h3>
      {minutes.announcements.length === 0 ? (
        <p>{t('record.minutesPage.noAnnouncements')}</p>
      ) : (
        <ul>
          {minutes.announcements.map((a, i) => (
            <li key={i}>
              <time dateTime={a.at}>{new Date(a.at).toLocaleTimeString()}</time>: {a.text}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
