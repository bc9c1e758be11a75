import { describe, expect, it } from 'vitest';
import { instantToWallTime, wallTimeToInstant } from '@moot/protocol';
import { i18n } from '../../i18n/index.ts';
import { cyProgramme } from '../../i18n/cyProgramme.ts';
import { enProgramme } from '../../i18n/enProgramme.ts';
import { sittingTimes } from './programmeFormat.ts';

/** The date line as `SittingSummary` writes it, in `language`. */
function when(startsAt: number, endsAt: number, timeZone: string, language: 'en' | 'cy') {
  i18n.addResourceBundle(language, 'translation', language === 'en' ? enProgramme : cyProgramme, true, false);
  const t = i18n.getFixedT(language);
  const parts = sittingTimes(startsAt, endsAt, timeZone);
  return t('programme.when', {
    date: t('programme.date', {
      weekday: t(`programme.weekdays.${parts.weekday}`),
      day: parts.day,
      month: t(`programme.months.${parts.month}`),
      year: parts.year,
    }),
    start: parts.start,
    end: parts.end,
  });
}

describe('sitting times', () => {
  it('shows a sitting in the assembly’s zone, in English and Welsh, whatever the device’s zone', () => {
    const startsAt = Date.UTC(2027, 2, 6, 10, 0); // 6 March 2027, 10:00 in London (GMT)
    const endsAt = Date.UTC(2027, 2, 6, 16, 30);
    expect(when(startsAt, endsAt, 'Europe/London', 'en')).toBe('Saturday, 6 March 2027, 10:00 to 16:30');
    expect(when(startsAt, endsAt, 'Europe/London', 'cy')).toBe('Dydd Sadwrn, 6 Mawrth 2027, 10:00 tan 16:30');
    // The same instant in New York is the morning of the same day; in Sydney, that night.
    expect(sittingTimes(startsAt, endsAt, 'America/New_York')).toMatchObject({ weekday: 'sat', start: '05:00' });
    expect(sittingTimes(startsAt, endsAt, 'Australia/Sydney')).toMatchObject({ weekday: 'sat', start: '21:00' });
    expect(sittingTimes(Date.UTC(2027, 2, 6, 14), endsAt, 'Australia/Sydney')).toMatchObject({
      weekday: 'sun',
      day: 7,
      start: '01:00',
    });
  });

  it('turns a local date and time into the instant and back, across a clock change', () => {
    // Summer time in London: 10:00 is 09:00 UTC.
    expect(wallTimeToInstant('2027-06-05', '10:00', 'Europe/London')).toBe(Date.UTC(2027, 5, 5, 9));
    expect(wallTimeToInstant('2027-01-09', '10:00', 'Europe/London')).toBe(Date.UTC(2027, 0, 9, 10));
    expect(wallTimeToInstant('2027-06-05', '10:00', 'Australia/Sydney')).toBe(Date.UTC(2027, 5, 5, 0));
    for (const [date, time, zone] of [
      ['2027-03-28', '10:00', 'Europe/London'],
      ['2027-10-31', '18:45', 'Europe/London'],
      ['2027-11-07', '09:15', 'America/New_York'],
    ] as const) {
      expect(instantToWallTime(wallTimeToInstant(date, time, zone), zone)).toEqual({ date, time });
    }
  });
});
