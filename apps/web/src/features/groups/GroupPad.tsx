import type { GroupView } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { useFieldComponent } from '../../collab/fields.tsx';
import { DocumentError } from '../../collab/DocumentError.tsx';
import { useSharedDocument } from '../../collab/useSharedDocument.ts';
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
  const CollaborativeField = useFieldComponent();
  const [generation, setGeneration] = useState(0);
  const handle = useSharedDocument(provider, group.padDocId, generation, !editable);
  return (
    <div className="group-pad" data-testid="group-pad" data-group-id={group.id}>
      <DocumentError
        provider={provider}
        docId={group.padDocId}
        reopen={editable ? () => setGeneration((g) => g + 1) : undefined}
      />
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
