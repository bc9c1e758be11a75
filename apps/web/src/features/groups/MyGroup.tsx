import type { GroupView, StandardView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { GroupPad } from './GroupPad.tsx';

interface Props {
  group: GroupView | undefined;
  names: ReadonlyMap<string, string>;
  standards: readonly StandardView[];
  provider: CollabProvider;
  canEdit: boolean;
}

/** While groups run: the member's own group, its standards and its live notes pad. */
export function MyGroup({ group, names, standards, provider, canEdit }: Props) {
  const { t } = useTranslation();
  return (
    <section className="my-group" aria-labelledby="my-group-heading" data-testid="my-group">
      <h3 id="my-group-heading">{group ? t('groups.yourGroup', { number: group.number }) : t('groups.heading')}</h3>
      {!group ? (
        <p>{t('groups.notInGroup')}</p>
      ) : (
        <>
          <p>{t('groups.members', { names: group.memberIds.map((id) => names.get(id) ?? '?').join(', ') })}</p>
          <h4>{t('groups.standards')}</h4>
          {group.standardIds.length === 0 ? (
            <p className="empty">{t('groups.noStandards')}</p>
          ) : (
            <ul>
              {standards
                .filter((s) => group.standardIds.includes(s.id))
                .map((s) => (
                  <li key={s.id}>{s.title}</li>
                ))}
            </ul>
          )}
          <GroupPad provider={provider} group={group} editable={canEdit} />
        </>
      )}
    </section>
  );
}
