import { ASSEMBLY_SECTIONS } from '@moot/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

/**
 * The sections of `/assembly`, one tap each: "Now" first, then charter, votes, cases, comments and
 * the record, each at its own address. The current one carries `aria-current="page"`.
 */
export function AssemblyNav({ badges = {} }: { badges?: { votes?: number } }) {
  const { t } = useTranslation();
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? 'section-tab section-tab-current' : 'section-tab');
  const bar = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // The current tab is scrolled into the bar (on a phone the last ones start out of sight),
  // moving only the bar, never the page.
  useEffect(() => {
    const box = bar.current;
    const current = box?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!box || !current) return;
    const left = current.offsetLeft - box.offsetLeft;
    if (left < box.scrollLeft || left + current.offsetWidth > box.scrollLeft + box.clientWidth)
      box.scrollLeft = left - (box.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav className="section-tabs" aria-label={t('member.sections')} data-testid="section-nav" ref={bar}>
      <ul>
        <li>
          <NavLink to="/assembly" end className={link}>
            {t('member.tabs.now')}
          </NavLink>
        </li>
        {ASSEMBLY_SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={`/assembly/${section}`} className={link}>
              {t(`member.tabs.${section}`)}
              {section === 'votes' && !!badges.votes && (
                <span className="section-badge" data-testid="open-votes-count">
                  <span aria-hidden="true">{badges.votes}</span>
                  <span className="visually-hidden">{t('member.openVotes', { count: badges.votes })}</span>
                </span>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
