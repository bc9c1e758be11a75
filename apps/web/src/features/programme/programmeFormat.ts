import { localeOf } from '../../i18n/languages.ts';

/**
 * A sitting's date and times in the assembly's time zone, in the reader's language ("Saturday
 * 6 March 2027", "Dydd Sadwrn 6 Mawrth 2027"), whatever zone the reader's device is in.
 */
export interface SittingTimes {
  date: string;
  start: string;
  end: string;
}

const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

export function sittingTimes(startsAt: number, endsAt: number, timeZone: string, language: string): SittingTimes {
  const key = `${language}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    const locale = localeOf(language);
    format = {
      date: new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
      time: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    formats.set(key, format);
  }
  return {
    date: format.date.format(new Date(startsAt)),
    start: format.time.format(new Date(startsAt)),
    end: format.time.format(new Date(endsAt)),
  };
}

/** The time zone as a reader reads it ("America/New_York" → "America/New York"). */
export const zoneName = (timeZone: string): string => timeZone.replaceAll('_', ' ');
