import { ORGANISE_ROUTES, organisePath } from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postJson, type RequestError } from '../../api/http.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enPanels } from '../../i18n/enPanels.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

addEnglish(enPanels);

/**
 * The organisers' download of a case panel's draw file (`ORGANISE_ROUTES.panelFile`), to re-run
 * the draw or hand to someone who will. Saved as `case-<n>-panel-draw.json`.
 */
export function PanelFileSection({ assemblyId }: { assemblyId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [number, setNumber] = useState('1');
  const [error, setError] = useState<RequestError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const caseNumber = Number(number);
    if (!Number.isInteger(caseNumber) || caseNumber < 1) return;
    const result = await postJson<unknown>(organisePath(ORGANISE_ROUTES.panelFile, assemblyId), { caseNumber });
    if (!result.ok) return setError(result.error);
    setError(null);
    const url = URL.createObjectURL(new Blob([JSON.stringify(result.data, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `case-${caseNumber}-panel-draw.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="panel-file">
      <h2 id={`${id}-h`}>{t('panels.file.heading')}</h2>
      <p id={`${id}-explain`}>{t('panels.file.explain')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-n`}>{t('panels.file.caseNumber')}</label>
        <input
          id={`${id}-n`}
          type="number"
          inputMode="numeric"
          min={1}
          value={number}
          aria-describedby={`${id}-explain`}
          onChange={(e) => setNumber(e.target.value)}
        />
        <div className="button-row">
          <button type="submit">{t('panels.file.download')}</button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
