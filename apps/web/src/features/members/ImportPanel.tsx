import {
  MEMBER_LIMITS,
  type FileProblem,
  type ImportPreview,
  type ImportResult,
  type RowProblem,
} from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMemberCalls } from './memberApi.ts';
import { fileBytes } from './memberFiles.ts';

type Previewed = { file: string; csv: Uint8Array<ArrayBuffer>; preview: ImportPreview };

export function useProblemText() {
  const { t } = useTranslation();
  return {
    file: (p: FileProblem) =>
      t(`members.fileProblems.${p.code}`, {
        line: p.line ?? '',
        column: p.column ?? '',
        header: p.header ?? '',
        limit: p.limit ?? '',
      }),
    row: (p: RowProblem) =>
      t(`members.rowProblems.${p.code}`, { line: p.sameAsLine ?? '', header: p.header ?? '', limit: p.limit ?? '' }),
  };
}

/**
 * Import from the selection tool: choose the file, read the preview (every row's fate and every
 * problem in words), then confirm. The confirmation sends the same bytes with the preview's hash,
 * so what is written is exactly what was shown, or nothing.
 */
export function ImportPanel({ assemblyId, onImported }: { assemblyId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const commands = useMemberCalls(assemblyId);
  const problemText = useProblemText();
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [reading, setReading] = useState(false);

  async function choose(file: File | undefined) {
    setResult(null);
    setPreviewed(null);
    if (!file) return;
    setReading(true);
    const csv = await fileBytes(file);
    const ack = await commands.request('preview', { csv });
    setReading(false);
    if (ack.ok) setPreviewed({ file: file.name, csv, preview: ack.data });
  }

  async function confirm() {
    if (!previewed) return;
    const ack = await commands.request('import', {
      csv: previewed.csv,
      previewHash: previewed.preview.previewHash,
    });
    if (!ack.ok) return;
    setResult(ack.data);
    setPreviewed(null);
    onImported();
  }

  const preview = previewed?.preview;
  const toWrite = preview ? preview.counts.add + preview.counts.update : 0;
  return (
    <section aria-labelledby="members-import" className="members-section no-print">
      <h2 id="members-import">{t('members.import.heading')}</h2>
      <p>{t('members.import.intro')}</p>
      <p className="hint">
        {t('members.import.limits', {
          rows: MEMBER_LIMITS.maxImportRows,
          columns: MEMBER_LIMITS.maxImportColumns,
          fieldLength: MEMBER_LIMITS.maxImportFieldLength,
          kilobytes: MEMBER_LIMITS.maxImportBytes / 1024,
        })}
      </p>
      <label htmlFor="members-file">{t('members.import.fileLabel')}</label>
      <input
        id="members-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          void choose(event.currentTarget.files?.[0]);
          event.currentTarget.value = '';
        }}
      />
      {reading && <p role="status">{t('members.import.previewing')}</p>}
      {commands.error && <ErrorNotice error={commands.error} />}
      {result && (
        <p role="status" className="notice" data-testid="import-result">
          {t('members.import.done', { ...result })}
        </p>
      )}
      {preview && previewed && (
        <div className="import-preview" data-testid="import-preview">
          <h3>{t('members.import.previewHeading', { file: previewed.file })}</h3>
          {preview.fileProblems.length > 0 ? (
            <div className="notice notice-error" role="alert" data-testid="file-problems">
              <p>{t('members.import.fileProblemsHeading')}</p>
              <ul>
                {preview.fileProblems.map((p, i) => (
                  <li key={i}>{problemText.file(p)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <>
              <p role="status">
                {t('members.import.counts', {
                  add: preview.counts.add,
                  update: preview.counts.update,
                  unchanged: preview.counts.unchanged,
                  leftOut: preview.counts.left_out,
                })}
              </p>
              <h4>{t('members.import.columnsHeading')}</h4>
              <ul className="import-columns">
                {preview.columns.map((c) => (
                  <li key={c.position}>
                    <strong>{c.header}</strong>: {t(`members.import.kinds.${c.kind}`)}
                  </li>
                ))}
              </ul>
              {preview.counts.left_out > 0 && (
                <div className="notice notice-error" data-testid="left-out">
                  <p>{t('members.import.leftOutNote', { count: preview.counts.left_out })}</p>
                  <ul>
                    {preview.rows
                      .filter((r) => r.action === 'left_out')
                      .map((r) => (
                        <li key={r.line}>
                          {t('members.import.line')} {r.line}: {r.problems.map(problemText.row).join(' ')}
                        </li>
                      ))}
                  </ul>
                </div>
              )}
              {preview.notInFile.length > 0 && (
                <div className="notice" data-testid="not-in-file">
                  <h4>{t('members.import.notInFileHeading')}</h4>
                  <p>{t('members.import.notInFile')}</p>
                  <ul>
                    {preview.notInFile.map((m) => (
                      <li key={m.memberId}>{m.name}</li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="table-scroll">
                <table className="import-rows">
                  <caption>{t('members.import.rowsHeading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('members.import.line')}</th>
                      <th scope="col">{t('members.import.name')}</th>
                      <th scope="col">{t('members.import.action')}</th>
                      <th scope="col">{t('members.import.problems')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.line} className={r.action === 'left_out' ? 'row-problem' : undefined}>
                        <td>{r.line}</td>
                        <td>{r.name}</td>
                        <td>{t(`members.import.actions.${r.action}`)}</td>
                        <td>{r.problems.map(problemText.row).join(' ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {toWrite === 0 ? (
                <p>{t('members.import.nothingToImport')}</p>
              ) : (
                <button type="button" aria-disabled={commands.busy} onClick={() => !commands.busy && void confirm()}>
                  {commands.busy ? t('members.import.confirming') : t('members.import.confirm', { count: toWrite })}
                </button>
              )}
            </>
          )}
          <button type="button" className="secondary" onClick={() => setPreviewed(null)}>
            {t('members.import.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
