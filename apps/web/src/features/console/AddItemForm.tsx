import { AGENDA_KINDS } from '@moot/protocol';
import type { AgendaKind, StandardView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';
import { StandardChecks } from './StandardChecks.tsx';

interface Props {
  sessionId: string;
  standards: readonly StandardView[];
  run: CommandRunner['run'];
}

/** Title, kind, planned minutes and the standards it concerns. The form clears once accepted. */
export function AddItemForm({ sessionId, standards, run }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AgendaKind>('deliberate');
  const [minutes, setMinutes] = useState('10');
  const [standardIds, setStandardIds] = useState<string[]>([]);
  return (
    <form
      className="add-item-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void run('agenda:add', { sessionId, title, kind, plannedMinutes: Number(minutes), standardIds }).then((ok) => {
          if (!ok) return;
          setTitle('');
          setStandardIds([]);
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
      <button type="submit">{t('console.addItem')}</button>
    </form>
  );
}
