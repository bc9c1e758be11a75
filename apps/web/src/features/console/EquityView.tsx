import type { EquitySummary } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { formatDuration } from '../session/countdown.ts';

/** How evenly the floor is shared: a row per member, and two figures explained in words. */
export function EquityView({ equity }: { equity: EquitySummary | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!equity) return null;
  return (
    <section className="console-section" aria-labelledby="console-equity-heading" data-testid="equity">
      <h2 id="console-equity-heading">{t('console.equityHeading')}</h2>
      <p>{t('console.share', { percent: format.number(Math.round(equity.shareWhoSpoke * 100)) })}</p>
      <p>{t('console.gini', { gini: format.number(equity.gini, 2) })}</p>
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
