import { useTranslation } from 'react-i18next';
import { localeOf } from '../../i18n/languages.ts';

/** A moderation action's date and time, in the reader's language. */
export function useAppealDate(): (ms: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(localeOf(i18n.language), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (ms) => format.format(new Date(ms));
}
