import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { AssemblyRoom } from './AssemblyRoom.tsx';
import { useSession } from './session.ts';

/** `/assembly`: the member and moderator view, once the session cookie says who this is. */
export function AssemblyPage() {
  const { t } = useTranslation();
  const session = useSession();

  if (session.status === 'ready') return <AssemblyRoom session={session.session} />;
  return (
    <Page title={t('app.name')}>
      <h1>{t('app.name')}</h1>
      {session.status === 'loading' && <Loading label={t('assembly.loading')} />}
      {session.status === 'signed-out' && (
        <div className="notice notice-error" role="alert" data-error-code="unauthorized">
          <p>{t('assembly.noSession')}</p>
        </div>
      )}
      {session.status === 'failed' && <ErrorNotice error={session.error} />}
    </Page>
  );
}
