import { HTTP_ROUTES, type Tracker } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enAccountability } from '../../i18n/enAccountability.ts';
import { ExportLinks } from '../lifecycle/ExportLinks.tsx';
import { useDates } from './dates.ts';
import { TrackedStandard } from './TrackedStandard.tsx';
import './accountability.css';

addEnglish(enAccountability);

interface Props {
  tracker: Tracker | undefined;
  /** Observers download the tracker with the watch key; members by their session. */
  watchKey?: string | null;
  /** Under each response (members: the standard's comments, where they discuss it). */
  discussion?: (standardId: string) => ReactNode;
}

/**
 * The assembly's lasting public record of what was done: each adopted standard with the
 * commissioning body's response (or "no response yet, N days since the report") and the
 * progress it reported. On the watch page (a lazy chunk) and the members' record section.
 */
export function TrackerPanel({ tracker, watchKey = null, discussion }: Props) {
  const { t } = useTranslation();
  const dates = useDates();
  if (!tracker) return null;
  const now = Date.now();
  return (
    <section className="tracker" aria-labelledby="tracker-heading" data-testid="tracker">
      <h2 id="tracker-heading">{t('accountability.heading')}</h2>
      <p className="hint">{t('accountability.intro')}</p>
      <p>
        {tracker.reportedAt === null
          ? t('accountability.notReported')
          : t('accountability.reportedOn', { date: dates.day(tracker.reportedAt) })}
      </p>
      {tracker.standards.length === 0 ? (
        <p className="hint">{t('accountability.noStandards')}</p>
      ) : (
        tracker.standards.map((standard) => (
          <TrackedStandard key={standard.standardId} standard={standard} reportedAt={tracker.reportedAt} now={now}>
            {standard.response && discussion?.(standard.standardId)}
          </TrackedStandard>
        ))
      )}
      <ExportLinks
        heading={t('accountability.exportHeading')}
        hint={t('accountability.exportHint')}
        links={[
          { route: HTTP_ROUTES.trackerJson, label: t('accountability.exportJson') },
          { route: HTTP_ROUTES.trackerMarkdown, label: t('accountability.exportMarkdown') },
        ]}
        watchKey={watchKey}
        testId="tracker-exports"
      />
    </section>
  );
}

export default TrackerPanel;
