import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const PANES = ['sitting', 'text', 'votes', 'floor', 'checkIn', 'more'] as const;
export type Pane = (typeof PANES)[number];

export const paneId = (pane: Pane) => `desk-pane-${pane}`;

interface Props {
  active: Pane;
  onShow: (pane: Pane) => void;
  content: Record<Pane, ReactNode>;
}

/**
 * The console's panes. On a wide screen (1280 × 800) all of them are on screen at once, each
 * scrolling by itself; on a phone one pane shows at a time, chosen with the row of section
 * buttons (or the keys 1–6). Every pane stays in the page, so nothing is lost when switching.
 */
export function DeskPanes({ active, onShow, content }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <nav className="desk-switcher" aria-label={t('desk.sectionsLabel')}>
        {PANES.map((pane, index) => (
          <button
            key={pane}
            type="button"
            className="secondary"
            aria-pressed={pane === active}
            aria-controls={paneId(pane)}
            aria-keyshortcuts={String(index + 1)}
            onClick={() => onShow(pane)}
          >
            <span aria-hidden="true" className="desk-key">
              {index + 1}
            </span>{' '}
            {t(`desk.panes.${pane}`)}
          </button>
        ))}
      </nav>
      <div className="desk-grid">
        {PANES.map((pane) => (
          <section
            key={pane}
            id={paneId(pane)}
            className={`desk-pane desk-pane-${pane}`}
            data-active={pane === active || undefined}
            data-testid={`pane-${pane}`}
            aria-labelledby={`${paneId(pane)}-h`}
            // Each pane scrolls by itself on a wide screen: focusable, so the keyboard can scroll it too.
            tabIndex={0}
          >
            <h2 id={`${paneId(pane)}-h`} className="desk-pane-heading">
              {t(`desk.paneHeadings.${pane}`)}
            </h2>
            {content[pane]}
          </section>
        ))}
      </div>
    </>
  );
}
