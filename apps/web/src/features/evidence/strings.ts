import { useTranslation } from 'react-i18next';
import { enEvidence } from '../../i18n/enEvidence.ts';

/**
 * The evidence strings, added once through the hook's instance (not `addEnglish`: importing the
 * i18n module here would pull it out of the watch page's entry chunk, see `PublishedMembers`).
 */
export function useEvidenceStrings() {
  const translation = useTranslation();
  const { i18n } = translation;
  if (!i18n.exists('evidence.heading', { lng: 'en' })) {
    i18n.addResourceBundle('en', 'translation', enEvidence, true, false);
  }
  return translation;
}
