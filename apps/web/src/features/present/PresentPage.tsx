import { secretIn } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { addEnglish } from '../../i18n/index.ts';
import { enPresent } from '../../i18n/enPresent.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { useSession } from '../assembly/session.ts';
import { PresentRoom } from './PresentRoom.tsx';

// Present mode's strings come with its own chunk.
addEnglish(enPresent);

/**
 * `/present`: the room's projector. A room screen opens it with the watch key in the fragment
 * (`/present#<watchKey>`, as public as the watch page); the moderator opens it from the console,
 * signed in by their cookie. Anyone else is told how to open it.
 */
export function PresentPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const watchKey = secretIn(hash.slice(1));
  const session = useSession();

  if (watchKey) return <PresentRoom access={{ kind: 'watch', watchKey }} />;
  if (session.status === 'ready' && session.session.me.role === 'moderator')
    return <PresentRoom access={{ kind: 'moderator', me: session.session.me }} />;
  return (
    <Page title={t('present.title')}>
      <h1>{t('present.title')}</h1>
      {session.status === 'loading' ? (
        <Loading label={t('assembly.loading')} />
      ) : session.status === 'failed' ? (
        <ErrorNotice error={session.error} />
      ) : (
        <div className="notice notice-error" role="alert" data-error-code="forbidden">
          <p>{t('present.forModerators')}</p>
        </div>
      )}
    </Page>
  );
}
