/** The languages Moot ships, by BCP 47 tag; the first is the fallback. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the person's choice is remembered, on this device. */
export const LANGUAGE_STORAGE_KEY = 'moot.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the one this person chose before, else the first of the browser's
 * preferred languages Moot has ("cy-GB" counts as Welsh), else English.
 */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return LANGUAGES[0];
}

/** The locale for `Intl` formatting: the UK conventions the first assemblies use. */
export function localeOf(language: string): string {
  return isLanguage(language) ? `${language}-GB` : 'en-GB';
}
