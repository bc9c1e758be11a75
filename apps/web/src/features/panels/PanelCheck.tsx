import {
  PANEL_FILE_MAX_BYTES,
  PANEL_FILE_TYPE,
  PANEL_ROUTES,
  type PanelVerification,
  type PanelView,
} from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { compareCheck } from './panelView.ts';

type Outcome = { kind: 'rerun'; rerun: PanelVerification } | { kind: 'unreadable' } | null;

/**
 * "Check this draw": the draw file (from the organisers) is re-run by the server's public check,
 * the same code as the draw, and each published line is compared with the re-run's.
 */
export function PanelCheck({ panel }: { panel: PanelView }) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || file.size > PANEL_FILE_MAX_BYTES) return setOutcome({ kind: 'unreadable' });
    setBusy(true);
    try {
      const response = await fetch(PANEL_ROUTES.verify, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': PANEL_FILE_TYPE, accept: 'application/json' },
        body: await file.text(),
      });
      setOutcome(
        response.ok ? { kind: 'rerun', rerun: (await response.json()) as PanelVerification } : { kind: 'unreadable' },
      );
    } catch {
      setOutcome({ kind: 'unreadable' });
    } finally {
      setBusy(false);
    }
  };
  const compared = outcome?.kind === 'rerun' ? compareCheck(panel, outcome.rerun) : null;
  const label: Record<string, string> = {
    inputsHash: t('panels.inputsHash'),
    commitment: t('panels.commitment'),
    finalSeed: t('panels.finalSeed'),
    checkPanel: t('panels.checkPanel'),
  };
  return (
    <details className="panel-check">
      <summary>{t('panels.check')}</summary>
      <form onSubmit={(e) => void submit(e)}>
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
      <div role="status" data-testid="panel-check-result">
        {outcome?.kind === 'unreadable' && <p className="notice notice-error">{t('panels.checkUnreadable')}</p>}
        {outcome?.kind === 'rerun' && outcome.rerun.problem && (
          <p className="notice notice-error">{t('panels.checkProblem', { problem: outcome.rerun.problem })}</p>
        )}
        {compared && !(outcome?.kind === 'rerun' && outcome.rerun.problem) && (
          <>
            <p className={compared.all ? 'notice' : 'notice notice-error'} data-matches={compared.all}>
              {compared.all ? t('panels.checkAll') : t('panels.checkNot')}
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
          </>
        )}
      </div>
    </details>
  );
}
