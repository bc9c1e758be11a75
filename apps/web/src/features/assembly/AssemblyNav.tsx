import { ASSEMBLY_SECTIONS } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/**
 * The sections of `/assembly`, one tap each: "Now" first, then charter, votes, cases, comments and
 * the record, each at its own address. The current one carries `aria-current="page"`.
 */
export function AssemblyNav({ badges = {} }: { badges?: { votes?: number } }) {
  const { t } = useTranslation();
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? 'section-tab section-tab-current' : 'section-tab');
  return (
    <nav className="section-tabs" aria-label={t('member.sections')} data-testid="section-nav">
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
