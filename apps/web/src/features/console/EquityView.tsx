import type { EquitySummary } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { BarChart } from '../../ui/charts/BarChart.tsx';
import { LineChart } from '../../ui/charts/LineChart.tsx';
import { formatDuration, formatServerTime } from '../session/countdown.ts';
import { giniLine } from './equity.ts';

/**
 * How evenly the floor is shared: a row per member, two figures explained in words, and the Gini
 * over the sitting (the server's line, the same after a reload and on another device).
 */
export function EquityView({
  equity,
  serverNow,
  offset,
}: {
  equity: EquitySummary | null;
  serverNow: number;
  offset: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!equity) return null;
  const series = giniLine(equity, serverNow);
  const now = equity.rows.length === 0 ? 0 : equity.gini;
  const values = series.map((s) => s.gini);
  const two = (value: number) => format.number(value, 2);
  return (
    <section className="console-section" aria-labelledby="console-equity-heading" data-testid="equity">
      <h2 id="console-equity-heading">{t('console.equityHeading')}</h2>
      <p>{t('console.share', { percent: format.number(Math.round(equity.shareWhoSpoke * 100)) })}</p>
      <p>{t('console.gini', { gini: format.number(equity.gini, 2) })}</p>
      {equity.rows.length > 0 && (
        <BarChart
          title={t('desk.equity.chartTitle')}
          testId="equity-chart"
          bars={equity.rows.map((row) => ({
            key: row.participantId,
            label: row.name,
            value: row.spokenMsThisSession,
            valueText: formatDuration(row.spokenMsThisSession),
            highlight: row.turnsThisSession === 0,
          }))}
        />
      )}
      {series.length > 0 && (
        <div className="desk-gini" data-testid="gini-line" data-gini={now.toFixed(3)}>
          <LineChart
            label={t('desk.equity.giniLine', {
              first: two(values[0]!),
              last: two(now),
              min: two(Math.min(...values)),
              max: two(Math.max(...values)),
            })}
            points={series.map((s) => ({ x: s.at, y: s.gini }))}
          />
          <p className="hint">
            {t('desk.equity.giniLine', {
              first: two(values[0]!),
              last: two(now),
              min: two(Math.min(...values)),
              max: two(Math.max(...values)),
            })}
          </p>
          <details>
            <summary>{t('desk.equity.giniTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('desk.equity.time')}</th>
                  <th scope="col">{t('desk.equity.gini')}</th>
                </tr>
              </thead>
              <tbody>
                {series.map((s, i) => (
                  <tr key={i}>
                    <td>{formatServerTime(s.at, offset)}</td>
                    <td>{two(s.gini)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
      {equity.rows.length === 0 ? (
        <p className="empty">{t('console.equityEmpty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="console-equity-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.equityName')}</th>
                <th scope="col">{t('console.equityTurns')}</th>
                <th scope="col">{t('console.equityTime')}</th>
                <th scope="col">{t('console.equityTurnsOverall')}</th>
                <th scope="col">{t('console.equityTimeOverall')}</th>
              </tr>
            </thead>
            <tbody>
              {equity.rows.map((row) => (
                <tr key={row.participantId} data-not-spoken={row.turnsThisSession === 0 || undefined}>
                  <th scope="row">
                    {row.name}
                    {row.turnsThisSession === 0 && <span className="tag tag-warn">{t('console.notSpoken')}</span>}
                  </th>
                  <td>{row.turnsThisSession}</td>
                  <td>{formatDuration(row.spokenMsThisSession)}</td>
                  <td>{row.turnsOverall}</td>
                  <td>{formatDuration(row.spokenMsOverall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
