import type { SessionState, StandardView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { StandardArticle } from '../charter/StandardArticle.tsx';
import { StandardFields } from '../charter/StandardFields.tsx';
import { DiscussingBadge } from '../session/DiscussingBadge.tsx';
import { currentItem } from '../session/view.ts';

interface Props {
  state: SessionState | null;
  standards: readonly StandardView[];
  provider: CollabProvider;
}

/**
 * The standards the current agenda item concerns, live: editable while drafting (the moderator
 * co-drafts like anyone), read-only once locked or decided. Nothing to switch pages for.
 */
export function DiscussedText({ state, standards, provider }: Props) {
  const { t } = useTranslation();
  const item = currentItem(state);
  if (!item || item.status === 'done') return <p className="empty">{t('desk.text.noItem')}</p>;
  const concerned = standards.filter((s) => item.standardIds.includes(s.id));
  if (concerned.length === 0) return <p className="empty">{t('desk.text.noStandards')}</p>;
  return (
    <div className="desk-text" data-testid="discussed-text">
      {concerned.map((standard) => (
        <StandardArticle
          key={standard.id}
          standard={standard}
          number={standards.indexOf(standard) + 1}
          badge={<DiscussingBadge show />}
        >
          <StandardFields provider={provider} standard={standard} canEdit />
        </StandardArticle>
      ))}
    </div>
  );
}
