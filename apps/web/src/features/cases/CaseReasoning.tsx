import { CASE_REASONING_FIELD } from '@moot/protocol';
import type { CaseView } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { useFieldComponent } from '../../collab/fields.tsx';
import { DocumentError } from '../../collab/DocumentError.tsx';
import { useSharedDocument } from '../../collab/useSharedDocument.ts';
import { Loading } from '../../ui/Page.tsx';

interface Props {
  provider: CollabProvider;
  case: CaseView;
  /** Members and moderators: they may write while the case is deliberating. */
  canDraft: boolean;
}

/**
 * A case's reasoning, co-drafted live in the Yjs document `case:<id>`: editable by members and
 * moderators only while the case is deliberating, read-only for everyone otherwise (and always on
 * the watch page).
 */
export function CaseReasoning({ provider, case: c, canDraft }: Props) {
  const { t } = useTranslation();
  const CollaborativeField = useFieldComponent();
  const [generation, setGeneration] = useState(0);
  const editable = canDraft && c.status === 'deliberating';
  const handle = useSharedDocument(provider, c.docId, generation, !editable);
  const headingId = `case-${c.id}-reasoning`;

  return (
    <div className="field case-reasoning" data-testid="case-reasoning" aria-labelledby={headingId} role="group">
      <h4 id={headingId} className="field-heading">
        {t('cases.reasoningHeading')}
      </h4>
      {/* Who writes it while deliberated (true for a watcher or a muted member too, who may not now); else why it is fixed. */}
      <p className="hint" data-testid="case-reasoning-hint">
        {c.status === 'deliberating' ? t('cases.reasoningHint') : t('cases.reasoningFixed')}
      </p>
      <DocumentError
        provider={provider}
        docId={c.docId}
        reopen={canDraft ? () => setGeneration((g) => g + 1) : undefined}
      />
      {handle ? (
        <CollaborativeField
          handle={handle}
          field={CASE_REASONING_FIELD}
          label={t('cases.reasoningLabel', { number: c.number })}
          editable={editable}
        />
      ) : (
        <Loading label={t('standard.loadingText')} />
      )}
    </div>
  );
}
