import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type English, type Messages } from './en.ts';
import { initialLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Typing the keys turns a misspelt or missing key into a compile error.
    resources: { translation: English };
  }
}

export const i18n = i18next.createInstance();

/** localStorage may be missing (Node, tests) or refuse (private modes): the choice is then per visit. */
function stored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'cy'],
  // English is bundled (it is also the fallback); other languages load when chosen, so nobody
  // downloads a language they do not read.
  resources: { en: { translation: en } },
  // Resources are bundled, so the first render already has them.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes.
});

/** `<html lang>` follows the language, so screen readers pronounce the page in it (WCAG 3.1.1). */
function markDocument(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
markDocument(i18n.language);
i18n.on('languageChanged', markDocument);

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  cy: () => import('./cy.ts').then((m) => m.cy),
};

/** Part of a translation, any depth (each part is typed in full where it is written). */
type Section<T> = { readonly [K in keyof T]?: T[K] extends string ? string : Section<T[K]> };

/** English strings that load with a page's own chunk (the console's) rather than with every page. */
export function addEnglish(strings: Section<Messages>): void {
  i18n.addResourceBundle('en', 'translation', strings, true, false);
}

/** Switch to `language`, loading its strings first if they are not here yet. */
async function switchTo(language: Language): Promise<void> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await LOADERS[language]());
  }
  await i18n.changeLanguage(language);
}

/**
 * The language this person chose before (or their browser prefers), loaded: the app renders
 * once this resolves, so it never flashes English at a Welsh reader.
 */
export const languageReady: Promise<void> = switchTo(
  initialLanguage(stored(), globalThis.navigator?.languages ?? []),
).catch(() => undefined);

/** Switch the whole app to `language` and remember the choice on this device. */
export function chooseLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
  void switchTo(language);
}
