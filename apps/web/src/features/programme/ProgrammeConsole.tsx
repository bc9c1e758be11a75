import type { CaseView, ProgrammeState, SittingView, StandardView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enProgramme } from '../../i18n/enProgramme.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { AddItemForm } from '../console/AddItemForm.tsx';
import { useCommands, type CommandRunner } from '../session/commands.ts';
import { SittingSummary } from './ProgrammeList.tsx';
import { SittingForm } from './SittingForm.tsx';
import { TimeZoneForm } from './TimeZoneForm.tsx';
import './programme.css';

addEnglish(enProgramme);

interface Props {
  socket: AssemblySocket;
  programme: ProgrammeState | undefined;
  standards: readonly StandardView[];
  cases: readonly CaseView[] | undefined;
}

/**
 * The moderators' programme: plan sittings across weekends, change or cancel one that has not
 * started, give it an agenda (its own items, or another sitting's copied), and start it.
 */
export function ProgrammeConsole({ socket, programme, standards, cases }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  if (!programme) return null;
  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="programme-console">
      <h2 id={`${id}-h`}>{t('programme.heading')}</h2>
      <TimeZoneForm timeZone={programme.timeZone} run={commands.run} />
      <SittingForm
        timeZone={programme.timeZone}
        heading={t('programme.planHeading')}
        submitLabel={t('programme.plan')}
        onSubmit={(plan) => commands.run('programme:plan', plan)}
      />
      {commands.error && <ErrorNotice error={commands.error} />}
      {programme.sittings.length === 0 ? (
        <p className="empty">{t('programme.none')}</p>
      ) : (
        <ol className="programme-list">
          {programme.sittings.map((sitting) => (
            <PlannedSitting
              key={sitting.id}
              sitting={sitting}
              programme={programme}
              standards={standards}
              cases={cases}
              run={commands.run}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface SittingProps {
  sitting: SittingView;
  programme: ProgrammeState;
  standards: readonly StandardView[];
  cases: readonly CaseView[] | undefined;
  run: CommandRunner['run'];
}

function PlannedSitting({ sitting, programme, standards, cases, run }: SittingProps) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const sources = programme.sittings.filter((s) => s.id !== sitting.id && s.agenda.length > 0);
  const [from, setFrom] = useState('');
  const chosen = sources.some((s) => s.id === from) ? from : (sources[0]?.id ?? '');
  const planned = sitting.status === 'planned' && !sitting.cancelled;
  // Reordering swaps dates with the neighbouring sitting that can still move.
  const movable = programme.sittings.filter((s) => s.status === 'planned' && !s.cancelled && s.startsAt !== null);
  const place = movable.findIndex((s) => s.id === sitting.id);
  const [before, after] = place < 0 ? [undefined, undefined] : [movable[place - 1], movable[place + 1]];
  const current = sitting.id === programme.currentId;
  const title = sitting.title;
  return (
    <li
      className={['sitting', current && 'sitting-current', sitting.cancelled && 'sitting-cancelled']
        .filter(Boolean)
        .join(' ')}
      aria-current={current ? 'true' : undefined}
      data-testid="planned-sitting"
    >
      <h3 id={`${id}-h`}>{title}</h3>
      <SittingSummary sitting={sitting} timeZone={programme.timeZone} />
      {sitting.agenda.length > 0 && (
        <ol className="sitting-agenda" aria-labelledby={`${id}-h`}>
          {sitting.agenda.map((item) => (
            <li key={item.id}>{t('programme.itemMinutes', { title: item.title, minutes: item.plannedMinutes })}</li>
          ))}
        </ol>
      )}
      {planned && (
        <>
          <div className="button-row">
            <button
              type="button"
              aria-label={t('programme.startLabel', { title })}
              onClick={() => void run('session:start', { sessionId: sitting.id })}
            >
              {t('programme.start')}
            </button>
            <button
              type="button"
              className="secondary"
              aria-expanded={editing}
              aria-label={t('programme.editLabel', { title })}
              onClick={() => setEditing(!editing)}
            >
              {t('programme.edit')}
            </button>
            <button
              type="button"
              className="secondary"
              aria-expanded={adding}
              aria-label={t('programme.addItemLabel', { title })}
              onClick={() => setAdding(!adding)}
            >
              {t(adding ? 'programme.hideAddItem' : 'programme.addItem')}
            </button>
            {before && (
              <button
                type="button"
                className="secondary"
                aria-label={t('programme.earlierLabel', { title, other: before.title })}
                onClick={() => void run('programme:swap', { sessionId: sitting.id, withSessionId: before.id })}
              >
                {t('programme.earlier')}
              </button>
            )}
            {after && (
              <button
                type="button"
                className="secondary"
                aria-label={t('programme.laterLabel', { title, other: after.title })}
                onClick={() => void run('programme:swap', { sessionId: sitting.id, withSessionId: after.id })}
              >
                {t('programme.later')}
              </button>
            )}
            {confirming ? (
              <button
                type="button"
                className="danger"
                onClick={() => void run('programme:cancel', { sessionId: sitting.id })}
              >
                {t('programme.confirmCancel', { title })}
              </button>
            ) : (
              <button
                type="button"
                className="secondary"
                aria-label={t('programme.cancelLabel', { title })}
                onClick={() => setConfirming(true)}
              >
                {t('programme.cancel')}
              </button>
            )}
          </div>
          {sources.length > 0 && (
            <div className="inline-form">
              <label htmlFor={`${id}-from`}>{t('programme.copyFrom')}</label>
              <select id={`${id}-from`} value={chosen} onChange={(e) => setFrom(e.target.value)}>
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="secondary"
                aria-label={t('programme.copyLabel', { title })}
                onClick={() => void run('programme:copyAgenda', { sessionId: sitting.id, fromSessionId: chosen })}
              >
                {t('programme.copy')}
              </button>
            </div>
          )}
          {editing && (
            <SittingForm
              sitting={sitting}
              timeZone={programme.timeZone}
              heading={t('programme.editHeading', { title })}
              submitLabel={t('programme.save')}
              onSubmit={async (plan) => {
                const ok = await run('programme:edit', { sessionId: sitting.id, ...plan });
                if (ok) setEditing(false);
                return ok;
              }}
              onClose={() => setEditing(false)}
            />
          )}
          {adding && <AddItemForm sessionId={sitting.id} standards={standards} cases={cases} run={run} />}
        </>
      )}
    </li>
  );
}
