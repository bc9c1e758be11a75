import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enMember } from '../../i18n/enMember.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { AssemblyRoom } from './AssemblyRoom.tsx';
import { useSession } from './session.ts';

// Narrow seats get their own small pages, each its own chunk: no editor, no room.
const RespondentPage = lazy(() => import('../accountability/RespondentPage.tsx'));
const LeaderPage = lazy(() => import('../accountability/LeaderPage.tsx'));

// The member screen's own strings come with its chunk (the watch page does not carry them).
addEnglish(enMember);

/** `/assembly`: the member and moderator view, once the session cookie says who this is. */
export function AssemblyPage() {
  const { t } = useTranslation();
  const session = useSession();

  if (session.status === 'ready') {
    const { role } = session.session.me;
    if (role === 'respondent' || role === 'leader') {
      const Narrow = role === 'respondent' ? RespondentPage : LeaderPage;
      return (
        <Suspense fallback={<Loading label={t('assembly.loading')} />}>
          <Narrow session={session.session} />
        </Suspense>
      );
    }
    return <AssemblyRoom session={session.session} />;
  }
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
