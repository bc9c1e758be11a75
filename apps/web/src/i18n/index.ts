import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Typing the keys turns a misspelt or missing key into a compile error.
    resources: { translation: typeof en };
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  // Resources are bundled, so the first render already has them.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes.
});
