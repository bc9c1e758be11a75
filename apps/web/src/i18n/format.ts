import { useTranslation } from 'react-i18next';
import { localeOf } from './languages.ts';

/**
 * Dates, times, numbers and lists in the reader's language, through `Intl`. Components take a
 * formatter from `useFormat()`, so a language switch re-renders them in the new conventions.
 */
export interface Format {
  /** A wall-clock time, e.g. "14:05". */
  time(date: Date): string;
  /** A whole or decimal number, e.g. "1,234" or "0.42". */
  number(value: number, fractionDigits?: number): string;
  /** A duration of speaking, e.g. "12 min, 5 sec". */
  duration(ms: number): string;
  /** Names joined as a sentence, e.g. "Ada, Grace and Alan". */
  list(items: readonly string[]): string;
}

export function formatFor(language: string): Format {
  const locale = localeOf(language);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' });
  const units = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' });
  return {
    time: (date) => time.format(date),
    number: (value, fractionDigits = 0) =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(value),
    duration: (ms) => {
      const s = Math.round(ms / 1000);
      const m = Math.floor(s / 60);
      return m > 0 ? units.format([minutes.format(m), seconds.format(s % 60)]) : seconds.format(s);
    },
    list: (items) => (language === 'cy' ? welshList(items) : list.format(items)),
  };
}

/** Intl's Welsh list writes "a(c)"; a reader expects "a" or, before a vowel, "ac". */
function welshList(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  const last = items.at(-1)!;
  const and = /^[aeiouwyâêîôûŵŷ]/i.test(last) ? 'ac' : 'a';
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

const cache = new Map<string, Format>();

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const language = i18n.language;
  let format = cache.get(language);
  if (!format) {
    format = formatFor(language);
    cache.set(language, format);
  }
  return format;
}
