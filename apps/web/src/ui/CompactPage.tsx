import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';
import './compactPage.css';

/**
 * A page frame for screens used during a sitting, where every pixel of a phone counts: a skip link,
 * one header row (at most 64 px at 360 px wide: the page's h1 truncated, whatever the page adds
 * such as the connection and a menu), an optional bar under it (not part of the header), and the
 * main landmark.
 */
export function CompactPage({
  title,
  tools,
  bar,
  children,
}: {
  /** The page's one h1, truncated to one line (the full text stays in the DOM and the tab's title). */
  title: string;
  tools?: ReactNode;
  /** Below the header row, e.g. the sections' navigation. */
  bar?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="compact-banner">
        <h1 className="compact-title" title={title}>
          {title}
        </h1>
        {tools}
      </header>
      {bar}
      <main id="main" tabIndex={-1} className="compact-main">
        <LiveAnnouncer>{children}</LiveAnnouncer>
      </main>
    </>
  );
}
