import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { useSession } from '../assembly/session.ts';
import { ConsoleRoom } from './ConsoleRoom.tsx';
import { addEnglish } from '../../i18n/index.ts';
import { enConsole } from '../../i18n/enConsole.ts';
import { enDesk } from '../../i18n/enDesk.ts';

// The console's strings come with the console's chunk (the watch page does not carry them).
addEnglish(enConsole);
addEnglish(enDesk);

/** `/console`: the moderator's one screen to run a session. Members get a clear refusal. */
export function ConsolePage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'ready' && session.session.me.role === 'moderator')
    return <ConsoleRoom session={session.session} />;
  return (
    <Page title={t('console.title')}>
      <h1>{t('console.title')}</h1>
      {session.status === 'loading' && <Loading label={t('assembly.loading')} />}
      {session.status === 'signed-out' && (
        <div className="notice notice-error" role="alert" data-error-code="unauthorized">
          <p>{t('assembly.noSession')}</p>
        </div>
      )}
      {session.status === 'failed' && <ErrorNotice error={session.error} />}
      {session.status === 'ready' && (
        <div className="notice notice-error" role="alert" data-error-code="forbidden">
          <p>{t('console.onlyModerators')}</p>
          <p>
            <Link to="/assembly">{t('session.backToAssembly')}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}
