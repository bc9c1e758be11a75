import type { AgendaItemView, CaseView, SessionState, StandardView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import type { CommandRunner } from '../session/commands.ts';
import { CurrentItem } from '../session/CurrentItem.tsx';
import { caseOfItem } from '../cases/view.ts';
import { inAgendaOrder } from '../session/view.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { TimerControls } from './TimerControls.tsx';

interface Props {
  socket: AssemblySocket;
  state: SessionState;
  standards: readonly StandardView[];
  cases: readonly CaseView[] | undefined;
  serverNow: number;
}

/** The current item and its timer controls (with their keys), the agenda with a row of controls per item, and the add form. */
export function AgendaEditor({ socket, state, standards, cases, serverNow }: Props) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  const agenda = inAgendaOrder(state.agenda);
  return (
    <section className="console-section" aria-labelledby="console-agenda-heading">
      <h3 id="console-agenda-heading">{t('session.agendaHeading')}</h3>
      <CurrentItem state={state} serverNow={serverNow} cases={cases} />
      <TimerControls state={state} run={commands.run} />
      {commands.error && <ErrorNotice error={commands.error} />}
      {agenda.length === 0 ? (
        <p className="empty">{t('session.agendaEmpty')}</p>
      ) : (
        <ol className="agenda-list agenda-editor">
          {agenda.map((item, index) => {
            const about = caseOfItem(cases, item.caseId);
            return (
              <li key={item.id} data-testid="agenda-item" data-status={item.status}>
                <p>
                  <strong>{item.title}</strong> · {t(`session.kinds.${item.kind}`)} ·{' '}
                  {t('session.plannedMinutes', { count: item.plannedMinutes })} ·{' '}
                  {about && <>{t('session.aboutCase', about)} · </>}
                  {t(`session.itemStatuses.${item.status}`)}
                </p>
                <ItemControls item={item} index={index} count={agenda.length} run={commands.run} />
              </li>
            );
          })}
        </ol>
      )}
      <AddItemForm sessionId={state.id} standards={standards} cases={cases} run={commands.run} />
    </section>
  );
}

interface ControlsProps {
  item: AgendaItemView;
  index: number;
  count: number;
  run: CommandRunner['run'];
}

function ItemControls({ item, index, count, run }: ControlsProps) {
  const { t } = useTranslation();
  const itemId = item.id;
  const live = item.status === 'running' || item.status === 'paused';
  const done = item.status === 'done';
  // Stable ids so focus can follow an item that moved (React moves its DOM node, which blurs it).
  const idOf = (action: string) => `agenda-${itemId}-${action}`;
  const move = (toIndex: number, action: string) =>
    void run('agenda:move', { itemId, toIndex }).then(() => document.getElementById(idOf(action))?.focus());
  const button = (action: string, label: string, onClick: () => void, applies: boolean) => (
    <ActionButton
      id={idOf(action)}
      className="secondary"
      unavailable={!applies}
      aria-label={t('console.actionLabel', { action: label, title: item.title })}
      onClick={onClick}
    >
      {label}
    </ActionButton>
  );
  return (
    <div className="button-row" role="group" aria-label={t('console.itemActions', { title: item.title })}>
      {item.status === 'paused'
        ? button('start', t('console.resumeItem'), () => void run('agenda:start', { itemId }), true)
        : button(
            'start',
            t('console.startItem'),
            () => void run('agenda:start', { itemId }),
            item.status === 'pending',
          )}
      {button('pause', t('console.pauseItem'), () => void run('agenda:pause', { itemId }), item.status === 'running')}
      {button('plus', t('console.plusFive'), () => void run('agenda:extend', { itemId, minutes: 5 }), !done)}
      {button('minus', t('console.minusFive'), () => void run('agenda:extend', { itemId, minutes: -5 }), !done)}
      {button('end', t('console.endItem'), () => void run('agenda:end', { itemId }), live)}
      {button('up', t('console.moveUp'), () => move(index - 1, 'up'), index > 0)}
      {button('down', t('console.moveDown'), () => move(index + 1, 'down'), index < count - 1)}
      {button('remove', t('console.removeItem'), () => void run('agenda:remove', { itemId }), !live)}
    </div>
  );
}
