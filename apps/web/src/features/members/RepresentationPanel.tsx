import type { Representation, RepresentationValue } from '@moot/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMemberCalls } from './memberApi.ts';
import { fileBytes, percent } from './memberFiles.ts';
import { useProblemText } from './ImportPanel.tsx';

/**
 * Representativeness at a glance: per category, a table (the numbers, and gaps in words) and an
 * SVG bar chart of target, selected and present shares. The chart is one labelled image whose
 * bars each carry their own title; the table says the same for anyone who cannot see it.
 */
export function RepresentationPanel({ assemblyId, version }: { assemblyId: string; version: number }) {
  const { t } = useTranslation();
  const commands = useMemberCalls(assemblyId);
  const { request } = commands;
  const problemText = useProblemText();
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [shown, setShown] = useState<Representation | null>(null);
  const [quotaNote, setQuotaNote] = useState<string | null>(null);
  const load = useCallback(async () => {
    const ack = await request('representation', { sessionId });
    if (ack.ok) setShown(ack.data);
  }, [request, sessionId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  async function quotas(file: File | undefined) {
    if (!file) return;
    const ack = await request('quotas', { csv: await fileBytes(file) });
    if (!ack.ok) return;
    setQuotaNote(
      ack.data.problems.length > 0
        ? ack.data.problems.map(problemText.file).join(' ')
        : t('members.representation.quotasSaved', { count: ack.data.quotas.length }),
    );
    void load();
  }

  return (
    <section aria-labelledby="members-representation" className="members-section no-print">
      <h2 id="members-representation">{t('members.representation.heading')}</h2>
      {shown && <p>{t('members.representation.intro', { points: shown.gapPoints })}</p>}
      {commands.error && <ErrorNotice error={commands.error} />}
      <label htmlFor="quota-file">{t('members.representation.quotasLabel')}</label>
      <input
        id="quota-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => {
          void quotas(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      {quotaNote && <p role="status">{quotaNote}</p>}
      {shown && (
        <>
          <label htmlFor="sitting">{t('members.representation.sitting')}</label>
          <select
            id="sitting"
            value={shown.sitting?.sessionId ?? ''}
            onChange={(e) => setSessionId(e.currentTarget.value || null)}
          >
            {shown.sittings.length === 0 && <option value="">{t('members.representation.noSitting')}</option>}
            {shown.sittings.map((s) => (
              <option key={s.sessionId} value={s.sessionId}>
                {s.title}
              </option>
            ))}
          </select>
          <p>
            {shown.targetsFrom === 'quotas'
              ? t('members.representation.targetsFromQuotas')
              : t('members.representation.targetsFromSelection')}{' '}
            {t('members.representation.counts', { active: shown.activeCount, present: shown.presentCount })}
          </p>
          {shown.categories.length === 0 && <p>{t('members.representation.none')}</p>}
          {shown.categories.map(({ category, values }) => (
            <div className="representation-category" key={category} data-category={category}>
              <h3>{category}</h3>
              <RepresentationChart category={category} values={values} present={shown.sitting !== null} />
              <RepresentationTable category={category} values={values} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}

const BAR_HEIGHT = 10;
const ROW_GAP = 8;
const LABEL_WIDTH = 140;
const CHART_WIDTH = 420;

function RepresentationChart({
  category,
  values,
  present,
}: {
  category: string;
  values: RepresentationValue[];
  present: boolean;
}) {
  const { t } = useTranslation();
  const series = [
    { key: 'target', label: t('members.representation.target'), className: 'bar-target' },
    { key: 'selected', label: t('members.representation.selected'), className: 'bar-selected' },
    ...(present ? [{ key: 'present', label: t('members.representation.present'), className: 'bar-present' }] : []),
  ] as const;
  const rowHeight = series.length * BAR_HEIGHT + ROW_GAP;
  const height = values.length * rowHeight + 24;
  const scale =
    (CHART_WIDTH - LABEL_WIDTH - 50) / Math.max(0.01, ...values.flatMap((v) => [v.target, v.selected, v.present ?? 0]));
  return (
    <figure className="representation-chart">
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        role="img"
        aria-label={t('members.representation.chartLabel', { category })}
        width="100%"
      >
        {values.map((v, i) => (
          <g key={v.value} transform={`translate(0 ${i * rowHeight})`}>
            <text x={0} y={BAR_HEIGHT * 1.2} className={v.gap !== null ? 'chart-label chart-gap' : 'chart-label'}>
              {v.value}
            </text>
            {series.map((s, j) => {
              const share = s.key === 'present' ? (v.present ?? 0) : s.key === 'target' ? v.target : v.selected;
              return (
                <rect
                  key={s.key}
                  className={s.className}
                  x={LABEL_WIDTH}
                  y={j * BAR_HEIGHT}
                  width={Math.max(1, share * scale)}
                  height={BAR_HEIGHT - 2}
                >
                  <title>
                    {t('members.representation.barLabel', { value: v.value, series: s.label, percent: percent(share) })}
                  </title>
                </rect>
              );
            })}
          </g>
        ))}
        <g transform={`translate(${LABEL_WIDTH} ${height - 12})`} className="chart-legend">
          {series.map((s, j) => (
            <g key={s.key} transform={`translate(${j * 90} 0)`}>
              <rect className={s.className} width={10} height={10} y={-9} />
              <text x={14}>{s.label}</text>
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}

function RepresentationTable({ category, values }: { category: string; values: RepresentationValue[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="representation-table">
        <caption className="visually-hidden">{category}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.representation.value')}</th>
            <th scope="col">{t('members.representation.target')}</th>
            <th scope="col">{t('members.representation.selected')}</th>
            <th scope="col">{t('members.representation.present')}</th>
            <th scope="col">{t('members.representation.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.value} className={v.gap !== null ? 'row-gap' : undefined} data-value={v.value}>
              <th scope="row">{v.value}</th>
              <td>{t('members.representation.share', { percent: percent(v.target) })}</td>
              <td>
                {t('members.representation.shareWithCount', { percent: percent(v.selected), count: v.selectedCount })}
              </td>
              <td>
                {v.present === null
                  ? t('members.representation.empty')
                  : t('members.representation.shareWithCount', { percent: percent(v.present), count: v.presentCount })}
              </td>
              <td data-testid="gap">
                {v.gap === null
                  ? t('members.representation.empty')
                  : v.gap < 0
                    ? t('members.representation.under', { points: Math.abs(v.gap) })
                    : t('members.representation.over', { points: v.gap })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
