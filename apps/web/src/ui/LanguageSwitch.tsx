import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/**
 * On every page's banner: one button per language, each named in its own language (and marked
 * with `lang`, so a screen reader says "Cymraeg" in Welsh). The choice is remembered on this device.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="secondary"
          lang={language}
          data-view-only
          aria-pressed={i18n.language === language}
          onClick={() => chooseLanguage(language)}
        >
          {t(`language.names.${language}`)}
        </button>
      ))}
    </div>
  );
}
