import type { StandardView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { useFieldComponent } from '../../collab/fields.tsx';
import { useSharedDocument } from '../../collab/useSharedDocument.ts';
import { Loading } from '../../ui/Page.tsx';
import { useAutoFit } from './useAutoFit.ts';

interface Props {
  provider: CollabProvider;
  /** The standards under discussion now. */
  standards: readonly StandardView[];
  /** The whole charter, for each standard's number. */
  charter: readonly StandardView[];
}

/**
 * The text being drafted, live as members type, in the largest type that fits; when even the
 * smallest readable size does not, the box shows the end of the text, where the typing is, under
 * the standard's title (which stays in view).
 */
export function PresentDraft({ provider, standards, charter }: Props) {
  const { t } = useTranslation();
  // Never smaller than type readable from the back of the room: a longer text shows its end.
  const text = useAutoFit<HTMLDivElement>({ min: 1, max: 4, stickToEnd: true });
  return (
    <section className="present-box present-draft" aria-labelledby="present-draft-h">
      <h2 id="present-draft-h" className="present-label">
        {t('present.drafting')}
      </h2>
      <div className="present-draft-text" ref={text}>
        {standards.length === 0 ? (
          <p className="present-empty">{t('present.nothingDrafted')}</p>
        ) : (
          standards.map((standard) => (
            <DraftText
              key={standard.id}
              provider={provider}
              standard={standard}
              position={charter.indexOf(standard) + 1}
            />
          ))
        )}
      </div>
    </section>
  );
}

function DraftText({
  provider,
  standard,
  position,
}: {
  provider: CollabProvider;
  standard: StandardView;
  position: number;
}) {
  const { t } = useTranslation();
  const Field = useFieldComponent();
  const handle = useSharedDocument(provider, standard.docId, 0, true);
  return (
    <article className="present-standard" data-testid="present-standard" data-standard-id={standard.id}>
      <h3 className="present-standard-title">{t('present.standardHeading', { position, title: standard.title })}</h3>
      {handle ? (
        <Field
          handle={handle}
          field="text"
          label={t('standard.textLabel', { title: standard.title })}
          editable={false}
        />
      ) : (
        <Loading label={t('standard.loadingText')} />
      )}
    </article>
  );
}
