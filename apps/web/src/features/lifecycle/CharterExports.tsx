import { HTTP_ROUTES } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from './ExportLinks.tsx';

/** The charter on record (JSON, Markdown), for everyone. */
export function CharterExports({ watchKey = null }: { watchKey?: string | null }) {
  const { t } = useTranslation();
  return (
    <ExportLinks
      heading={t('exports.heading')}
      hint={t('exports.hint')}
      links={[
        { route: HTTP_ROUTES.charterJson, label: t('exports.json') },
        { route: HTTP_ROUTES.charterMarkdown, label: t('exports.markdown') },
      ]}
      watchKey={watchKey}
      testId="charter-exports"
    />
  );
}
