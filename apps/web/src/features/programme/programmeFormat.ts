import { instantToWallTime } from '@moot/protocol';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/**
 * A sitting's date and times on the assembly's wall clock, whatever zone the reader's device is
 * in, as parts the translation puts in words ("Saturday, 6 March 2027", "Dydd Sadwrn, 6 Mawrth
 * 2027"). The day and month names come from the translation files, not from the browser's locale
 * data, which often lacks Welsh (Chromium's does: it falls back to US English).
 */
export interface SittingTimes {
  weekday: (typeof WEEKDAYS)[number];
  day: number;
  month: (typeof MONTHS)[number];
  year: number;
  /** "HH:MM", 24-hour. */
  start: string;
  end: string;
}

export function sittingTimes(startsAt: number, endsAt: number, timeZone: string): SittingTimes {
  const { date, time: start } = instantToWallTime(startsAt, timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return {
    weekday: WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!,
    day,
    month: MONTHS[month - 1]!,
    year,
    start,
    end: instantToWallTime(endsAt, timeZone).time,
  };
}

/** The time zone as a reader reads it ("America/New_York" → "America/New York"). */
export const zoneName = (timeZone: string): string => timeZone.replaceAll('_', ' ');
