import type { GroupView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { useFieldComponent } from '../../collab/fields.tsx';
import { useSaveStatus, useSharedDocument } from '../../collab/useSharedDocument.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Page.tsx';

/** A group's live notes pad: one rich-text field ('text') of the Yjs document `group.padDocId`. */
export function GroupPad({
  provider,
  group,
  editable,
}: {
  provider: CollabProvider;
  group: GroupView;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const CollaborativeField = useFieldComponent();
  const handle = useSharedDocument(provider, group.padDocId, 0, !editable);
  const error = useSaveStatus(provider).errors.get(group.padDocId);
  return (
    <div className="group-pad" data-testid="group-pad" data-group-id={group.id}>
      {error && (
        <div className="notice notice-error" role="alert" data-error-code={error.code}>
          <p>{describe(error)}</p>
        </div>
      )}
      {handle ? (
        <CollaborativeField
          handle={handle}
          field="text"
          label={t('groups.padLabel', { number: group.number })}
          editable={editable}
        />
      ) : (
        <Loading label={t('standard.loadingText')} />
      )}
    </div>
  );
}
