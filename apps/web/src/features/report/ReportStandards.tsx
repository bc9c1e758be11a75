import { SUPPORT_SCALE, type ReportExport, type ReportFinalBallot, type ReportStandard } from '@moot/protocol';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { resultText, usePhraseWording } from '../../i18n/phrases.ts';
import '../finalBallot/strings.ts';
import { voteLine } from '../record/voteLine.ts';
import { Cell, Paragraphs, TableRegion } from './ReportParts.tsx';

/** The charting library (visx) loads with its own chunk, after the report's words. */
const SupportChart = lazy(() => import('../finalBallot/SupportChart.tsx'));

type Recommendation = ReportFinalBallot['recommendations'][number];

function useItemLabel() {
  const { t } = useTranslation();
  return (r: Recommendation) =>
    t('report.finalBallot.item', { number: r.number, title: r.title, part: t(`finalBallot.parts.${r.part}`) });
}

/**
 * Support for some recommendations: the diverging bars (one image, named by every count in words)
 * and, always beside them, the same counts as a table — the text alternative anyone can read.
 */
function SupportFigures({ recommendations, caption }: { recommendations: Recommendation[]; caption: string }) {
  const { t } = useTranslation();
  const label = useItemLabel();
  return (
    <>
      <Suspense fallback={<p className="hint">{t('finalBallot.chartLoading')}</p>}>
        <SupportChart
          title={caption}
          rows={recommendations.map((r) => ({
            key: String(r.number),
            label: label(r),
            counts: r.counts,
            supported: r.supported,
          }))}
        />
      </Suspense>
      <TableRegion
        caption={t('report.finalBallot.tableCaption')}
        headings={[
          t('report.finalBallot.recommendation'),
          ...SUPPORT_SCALE.map((point) => t(`finalBallot.scale.${point}`)),
          t('report.finalBallot.support'),
          t('report.finalBallot.outcome'),
        ]}
      >
        {recommendations.map((r) => (
          <tr key={r.number} role="row" data-counts={r.counts.join(',')}>
            <th scope="row" role="rowheader">
              {label(r)}
            </th>
            {SUPPORT_SCALE.map((point, a) => (
              <Cell key={point} heading={t(`finalBallot.scale.${point}`)}>
                {r.counts[a] ?? 0}
              </Cell>
            ))}
            <Cell heading={t('report.finalBallot.support')}>
              {t('report.finalBallot.share', { supporting: r.supporting, base: r.base, percent: r.percent })}
            </Cell>
            <Cell heading={t('report.finalBallot.outcome')}>
              {r.supported ? t('report.finalBallot.supported') : t('report.finalBallot.notSupported')}
            </Cell>
          </tr>
        ))}
      </TableRegion>
    </>
  );
}

export function FinalBallotPart({ ballot }: { ballot: ReportFinalBallot | null }) {
  const { t } = useTranslation();
  if (!ballot) return <p>{t('report.finalBallot.none')}</p>;
  const { result } = ballot;
  if (!result) return <p>{t('report.finalBallot.open')}</p>;
  const supported = ballot.recommendations.filter((r) => r.supported).length;
  return (
    <>
      <p className="report-summary">
        {result.quorumMet
          ? t('report.finalBallot.summary', { supported, total: ballot.recommendations.length })
          : t('report.finalBallot.noQuorum')}
      </p>
      <p>
        {t('report.finalBallot.ballots', {
          ballots: result.ballots,
          online: result.online,
          paper: result.paper,
          eligible: result.eligible,
          quorum: result.quorumNeeded,
        })}
      </p>
      <p>
        {t('report.finalBallot.threshold', {
          share: Number((ballot.threshold.share * 100).toPrecision(12)),
          base: t(`report.finalBallot.bases.${ballot.threshold.base}`),
        })}
      </p>
      <SupportFigures recommendations={ballot.recommendations} caption={t('report.finalBallot.chartCaption')} />
    </>
  );
}

export function StandardsPart({
  standards,
  ballot,
}: {
  standards: ReportStandard[];
  ballot: ReportFinalBallot | null;
}) {
  const { t } = useTranslation();
  if (standards.length === 0) return <p>{t('report.standards.none')}</p>;
  return standards.map((s) => (
    <ReportedStandard
      key={s.position}
      standard={s}
      support={ballot?.result ? ballot.recommendations.filter((r) => r.standard === s.position) : []}
    />
  ));
}

function ReportedStandard({ standard: s, support }: { standard: ReportStandard; support: Recommendation[] }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const headingId = `report-standard-${s.position}`;
  const status = t(`record.charter.statuses.${s.status as 'drafting'}`, { defaultValue: s.status });
  return (
    <article className="report-standard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {s.position}. {s.title}
      </h3>
      <p className="print-status">{t('record.charter.status', { status })}</p>
      <h4>{t('record.charter.text')}</h4>
      <Paragraphs text={s.text} empty={t('record.charter.noText')} />
      {s.easyRead && (
        <>
          <h4>{t('report.standards.easyRead')}</h4>
          <Paragraphs text={s.easyRead} />
        </>
      )}
      <h4>{t('record.charter.breach')}</h4>
      <Paragraphs text={s.breach} empty={t('record.charter.noBreach')} />
      {s.ladder.length > 0 && (
        <>
          <h4>{t('record.charter.ladder')}</h4>
          <ol>
            {s.ladder.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {support.length > 0 && (
        <>
          <h4>{t('report.parts.finalBallot')}</h4>
          <SupportFigures recommendations={support} caption={t('report.finalBallot.chartCaption')} />
        </>
      )}
      {s.consensus && <ConsensusTable title={s.title} consensus={s.consensus} />}
      {s.votes.length > 0 && (
        <>
          <h4>{t('record.charter.votes')}</h4>
          <ul>
            {s.votes.map((v, i) => (
              <li key={i}>{voteLine(v, wording, t('record.charter.voteOpen'))}</li>
            ))}
          </ul>
        </>
      )}
      {s.amendments.map((a) => (
        <section
          key={a.number}
          className="report-amendment"
          aria-label={t('report.standards.amendment', { number: a.number })}
        >
          <h4>{t('report.standards.amendment', { number: a.number })}</h4>
          <p className="hint">
            {t('report.standards.amendmentStatus', {
              status: t(`amendments.statuses.${a.status as 'proposed'}`, { defaultValue: a.status }),
            })}
          </p>
          <Paragraphs text={a.text} />
          <p className="hint">
            {a.vote
              ? t('report.standards.voted', { result: resultText(a.vote, wording) ?? t('record.charter.voteOpen') })
              : t('report.standards.notVoted')}
          </p>
        </section>
      ))}
      {s.minorityReports.map((report, i) => (
        <section key={i} className="minority-report" aria-label={t('record.charter.minorityReport')}>
          <h4>{t('record.charter.minorityReport')}</h4>
          <Paragraphs text={report.text} />
          <p className="hint">{t('record.charter.signatures', { count: report.signatures })}</p>
        </section>
      ))}
    </article>
  );
}

/** Issue 17 §1's consensus map in the report: agreement across opinion groups, per paragraph, as a table. */
function ConsensusTable({ title, consensus }: { title: string; consensus: NonNullable<ReportStandard['consensus']> }) {
  const { t } = useTranslation();
  return (
    <>
      <h4>{t('report.consensus.heading')}</h4>
      <p>
        {t('report.consensus.summary', { members: consensus.members, count: consensus.groups })}{' '}
        {t('report.consensus.explain')}
      </p>
      <TableRegion
        caption={t('report.consensus.caption', { title })}
        headings={(['paragraph', 'agree', 'disagree', 'pass', 'bridging', 'reading'] as const).map((c) =>
          t(`report.consensus.${c}`),
        )}
      >
        {consensus.paragraphs.map((p, i) => (
          <tr key={i} role="row">
            <th scope="row" role="rowheader">
              {p.opening}
            </th>
            <Cell heading={t('report.consensus.agree')}>{p.agree}</Cell>
            <Cell heading={t('report.consensus.disagree')}>{p.disagree}</Cell>
            <Cell heading={t('report.consensus.pass')}>{p.pass}</Cell>
            <Cell heading={t('report.consensus.bridging')}>{p.bridging.toFixed(2)}</Cell>
            <Cell heading={t('report.consensus.reading')}>{t(`report.consensus.readings.${p.reading}`)}</Cell>
          </tr>
        ))}
      </TableRegion>
    </>
  );
}

export function LaddersPart({ standards }: { standards: ReportExport['standards'] }) {
  const { t } = useTranslation();
  const laddered = standards.filter((s) => s.ladder.length > 0);
  if (laddered.length === 0) return <p>{t('report.ladders.none')}</p>;
  return laddered.map((s) => (
    <article key={s.position} className="report-item" aria-labelledby={`report-ladder-${s.position}`}>
      <h3 id={`report-ladder-${s.position}`}>
        {s.position}. {s.title}
      </h3>
      <ol>
        {s.ladder.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </article>
  ));
}
