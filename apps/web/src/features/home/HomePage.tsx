import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page.tsx';
// With the organisers' chunk: the watch page shares this page's bundle and has a size budget.
import { ListedAssemblies } from '../organise/lazy.ts';

/** `/`: nothing to do here without a link; say which link does what, and list the listed assemblies. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')}>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <section aria-labelledby="home-join">
        <h2 id="home-join">{t('home.joinHeading')}</h2>
        <p>{t('home.join')}</p>
      </section>
      <section aria-labelledby="home-watch">
        <h2 id="home-watch">{t('home.watchHeading')}</h2>
        <p>{t('home.watch')}</p>
        <Suspense fallback={null}>
          <ListedAssemblies />
        </Suspense>
      </section>
      <p className="hint">{t('home.noLink')}</p>
    </Page>
  );
}
