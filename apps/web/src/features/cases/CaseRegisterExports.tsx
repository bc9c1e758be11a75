import { HTTP_ROUTES } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from '../lifecycle/ExportLinks.tsx';

/** The public register of cases (JSON, Markdown), for everyone; observers fetch it with the watch key. */
export function CaseRegisterExports({ watchKey = null }: { watchKey?: string | null }) {
  const { t } = useTranslation();
  return (
    <ExportLinks
      heading={t('cases.registerHeading')}
      hint={t('cases.registerHint')}
      links={[
        { route: HTTP_ROUTES.casesJson, label: t('cases.registerJson') },
        { route: HTTP_ROUTES.casesMarkdown, label: t('cases.registerMarkdown') },
      ]}
      watchKey={watchKey}
      testId="case-register-exports"
    />
  );
}
