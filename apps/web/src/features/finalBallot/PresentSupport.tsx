import { SUPPORT_SCALE, type VoteView } from '@moot/protocol';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SupportChart, useChartRows } from './SupportResult.tsx';
import './strings.ts';
import type { SupportRules } from './view.ts';

/** Present mode's view of a closed final ballot: how many are supported, and the diverging bars, large. */
export function PresentSupport({ vote }: { vote: VoteView & { rules: SupportRules } }) {
  const { t } = useTranslation();
  const rows = useChartRows(vote);
  const result = vote.result;
  if (!result) return null;
  const supported = rows.filter((r) => r.supported).length;
  return (
    <figure className="present-chart" data-testid="present-result" data-vote-id={vote.id}>
      <figcaption>
        <span className="present-vote-question">{t('finalBallot.heading', { count: rows.length })}</span>
        <span className={result.quorumMet ? 'present-verdict present-passed' : 'present-verdict'}>
          {result.quorumMet ? t('finalBallot.summary', { supported, total: rows.length }) : t('finalBallot.noQuorum')}
        </span>
      </figcaption>
      <Suspense fallback={<p>{t('finalBallot.chartLoading')}</p>}>
        <SupportChart
          title={t('finalBallot.chartCaption')}
          rows={rows.map((r) => ({
            ...r,
            label: `${r.label} — ${r.supported ? t('finalBallot.supported') : t('finalBallot.notSupported')}`,
          }))}
          large
        />
      </Suspense>
      <table className="visually-hidden">
        <caption>{t('finalBallot.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('finalBallot.columnRecommendation')}</th>
            {SUPPORT_SCALE.map((point) => (
              <th key={point} scope="col">
                {t(`finalBallot.scale.${point}`)}
              </th>
            ))}
            <th scope="col">{t('finalBallot.columnOutcome')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {SUPPORT_SCALE.map((point, a) => (
                <td key={point}>{row.counts[a] ?? 0}</td>
              ))}
              <td>{row.supported ? t('finalBallot.supported') : t('finalBallot.notSupported')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
