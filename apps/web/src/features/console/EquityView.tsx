import type { Attendee, EquitySummary } from '@moot/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { BarChart } from '../../ui/charts/BarChart.tsx';
import { LineChart } from '../../ui/charts/LineChart.tsx';
import { formatDuration, formatServerTime } from '../session/countdown.ts';
import { addGiniSample, gini, type GiniSample } from './equity.ts';

/** How evenly the floor is shared: a row per member, and two figures explained in words. */
export function EquityView({
  equity,
  serverNow,
  offset,
  sessionId,
  attendees,
}: {
  equity: EquitySummary | null;
  serverNow: number;
  offset: number;
  sessionId: string;
  /** Who counts for the Gini: members checked in and not removed, as the server counts them. */
  attendees: readonly Attendee[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const series = useGiniSeries(equity, attendees, serverNow, sessionId);
  if (!equity) return null;
  const now = equity.rows.length === 0 ? 0 : (series.at(-1)?.gini ?? equity.gini);
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
                {series.map((s) => (
                  <tr key={s.at}>
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

const storageKey = (sessionId: string) => `moot.gini:${sessionId}`;

/** The line so far, kept for this tab (sessionStorage), so a reload of the console does not lose it. */
function storedSamples(sessionId: string): GiniSample[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.sessionStorage?.getItem(storageKey(sessionId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((s): s is GiniSample => typeof s?.at === 'number' && typeof s?.gini === 'number')
      : [];
  } catch {
    return [];
  }
}

/**
 * The sitting's Gini line, sampled from each state the server sends (computed here from the
 * checked-in rows with the tested `gini`); starts again for another session.
 */
function useGiniSeries(
  equity: EquitySummary | null,
  attendees: readonly Attendee[],
  serverNow: number,
  sessionId: string,
): GiniSample[] {
  const [series, setSeries] = useState<{ sessionId: string; samples: GiniSample[] }>(() => ({
    sessionId,
    samples: storedSamples(sessionId),
  }));
  useEffect(() => {
    if (!equity || equity.rows.length === 0) return;
    const counted = new Set(attendees.filter((a) => a.checkedIn && !a.removed).map((a) => a.participantId));
    const value = gini(equity.rows.filter((r) => counted.has(r.participantId)).map((r) => r.spokenMsThisSession));
    setSeries((prev) => {
      const samples = prev.sessionId === sessionId ? prev.samples : storedSamples(sessionId);
      const next = addGiniSample(samples, { at: serverNow, gini: value });
      if (next === samples && prev.sessionId === sessionId) return prev;
      try {
        globalThis.sessionStorage?.setItem(storageKey(sessionId), JSON.stringify(next));
      } catch {
        // Not kept across a reload; still drawn.
      }
      return { sessionId, samples: next };
    });
    // Sampled per state the server sends, not per clock tick (serverNow is read, not watched).
  }, [equity, sessionId]);
  return series.sessionId === sessionId ? series.samples : [];
}
