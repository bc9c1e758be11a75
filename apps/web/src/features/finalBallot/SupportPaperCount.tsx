import { SUPPORT_SCALE, type VoteView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PaperTally, type PaperCountProps } from '../facilitator/PaperTally.tsx';
import './strings.ts';
import type { SupportRules } from './view.ts';
import './finalBallot.css';

/**
 * The final ballot's paper count at this table (`PaperTally`, as for any vote): per
 * recommendation, how many paper ballots gave each answer. A second facilitator enters theirs
 * independently; only matching totals count at close.
 */
export function SupportPaperCount(props: PaperCountProps<VoteView & { rules: SupportRules }>) {
  const { vote, runner } = props;
  const { t } = useTranslation();
  const id = useId();
  const items = vote.rules.items;
  const [counts, setCounts] = useState<Record<string, string>>({});
  return (
    <PaperTally
      {...props}
      heading={t('finalBallot.paperHeading')}
      hint={t('finalBallot.paperHint')}
      testId="support-paper-count"
    >
      <form
        className="paper-totals"
        onSubmit={(e) => {
          e.preventDefault();
          const entered = items.map((_, i) => SUPPORT_SCALE.map((_, a) => Number(counts[`${i}.${a}`] || 0)));
          void runner.run('vote:enterSupportPaperTotals', { voteId: vote.id, counts: entered }).then((done) => {
            if (done) setCounts({});
          });
        }}
      >
        {items.map((item, i) => (
          <fieldset key={`${item.standardId}-${item.part}`} className="support-paper-item">
            <legend>
              {t('finalBallot.itemLegend', {
                number: i + 1,
                part: t(`finalBallot.parts.${item.part}`),
                title: item.title,
              })}
            </legend>
            <div className="support-paper-grid">
              {SUPPORT_SCALE.map((point, a) => (
                <p key={point} className="field">
                  <label htmlFor={`${id}-${i}-${a}`}>{t(`finalBallot.scale.${point}`)}</label>
                  <input
                    id={`${id}-${i}-${a}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    value={counts[`${i}.${a}`] ?? ''}
                    data-item={i}
                    data-answer={point}
                    onChange={(e) => setCounts((c) => ({ ...c, [`${i}.${a}`]: e.target.value }))}
                  />
                </p>
              ))}
            </div>
          </fieldset>
        ))}
        <button type="submit" disabled={runner.busy}>
          {t('finalBallot.enterTotals')}
        </button>
      </form>
    </PaperTally>
  );
}
