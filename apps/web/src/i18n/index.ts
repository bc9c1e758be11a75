import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cy } from './cy.ts';
import { en } from './en.ts';
import { initialLanguage, LANGUAGE_STORAGE_KEY, type Language } from './languages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Typing the keys turns a misspelt or missing key into a compile error.
    resources: { translation: typeof en };
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
  lng: initialLanguage(stored(), globalThis.navigator?.languages ?? []),
  fallbackLng: 'en',
  supportedLngs: ['en', 'cy'],
  resources: { en: { translation: en }, cy: { translation: cy } },
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

/** Switch the whole app to `language` and remember the choice on this device. */
export function chooseLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
  void i18n.changeLanguage(language);
}
