import type { SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../ui/ActionButton.tsx';
import type { CommandRunner } from '../session/commands.ts';
import { currentItem, inAgendaOrder } from '../session/view.ts';
import { ariaKeys } from './shortcuts.ts';

/** The current item's timer in one row: start/pause/resume, ±5 minutes, next item; each with its key. */
export function TimerControls({ state, run }: { state: SessionState; run: CommandRunner['run'] }) {
  const { t } = useTranslation();
  const item = currentItem(state);
  const live = item && (item.status === 'running' || item.status === 'paused') ? item : null;
  const hasNext = inAgendaOrder(state.agenda).some((i) => i.status === 'pending');
  const toggle = timerToggle(state);
  return (
    <div className="button-row desk-timer" role="group" aria-label={t('desk.timer.heading')}>
      <ActionButton
        id="desk-timer-toggle"
        aria-keyshortcuts={ariaKeys('toggleTimer')}
        unavailable={toggle === null}
        onClick={() => toggle && void run(toggle.event, { itemId: toggle.itemId })}
      >
        {toggle?.event === 'agenda:pause'
          ? t('desk.timer.pause')
          : live?.status === 'paused'
            ? t('desk.timer.resume')
            : t('desk.timer.start')}
      </ActionButton>
      <ActionButton
        className="secondary"
        aria-keyshortcuts={ariaKeys('extendTimer')}
        aria-label={t('desk.timer.plusLabel')}
        unavailable={!live}
        onClick={() => live && void run('agenda:extend', { itemId: live.id, minutes: 5 })}
      >
        {t('desk.timer.plus')}
      </ActionButton>
      <ActionButton
        className="secondary"
        aria-keyshortcuts={ariaKeys('shortenTimer')}
        aria-label={t('desk.timer.minusLabel')}
        unavailable={!live}
        onClick={() => live && void run('agenda:extend', { itemId: live.id, minutes: -5 })}
      >
        {t('desk.timer.minus')}
      </ActionButton>
      <ActionButton
        className="secondary"
        aria-keyshortcuts={ariaKeys('nextItem')}
        unavailable={!hasNext}
        onClick={() => void run('agenda:next', { sessionId: state.id })}
      >
        {t('console.nextItem')}
      </ActionButton>
    </div>
  );
}

/**
 * What the timer key does now: pause a running item, resume a paused one, or start the first
 * pending item when none is current (the first `agenda:start` of a sitting).
 */
export function timerToggle(state: SessionState): { event: 'agenda:start' | 'agenda:pause'; itemId: string } | null {
  const item = currentItem(state);
  if (item?.status === 'running') return { event: 'agenda:pause', itemId: item.id };
  if (item?.status === 'paused') return { event: 'agenda:start', itemId: item.id };
  const pending = inAgendaOrder(state.agenda).find((i) => i.status === 'pending');
  return pending ? { event: 'agenda:start', itemId: pending.id } : null;
}
