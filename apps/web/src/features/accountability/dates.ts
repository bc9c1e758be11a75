import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/languages.ts';

/** Dates in the reader's language: a day (`YYYY-MM-DD` or an instant) and an instant with its time. */
export function useDates(): { day: (value: string | number) => string; instant: (ms: number) => string } {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dayLocal = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return {
    // A calendar day is the same day everywhere: read it as UTC midnight and show it in UTC.
    day: (value) => (typeof value === 'string' ? day.format(new Date(`${value}T00:00:00Z`)) : dayLocal.format(value)),
    instant: (ms) => instant.format(ms),
  };
}
