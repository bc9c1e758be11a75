import { receiptModeOf, SUPPORT_SCALE, type VoteView } from '@moot/protocol';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { receiptPublished } from '../votes/view.ts';
import './strings.ts';
import { recommendationRows, type SupportRules } from './view.ts';
import './finalBallot.css';
import { explanationText, usePhraseWording } from '../../i18n/phrases.ts';

/** The charting library (visx) loads with this chunk, only where a final ballot's result is drawn. */
export const SupportChart = lazy(() => import('./SupportChart.tsx'));

/** The chart's rows for a closed final ballot: each recommendation numbered and titled, with its counts. */
export function useChartRows(vote: VoteView & { rules: SupportRules }) {
  const { t } = useTranslation();
  return recommendationRows(vote).map((row) => ({
    key: String(row.index),
    label: t('finalBallot.itemLegend', {
      number: row.index + 1,
      part: t(`finalBallot.parts.${row.part}`),
      title: row.title,
    }),
    counts: row.result?.counts ?? [],
    supported: row.result?.supported ?? false,
  }));
}

/**
 * A closed final ballot's result, for every audience: how many recommendations are supported,
 * each one's diverging bar, the exact counts as a table (online and paper together) with the
 * support share against the threshold, the voter's receipt check, and the published ballots.
 */
export function SupportResult({
  vote,
  myReceipt,
}: {
  vote: VoteView & { rules: SupportRules };
  myReceipt: string | null;
}) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const id = useId();
  const result = vote.result;
  const chartRows = useChartRows(vote);
  if (!result) return null;
  const rows = recommendationRows(vote);
  const supported = rows.filter((r) => r.result?.supported).length;
  const mine = myReceipt === null ? null : receiptPublished(vote, myReceipt);
  return (
    <section className="vote-result" aria-labelledby={`${id}-h`} data-testid="support-result">
      <h4 id={`${id}-h`}>
        {t('finalBallot.resultHeading')}:{' '}
        <span
          className={result.quorumMet ? 'tag' : 'tag tag-failed'}
          data-testid="support-summary"
          data-supported={supported}
        >
          {result.quorumMet ? t('finalBallot.summary', { supported, total: rows.length }) : t('finalBallot.noQuorum')}
        </span>
      </h4>
      <p className="vote-explanation">{explanationText(result, wording)}</p>
      <p className="hint">
        {t('votes.ballotsSummary', { ballots: result.ballots, eligible: result.eligible, quorum: result.quorumNeeded })}
        {result.paper ? ` ${t('votes.ballotsSplit', { online: result.online ?? 0, paper: result.paper })}` : ''}
      </p>
      <Suspense fallback={<p className="hint">{t('finalBallot.chartLoading')}</p>}>
        <SupportChart title={t('finalBallot.chartCaption')} rows={chartRows} />
      </Suspense>
      {/* Focusable: on a narrow screen the table scrolls sideways, and the keyboard must reach it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('finalBallot.tableCaption')}>
        <table data-testid="support-counts">
          <caption>{t('finalBallot.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('finalBallot.columnRecommendation')}</th>
              {SUPPORT_SCALE.map((point) => (
                <th key={point} scope="col">
                  {t(`finalBallot.scale.${point}`)}
                </th>
              ))}
              <th scope="col">{t('finalBallot.columnSupport')}</th>
              <th scope="col">{t('finalBallot.columnOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const r = row.result;
              return (
                <tr key={i} data-index={i} data-supported={r?.supported ?? false} data-counts={r?.counts.join(',')}>
                  <th scope="row">{chartRows[i]!.label}</th>
                  {SUPPORT_SCALE.map((point, a) => (
                    <td key={point}>
                      {r?.counts[a] ?? 0}
                      {r && (r.paperCounts[a] ?? 0) > 0 && (
                        <span className="hint"> ({t('finalBallot.ofPaper', { count: r.paperCounts[a] ?? 0 })})</span>
                      )}
                    </td>
                  ))}
                  <td>
                    {r && t('finalBallot.supportShare', { supporting: r.supporting, base: r.base, percent: r.percent })}
                  </td>
                  <td>
                    <span className={r?.supported ? 'tag tag-passed' : 'tag tag-failed'}>
                      {r?.supported ? t('finalBallot.supported') : t('finalBallot.notSupported')}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {myReceipt !== null && mine !== null && (
        <p className={mine ? 'notice' : 'notice notice-error'} data-testid="my-receipt-check" data-found={mine}>
          {mine
            ? t('votes.yourReceiptFound', { receipt: myReceipt })
            : t('votes.yourReceiptMissing', { receipt: myReceipt })}
        </p>
      )}
      {vote.ballots && (
        <details className="published-ballots">
          <summary>{t('finalBallot.publishedHeading', { count: vote.ballots.length })}</summary>
          <p className="hint">
            {receiptModeOf(vote.rules) === 'verifiable' ? t('votes.publishedHint') : t('votes.publishedHintNoReceipts')}{' '}
            {t('finalBallot.publishedAnswers')}
          </p>
          <ol data-testid="published-ballots">
            {vote.ballots.map((ballot, i) => (
              <li key={ballot.receipt ?? i} data-receipt={ballot.receipt ?? ''}>
                {ballot.receipt && <code>{ballot.receipt}</code>}{' '}
                {ballot.choice.method === 'support' &&
                  ballot.choice.answers.map((a) => (a === null ? '–' : String(a + 1))).join(' ')}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
