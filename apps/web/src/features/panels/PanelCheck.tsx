import {
  PANEL_FILE_MAX_BYTES,
  PANEL_FILE_TYPE,
  PANEL_ROUTES,
  panelTranscriptPath,
  type PanelTranscript,
  type PanelVerification,
  type PanelView,
} from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/http.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { readerFromHash, readerHeaders } from '../record/reader.ts';
import { compareCheck, compareTranscript } from './panelView.ts';

type Outcome =
  | { kind: 'transcript'; rerun: PanelVerification; transcript: PanelTranscript }
  | { kind: 'file'; rerun: PanelVerification }
  | { kind: 'unreadable'; from: 'transcript' | 'file' }
  | null;

/** The public re-run of a transcript or a draw file (nothing stored); null when the server would not. */
async function rerunOf(body: string): Promise<PanelVerification | null> {
  try {
    const response = await fetch(PANEL_ROUTES.verify, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': PANEL_FILE_TYPE, accept: 'application/json' },
      body,
    });
    return response.ok ? ((await response.json()) as PanelVerification) : null;
  } catch {
    return null;
  }
}

/**
 * "Check this draw": the case's public transcript (no categories: the lottery over anonymous
 * indices) is fetched — with the session cookie, or an observer's watch key from the page's
 * fragment — and re-run by the server's public check, the same code as the draw; each published
 * line is compared with the re-run's, and a member sees whether their own index was drawn. The
 * organisers' draw file, which holds categories, can be checked below it.
 */
export function PanelCheck({
  panel,
  caseNumber,
  myIndex,
}: {
  panel: PanelView;
  caseNumber: number;
  /** This member's index in the transcript (undefined: not a member, or not told). */
  myIndex: number | null | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const checkTranscript = async () => {
    setBusy(true);
    try {
      const got = await getJson<PanelTranscript>(
        panelTranscriptPath(caseNumber),
        readerHeaders(readerFromHash(window.location.hash)),
      );
      const rerun = got.ok ? await rerunOf(JSON.stringify(got.data)) : null;
      setOutcome(
        got.ok && rerun
          ? { kind: 'transcript', rerun, transcript: got.data }
          : { kind: 'unreadable', from: 'transcript' },
      );
    } finally {
      setBusy(false);
    }
  };
  const checkFile = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || file.size > PANEL_FILE_MAX_BYTES) return setOutcome({ kind: 'unreadable', from: 'file' });
    setBusy(true);
    try {
      const rerun = await rerunOf(await file.text());
      setOutcome(rerun ? { kind: 'file', rerun } : { kind: 'unreadable', from: 'file' });
    } finally {
      setBusy(false);
    }
  };
  const compared =
    outcome?.kind === 'transcript'
      ? compareTranscript(panel, outcome.rerun)
      : outcome?.kind === 'file'
        ? compareCheck(panel, outcome.rerun)
        : null;
  const problem = outcome && outcome.kind !== 'unreadable' ? outcome.rerun.problem : null;
  const drawn = outcome?.kind === 'transcript' ? outcome.rerun.indices : null;
  const label: Record<string, string> = {
    transcriptHash: t('panels.transcriptHash'),
    inputsHash: t('panels.inputsHash'),
    commitment: t('panels.commitment'),
    finalSeed: t('panels.finalSeed'),
    checkPanel: t('panels.checkPanel'),
    drawnSeats: t('panels.checkSeats'),
  };
  return (
    <details className="panel-check">
      <summary>{t('panels.check')}</summary>
      <p className="hint">{t('panels.checkTranscriptHint')}</p>
      <div className="button-row">
        <ActionButton type="button" unavailable={busy} onClick={() => void checkTranscript()}>
          {t('panels.checkTranscript')}
        </ActionButton>
      </div>
      <div role="status" data-testid="panel-check-result">
        {outcome?.kind === 'unreadable' && (
          <p className="notice notice-error">
            {t(outcome.from === 'transcript' ? 'panels.checkTranscriptFailed' : 'panels.checkUnreadable')}
          </p>
        )}
        {problem && <p className="notice notice-error">{t('panels.checkProblem', { problem })}</p>}
        {compared && !problem && (
          <>
            <p className={compared.all ? 'notice' : 'notice notice-error'} data-matches={compared.all}>
              {compared.all
                ? t(outcome?.kind === 'transcript' ? 'panels.checkTranscriptAll' : 'panels.checkAll')
                : t('panels.checkNot')}
            </p>
            <table className="panel-table">
              <caption>{t('panels.checkResult')}</caption>
              <tbody>
                {compared.lines.map((line) => (
                  <tr key={line.key} data-matches={line.matches}>
                    <th scope="row">{label[line.key]}</th>
                    <td>{line.matches ? t('panels.checkMatches') : t('panels.checkDiffers')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {drawn && (
              <p data-testid="panel-drawn-indices">{t('panels.drawnIndices', { indices: drawn.join(', ') })}</p>
            )}
            {drawn && myIndex !== undefined && (
              <p className="notice" data-testid="panel-my-index">
                {myIndex === null
                  ? t('panels.myIndexNone')
                  : t(drawn.includes(myIndex) ? 'panels.myIndexDrawn' : 'panels.myIndexNotDrawn', { index: myIndex })}
              </p>
            )}
            {drawn && typeof myIndex === 'number' && <p className="hint">{t('panels.myIndexPrivate')}</p>}
            {outcome?.kind === 'transcript' && (
              <a
                href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(outcome.transcript, null, 2))}`}
                download={`case-${caseNumber}-transcript.json`}
              >
                {t('panels.downloadTranscript')}
              </a>
            )}
          </>
        )}
      </div>
      <form onSubmit={(e) => void checkFile(e)}>
        <p className="hint" id={`${id}-hint`}>
          {t('panels.checkHint')}
        </p>
        <label htmlFor={`${id}-file`}>{t('panels.checkFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <div className="button-row">
          <ActionButton type="submit" unavailable={busy || !file}>
            {t('panels.checkButton')}
          </ActionButton>
        </div>
      </form>
    </details>
  );
}
