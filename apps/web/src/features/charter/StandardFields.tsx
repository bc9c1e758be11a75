import type { StandardView } from '@moot/protocol';
import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { useFieldComponent, type FieldSuggestions } from '../../collab/fields.tsx';
import { DocumentError } from '../../collab/DocumentError.tsx';
import { useSharedDocument } from '../../collab/useSharedDocument.ts';
import { Loading } from '../../ui/Page.tsx';
import { formatServerTime } from '../session/countdown.ts';
import { EasyRead } from './EasyRead.tsx';
import { StandardLiveInfo } from './StandardLiveInfo.tsx';

interface Props {
  provider: CollabProvider;
  standard: StandardView;
  /** Whether this viewer may edit at all (false on the watch page). */
  canEdit: boolean;
  /**
   * Set while this member may not write: muted until then (server ms), or `null` once removed
   * from the live session. The fields are read-only and say why, instead of refusing each keystroke.
   */
  silenced?: { mutedUntil: number | null; offset: number } | null;
  /** Suggested amendments drawn in the text while it is not being edited (locked or adopted). */
  suggestions?: FieldSuggestions;
  /** Shown under the text, given the document the fields hold (the consensus map's marks). */
  afterText?: (doc: Y.Doc) => ReactNode;
}

const FIELDS = ['text', 'breach'] as const;

/** The standard's two rich-text fields, both in the one Y.Doc `standard.docId`. */
export function StandardFields({ provider, standard, canEdit, silenced = null, suggestions, afterText }: Props) {
  const { t } = useTranslation();
  const CollaborativeField = useFieldComponent();
  const [generation, setGeneration] = useState(0);
  const handle = useSharedDocument(provider, standard.docId, generation);
  // Only drafts are edited; locked and decided standards change by vote, not by typing.
  const editable = canEdit && !silenced && standard.status === 'drafting';
  const headingId = (field: string) => `standard-${standard.id}-${field}`;

  return (
    <div className="standard-fields">
      {silenced && (
        <p className="notice" data-testid="standard-silenced">
          {silenced.mutedUntil === null
            ? t('standard.silenced')
            : t('standard.mutedUntil', { time: formatServerTime(silenced.mutedUntil, silenced.offset) })}
        </p>
      )}
      {canEdit && !silenced && !editable && (
        <p className="notice">{t('charter.readOnlyNotice', { status: t(`charter.statuses.${standard.status}`) })}</p>
      )}
      <DocumentError
        provider={provider}
        docId={standard.docId}
        reopen={canEdit ? () => setGeneration((g) => g + 1) : undefined}
      />
      <StandardLiveInfo provider={provider} handle={handle} standard={standard} fields={FIELDS} />
      <div className="field">
        <h4 id={headingId('text')} className="field-heading">
          {t('standard.textHeading')}
        </h4>
        {handle ? (
          <CollaborativeField
            handle={handle}
            field="text"
            label={t('standard.textLabel', { title: standard.title })}
            editable={editable}
            {...(suggestions && !editable ? { suggestions } : {})}
          />
        ) : (
          <Loading label={t('standard.loadingText')} />
        )}
      </div>
      {handle && afterText?.(handle.doc)}
      <div className="field">
        <h4 id={headingId('breach')} className="field-heading">
          {t('standard.breachHeading')}
        </h4>
        {handle && (
          <CollaborativeField
            handle={handle}
            field="breach"
            label={t('standard.breachLabel', { title: standard.title })}
            editable={editable}
          />
        )}
      </div>
      <EasyRead provider={provider} standard={standard} editable={editable} />
    </div>
  );
}
