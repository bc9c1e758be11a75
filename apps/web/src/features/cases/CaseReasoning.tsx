import { CASE_REASONING_FIELD, ErrorCode } from '@moot/protocol';
import type { CaseView } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { useFieldComponent } from '../../collab/fields.tsx';
import { useSaveStatus, useSharedDocument } from '../../collab/useSharedDocument.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Page.tsx';

/** Refusals after which the local copy no longer matches the server's. */
const DIVERGING = new Set<string>([ErrorCode.locked, ErrorCode.tooLarge, ErrorCode.forbidden]);

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
  const describe = useErrorText();
  const CollaborativeField = useFieldComponent();
  const [generation, setGeneration] = useState(0);
  const editable = canDraft && c.status === 'deliberating';
  const handle = useSharedDocument(provider, c.docId, generation, !editable);
  const error = useSaveStatus(provider).errors.get(c.docId);
  const headingId = `case-${c.id}-reasoning`;

  return (
    <div className="field case-reasoning" data-testid="case-reasoning" aria-labelledby={headingId} role="group">
      <h4 id={headingId} className="field-heading">
        {t('cases.reasoningHeading')}
      </h4>
      <p className="hint">{editable ? t('cases.reasoningHint') : t('cases.reasoningFixed')}</p>
      {error && (
        <div className="notice notice-error" role="alert" data-error-code={error.code}>
          <p>{describe(error)}</p>
          {canDraft && DIVERGING.has(error.code) && (
            <button type="button" onClick={() => setGeneration((g) => g + 1)}>
              {t('standard.showSaved')}
            </button>
          )}
        </div>
      )}
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
