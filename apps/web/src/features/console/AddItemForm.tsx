import { AGENDA_KINDS } from '@moot/protocol';
import type { AgendaKind, CaseView, StandardView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';
import { StandardChecks } from './StandardChecks.tsx';

interface Props {
  sessionId: string;
  standards: readonly StandardView[];
  /** Cases in progress may be the subject of an item (a hearing, a deliberation). */
  cases: readonly CaseView[] | undefined;
  run: CommandRunner['run'];
}

/** Title, kind, planned minutes, the standards it concerns and the case it is about. Clears once accepted. */
export function AddItemForm({ sessionId, standards, cases, run }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AgendaKind>('deliberate');
  const [minutes, setMinutes] = useState('10');
  const [standardIds, setStandardIds] = useState<string[]>([]);
  const [caseId, setCaseId] = useState('');
  const inProgress = (cases ?? []).filter((c) => c.status !== 'decided' && c.status !== 'dismissed');
  return (
    <form
      className="add-item-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        const item = { sessionId, title, kind, plannedMinutes: Number(minutes), standardIds, caseId: caseId || null };
        void run('agenda:add', item).then((ok) => {
          if (!ok) return;
          setTitle('');
          setStandardIds([]);
          setCaseId('');
        });
      }}
    >
      <h3 id={`${id}-h`}>{t('console.addItemHeading')}</h3>
      <div className="form-row">
        <label htmlFor={`${id}-title`}>{t('console.itemTitle')}</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-kind`}>{t('console.itemKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AgendaKind)}>
          {AGENDA_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`session.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-minutes`}>{t('console.itemMinutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={1}
          max={600}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          required
        />
      </div>
      <StandardChecks
        legend={t('console.itemStandards')}
        standards={standards}
        selected={standardIds}
        onChange={setStandardIds}
      />
      {inProgress.length > 0 && (
        <div className="form-row">
          <label htmlFor={`${id}-case`}>{t('console.itemCase')}</label>
          <select id={`${id}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
            <option value="">{t('console.noCase')}</option>
            {inProgress.map((c) => (
              <option key={c.id} value={c.id}>
                {t('session.aboutCase', { number: c.number, role: c.respondent.role })}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit">{t('console.addItem')}</button>
    </form>
  );
}
