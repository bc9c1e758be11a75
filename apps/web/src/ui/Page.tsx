import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';

/**
 * Every page's frame: a skip link, a banner with the app's name (and whatever the page adds,
 * such as the connection status) and the language switch, and the main landmark. Pages supply the one h1.
 */
export function Page({ title, banner, children }: { title: string; banner?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const appName = t('app.name');
  // Each page says what it is in the tab and to assistive technology (WCAG 2.4.2).
  useEffect(() => {
    document.title = title === appName ? appName : `${title} · ${appName}`;
  }, [title, appName]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="banner">
        <Link className="brand" to="/">
          {t('app.name')}
        </Link>
        {banner}
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <LiveAnnouncer>{children}</LiveAnnouncer>
      </main>
    </>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
