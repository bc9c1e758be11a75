import type { MarkdownLanguage } from '@moot/protocol';
import { AUDIT_ENGLISH, type AuditWords } from './auditLabels.ts';
import { AUDIT_WELSH } from './auditLabelsWelsh.ts';
import { HEADINGS, HEADINGS_WELSH, type Headings } from './headings.ts';
import { MARKDOWN_ENGLISH, type MarkdownWords, type NounForms } from './markdownWords.ts';
import { MARKDOWN_WELSH } from './markdownWordsWelsh.ts';

const plurals = { en: new Intl.PluralRules('en'), cy: new Intl.PluralRules('cy') };

/** "1 member", "3 members": the count with the noun in its right number. */
export const count = (n: number, one: string, other: string): string =>
  `${n} ${plurals.en.select(n) === 'one' ? one : other}`;

/** The count with the noun in the form its language's plural rules pick ("3 members", "3 aelod"). */
export const countIn = (n: number, forms: NounForms, language: MarkdownLanguage): string =>
  `${n} ${forms[plurals[language].select(n)] ?? forms.other}`;

const clockOptions: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const clocks = {
  en: { format: new Intl.DateTimeFormat('en-GB', clockOptions), at: ' at ' },
  cy: { format: new Intl.DateTimeFormat('cy-GB', clockOptions), at: ' am ' },
};

/**
 * A moment as people read it, in UTC and saying so ("6 December 2026, 18:02 UTC", "6 Rhagfyr
 * 2026, 18:02 UTC"): an assembly has no time zone of its own, and Markdown is read far from the
 * server. JSON keeps ISO 8601.
 */
export const readableTime = (at: string | Date, language: MarkdownLanguage = 'en'): string => {
  const clock = clocks[language];
  return `${clock.format.format(new Date(at)).replace(clock.at, ', ')} UTC`;
};

/** What a Markdown download writes in one language: its headings, its sentences and the audit log's words. */
export interface Wording {
  language: MarkdownLanguage;
  headings: Headings;
  words: MarkdownWords;
  audit: AuditWords;
}
const WORDINGS: Record<MarkdownLanguage, Wording> = {
  en: { language: 'en', headings: HEADINGS, words: MARKDOWN_ENGLISH, audit: AUDIT_ENGLISH },
  cy: { language: 'cy', headings: HEADINGS_WELSH, words: MARKDOWN_WELSH, audit: AUDIT_WELSH },
};
export const wordingIn = (language: MarkdownLanguage): Wording => WORDINGS[language];
