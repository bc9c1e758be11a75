import { HTTP_ROUTES, type ReportExport } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enRecord } from '../../i18n/enRecord.ts';
import { enReport } from '../../i18n/enReport.ts';
import { RecordPage, useReader } from '../record/RecordPage.tsx';
import { useRecord } from '../record/useRecord.ts';
import { ReportCases, ReportEvidence, ReportParticipation, ReportProgramme, ReportStatements } from './ReportParts.tsx';
import { FinalBallotPart, LaddersPart, StandardsPart } from './ReportStandards.tsx';
import { REPORT_PARTS, type ReportPart } from './parts.ts';
import './report.css';

// The report's strings (and the record pages' it reuses) come with this chunk, not the watch page.
addEnglish(enRecord);
addEnglish(enReport);

/**
 * `/report` (observers: `/report#<watchKey>`): the assembly's report, rendered from the report
 * export (the record, not the browser's copy) and laid out for paper: numbered pages, a contents
 * list, each part on a new page, every chart beside a table of its exact counts.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const reader = useReader();
  const loaded = useRecord<ReportExport>(HTTP_ROUTES.reportJson, reader);
  const title = loaded.status === 'ready' ? loaded.data.assembly.title : t('report.title');
  return (
    <RecordPage
      title={title}
      reader={reader}
      loaded={loaded}
      printLabel={t('report.print')}
      downloads={[
        { path: HTTP_ROUTES.reportMarkdown, label: t('record.downloadMarkdown') },
        { path: HTTP_ROUTES.reportJson, label: t('record.downloadJson') },
      ]}
    >
      {(report) => <ReportBody report={report} />}
    </RecordPage>
  );
}

function ReportBody({ report }: { report: ReportExport }) {
  const { t } = useTranslation();
  const { assembly } = report;
  const parts: Record<ReportPart, React.ReactNode> = {
    participation: <ReportParticipation participation={report.participation} />,
    programme: <ReportProgramme programme={report.programme} />,
    evidence: <ReportEvidence evidence={report.evidence} />,
    finalBallot: <FinalBallotPart ballot={report.finalBallot} />,
    standards: <StandardsPart standards={report.standards} ballot={report.finalBallot} />,
    ladders: <LaddersPart standards={report.standards} />,
    cases: <ReportCases cases={report.cases} />,
    statements: <ReportStatements statements={report.statements} />,
  };
  return (
    <div className="report">
      <p className="report-kicker">{t('report.title')}</p>
      <p className="hint no-print">{t('report.printHint')}</p>
      <section className="report-cover" aria-label={t('report.charge')}>
        <blockquote className="charge-text">{assembly.charge}</blockquote>
        {assembly.commissionedBy && <p>{t('report.commissionedBy', { by: assembly.commissionedBy })}</p>}
        {(assembly.startsOn || assembly.endsOn) && (
          <p>{t('report.dates', { from: assembly.startsOn ?? '…', to: assembly.endsOn ?? '…' })}</p>
        )}
        {assembly.description && <p className="print-paragraph">{assembly.description}</p>}
        <p className="hint">{t('report.builtAt', { at: new Date(report.exportedAt).toLocaleString() })}</p>
      </section>
      <Contents />
      {REPORT_PARTS.map((part, i) => (
        <section key={part} id={`report-${part}`} className="report-part" aria-labelledby={`report-${part}-h`}>
          <h2 id={`report-${part}-h`} tabIndex={-1}>
            {i + 1}. {t(`report.parts.${part}`)}
          </h2>
          {parts[part]}
        </section>
      ))}
    </div>
  );
}

/**
 * The contents: anchored entries (links inside the saved PDF too). A click scrolls without
 * touching the address: an observer's watch key lives in the fragment, and must stay there.
 */
function Contents() {
  const { t } = useTranslation();
  const go = (event: React.MouseEvent<HTMLAnchorElement>, part: ReportPart) => {
    event.preventDefault();
    const target = document.getElementById(`report-${part}`);
    target?.scrollIntoView();
    document.getElementById(`report-${part}-h`)?.focus({ preventScroll: true });
  };
  return (
    <nav className="report-contents" aria-labelledby="report-contents-h">
      <h2 id="report-contents-h">{t('report.contents')}</h2>
      <ol>
        {REPORT_PARTS.map((part) => (
          <li key={part}>
            <a href={`#report-${part}`} onClick={(event) => go(event, part)}>
              {t(`report.parts.${part}`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
