import { receiptModeOf } from '@moot/protocol';
import type { VoteView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explanationText, usePhraseWording } from '../../i18n/phrases.ts';
import { BarChart } from '../../ui/charts/BarChart.tsx';
import { useChoiceText } from './labels.ts';
import { chosenLabels, receiptPublished, resultRows, roundsTable, verdictOf } from './view.ts';

/**
 * A closed vote's result, the same for every method and audience: the server's sentence, the
 * counts (ranked: first preferences, then each round), the voter's own receipt check, and the
 * published anonymised ballots from which anyone can count again.
 */
export function VoteResult({ vote, myReceipt }: { vote: VoteView; myReceipt: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const choiceText = useChoiceText();
  const wording = usePhraseWording();
  const result = vote.result;
  if (!result) return null;
  const rows = resultRows(vote);
  const rounds = roundsTable(vote);
  const caption =
    vote.rules.method === 'approval'
      ? t('votes.approvalCaption')
      : vote.rules.method === 'ranked'
        ? t('votes.firstPreferencesCaption')
        : t('votes.countsCaption');
  const mine = myReceipt === null ? null : receiptPublished(vote, myReceipt);
  const verdict = verdictOf(vote);
  const verdictText =
    verdict?.kind === 'chosen'
      ? t('votes.verdicts.chosen', { option: choiceText(verdict.label) })
      : verdict && t(`votes.verdicts.${verdict.kind}`);
  const withReceipts = receiptModeOf(vote.rules) === 'verifiable';

  return (
    <section className="vote-result" aria-labelledby={`${id}-h`} data-testid="vote-result" data-passed={result.passed}>
      <h4 id={`${id}-h`}>
        {t('votes.resultHeading')}:{' '}
        <span className={result.passed ? 'tag tag-passed' : 'tag tag-failed'}>{verdictText}</span>
      </h4>
      <p className="vote-explanation" data-testid="vote-explanation">
        {explanationText(result, wording)}
      </p>
      <p className="hint">
        {t('votes.ballotsSummary', {
          ballots: result.ballots,
          eligible: result.eligible,
          quorum: result.quorumNeeded,
        })}
        {result.paper ? (
          <span data-testid="ballots-split" data-online={result.online} data-paper={result.paper}>
            {' '}
            {t('votes.ballotsSplit', { online: result.online ?? 0, paper: result.paper })}
          </span>
        ) : null}
      </p>
      <BarChart
        title={caption}
        testId="vote-chart"
        max={Math.max(1, ...rows.map((row) => row.count))}
        bars={rows.map((row) => ({
          key: row.key,
          label: choiceText(row.label),
          value: row.count,
          valueText: `${row.count} · ${t('votes.share', { percent: row.percent })}`,
          highlight: row.winner,
        }))}
      />
      <div className="table-scroll">
        <table data-testid="vote-counts">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('votes.columnChoice')}</th>
              <th scope="col">{t('votes.columnCount')}</th>
              <th scope="col">{t('votes.columnShare')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-choice={row.key} data-count={row.count}>
                <th scope="row">
                  {choiceText(row.label)}
                  {row.winner && <span className="tag tag-passed">{t('votes.winner')}</span>}
                </th>
                <td>{row.count}</td>
                <td>{t('votes.share', { percent: row.percent })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rounds && (
        <div className="table-scroll">
          <table data-testid="vote-rounds">
            <caption>{t('votes.roundsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('votes.columnOption')}</th>
                {Array.from({ length: rounds.rounds }, (_, i) => (
                  <th key={i} scope="col">
                    {t('votes.round', { round: i + 1 })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rounds.rows.map((row, index) => (
                <tr key={index}>
                  <th scope="row">
                    {choiceText(row.label)}
                    {row.winner && <span className="tag tag-passed">{t('votes.winner')}</span>}
                    {row.eliminatedInRound !== null && (
                      <span className="hint"> ({t('votes.eliminatedIn', { round: row.eliminatedInRound })})</span>
                    )}
                  </th>
                  {row.counts.map((count, round) => (
                    <td key={round}>{count ?? t('votes.out')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {myReceipt !== null && mine !== null && (
        <p className={mine ? 'notice' : 'notice notice-error'} data-testid="my-receipt-check" data-found={mine}>
          {mine
            ? t('votes.yourReceiptFound', { receipt: myReceipt })
            : t('votes.yourReceiptMissing', { receipt: myReceipt })}
        </p>
      )}
      {withReceipts && <ReceiptCheck vote={vote} />}
      {vote.ballots && (
        <details className="published-ballots">
          <summary>{t('votes.publishedHeading', { count: vote.ballots.length })}</summary>
          <p className="hint">{withReceipts ? t('votes.publishedHint') : t('votes.publishedHintNoReceipts')}</p>
          <ol data-testid="published-ballots">
            {vote.ballots.map((ballot, i) => {
              const choice = chosenLabels(vote.rules, ballot.choice)
                .map((label) => choiceText(label))
                .join(' › ');
              return (
                <li key={ballot.receipt ?? i} data-receipt={ballot.receipt ?? ''}>
                  {ballot.receipt === null
                    ? t('votes.publishedBallotNoReceipt', { choice })
                    : t('votes.publishedBallot', { receipt: ballot.receipt, choice })}
                  {ballot.reason && (
                    <span className="hint"> {t('votes.publishedReason', { reason: ballot.reason })}</span>
                  )}
                </li>
              );
            })}
          </ol>
        </details>
      )}
    </section>
  );
}

/** Anyone can look up a receipt (a voter whose tab no longer remembers theirs pastes it here). */
function ReceiptCheck({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const id = useId();
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState<boolean | null>(null);
  return (
    <form
      className="inline-form receipt-check"
      onSubmit={(e) => {
        e.preventDefault();
        setFound(receipt.trim() ? receiptPublished(vote, receipt) : null);
      }}
    >
      <label htmlFor={`${id}-receipt`}>{t('votes.checkReceiptLabel')}</label>
      <input
        id={`${id}-receipt`}
        type="text"
        value={receipt}
        autoComplete="off"
        onChange={(e) => {
          setReceipt(e.target.value);
          setFound(null);
        }}
      />
      <button type="submit" className="secondary">
        {t('votes.checkReceipt')}
      </button>
      <p role="status" className="receipt-check-result" data-testid="receipt-check" data-found={found ?? undefined}>
        {found === null ? '' : found ? t('votes.receiptFound') : t('votes.receiptMissing')}
      </p>
    </form>
  );
}
