import { easyReadDocId, type StandardView } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { useFieldComponent } from '../../collab/fields.tsx';
import { DocumentError } from '../../collab/DocumentError.tsx';
import { useSharedDocument } from '../../collab/useSharedDocument.ts';
import { Loading } from '../../ui/Page.tsx';
import { StandardLiveInfo } from './StandardLiveInfo.tsx';

const FIELDS = ['text'] as const;

/**
 * A standard's easy-read version, shown on request: a disclosure button, then the version's
 * own shared document (`easy:<standardId>`), edited like the standard while it is drafting.
 */
export function EasyRead({
  provider,
  standard,
  editable,
}: {
  provider: CollabProvider;
  standard: StandardView;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const regionId = `standard-${standard.id}-easy-read`;
  return (
    <div className="easy-read-toggle">
      <button
        type="button"
        className="secondary"
        aria-expanded={shown}
        data-view-only
        aria-controls={regionId}
        aria-label={t('easyRead.toggleLabel', { title: standard.title })}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t('easyRead.hide') : t('easyRead.show')}
      </button>
      <div id={regionId}>{shown && <EasyReadText provider={provider} standard={standard} editable={editable} />}</div>
    </div>
  );
}

function EasyReadText({
  provider,
  standard,
  editable,
}: {
  provider: CollabProvider;
  standard: StandardView;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const Field = useFieldComponent();
  const docId = easyReadDocId(standard.id);
  const [generation, setGeneration] = useState(0);
  const handle = useSharedDocument(provider, docId, generation, !editable);
  const headingId = `standard-${standard.id}-easy-read-heading`;
  return (
    <section className="easy-read" aria-labelledby={headingId} data-testid="easy-read">
      <h4 id={headingId} className="field-heading">
        {t('easyRead.heading')}
      </h4>
      <p className="hint">{t('easyRead.hint')}</p>
      <DocumentError
        provider={provider}
        docId={docId}
        reopen={editable ? () => setGeneration((g) => g + 1) : undefined}
      />
      <StandardLiveInfo provider={provider} handle={handle} standard={standard} easyRead fields={FIELDS} />
      {handle ? (
        <Field
          handle={handle}
          field="text"
          label={t('easyRead.label', { title: standard.title })}
          editable={editable}
        />
      ) : (
        <Loading label={t('standard.loadingText')} />
      )}
    </section>
  );
}
