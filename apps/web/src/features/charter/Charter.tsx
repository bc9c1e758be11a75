import type { StandardView } from '@moot/protocol';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useCharterAnnouncements } from './useCharterAnnouncements.ts';

interface Props {
  standards: readonly StandardView[];
  /** Renders one standard; `index` is its 0-based place in the charter. */
  renderStandard: (standard: StandardView, index: number) => ReactNode;
  emptyText: string;
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}

/** The charter in `position` order, on any page, with changes announced to screen readers. */
export function Charter({ standards, renderStandard, emptyText, headingRef, children }: Props) {
  const { t } = useTranslation();
  const announcement = useCharterAnnouncements(standards);
  return (
    <section className="charter" aria-labelledby="charter-heading">
      <h2 id="charter-heading" ref={headingRef} tabIndex={-1}>
        {t('charter.heading')}
      </h2>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {standards.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <ol className="charter-list">
          {standards.map((standard, index) => (
            <li key={standard.id}>{renderStandard(standard, index)}</li>
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}
