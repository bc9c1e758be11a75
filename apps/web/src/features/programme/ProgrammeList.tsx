import type { ProgrammeState, SittingView } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enProgramme } from '../../i18n/enProgramme.ts';
import { sittingTimes, zoneName } from './programmeFormat.ts';
import './programme.css';

// The programme's strings come with its own chunk (the watch page loads it on demand).
addEnglish(enProgramme);

interface Props {
  /** Nothing is shown until the server's first `programme:state`. */
  programme: ProgrammeState | undefined;
}

/**
 * The programme as members and the public read it: every sitting in date order, the current one
 * marked (`aria-current`), times in the assembly's zone and dates in the reader's language.
 */
export default function ProgrammeList({ programme }: Props) {
  const { t } = useTranslation();
  const id = useId();
  if (!programme) return null;
  return (
    <section className="programme" aria-labelledby={`${id}-h`} data-testid="programme">
      <h2 id={`${id}-h`}>{t('programme.heading')}</h2>
      <p className="hint">{t('programme.timeZoneNote', { timeZone: zoneName(programme.timeZone) })}</p>
      {programme.sittings.length === 0 ? (
        <p className="empty">{t('programme.none')}</p>
      ) : (
        <ol className="programme-list">
          {programme.sittings.map((sitting) => (
            <Sitting
              key={sitting.id}
              sitting={sitting}
              timeZone={programme.timeZone}
              current={sitting.id === programme.currentId}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

export function SittingSummary({ sitting, timeZone }: { sitting: SittingView; timeZone: string }) {
  const { t } = useTranslation();
  const { place } = sitting;
  const times =
    sitting.startsAt !== null && sitting.endsAt !== null
      ? sittingTimes(sitting.startsAt, sitting.endsAt, timeZone)
      : null;
  return (
    <>
      <p className="sitting-when">
        {times
          ? t('programme.when', {
              date: t('programme.date', {
                weekday: t(`programme.weekdays.${times.weekday}`),
                day: times.day,
                month: t(`programme.months.${times.month}`),
                year: times.year,
              }),
              start: times.start,
              end: times.end,
            })
          : t('programme.unscheduled')}
      </p>
      <p>{t(`programme.statuses.${sitting.cancelled ? 'cancelled' : sitting.status}`)}</p>
      {place && (
        <p>
          {t('programme.placeLabel')}: {t(`programme.places.${place.kind}`)}
          {place.roomName && <>, {[place.roomName, place.roomAddress].filter(Boolean).join(', ')}</>}
          {place.onlineLink && (
            <>
              {' '}
              <a href={place.onlineLink} rel="noopener noreferrer" target="_blank">
                {t('programme.joinOnline')}
              </a>
            </>
          )}
        </p>
      )}
    </>
  );
}

function Sitting({ sitting, timeZone, current }: { sitting: SittingView; timeZone: string; current: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const classes = ['sitting', current && 'sitting-current', sitting.cancelled && 'sitting-cancelled'];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      aria-current={current ? 'true' : undefined}
      data-testid="sitting"
      data-current={current ? 'true' : undefined}
    >
      <h3 id={`${id}-h`}>{sitting.title}</h3>
      {current && (
        <p className="tag tag-now">{t(sitting.status === 'live' ? 'programme.current' : 'programme.next')}</p>
      )}
      <SittingSummary sitting={sitting} timeZone={timeZone} />
      {sitting.agenda.length === 0 ? (
        <p className="empty">{t('programme.noAgenda')}</p>
      ) : (
        <>
          <p id={`${id}-agenda`}>{t('programme.agendaLabel')}</p>
          <ol className="sitting-agenda" aria-labelledby={`${id}-agenda`}>
            {sitting.agenda.map((item) => (
              <li key={item.id}>{t('programme.itemMinutes', { title: item.title, minutes: item.plannedMinutes })}</li>
            ))}
          </ol>
        </>
      )}
    </li>
  );
}
