import type { GroupView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { GroupPad } from './GroupPad.tsx';

/** After groups end: every group's notes, read-only, in the plenary (and on the watch page). */
export function GroupNotes({ groups, provider }: { groups: readonly GroupView[]; provider: CollabProvider }) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <section className="group-notes" aria-labelledby="group-notes-heading">
      <h3 id="group-notes-heading">{t('groups.notesHeading')}</h3>
      {groups.map((group) => (
        <article key={group.id} aria-labelledby={`group-notes-${group.id}`}>
          <h4 id={`group-notes-${group.id}`}>{t('groups.groupName', { number: group.number })}</h4>
          <GroupPad provider={provider} group={group} editable={false} />
        </article>
      ))}
    </section>
  );
}
