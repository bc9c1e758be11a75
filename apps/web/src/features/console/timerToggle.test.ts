import type { AgendaItemView, SessionState } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import { timerToggle } from './TimerControls.tsx';

const item = (id: string, position: number, status: AgendaItemView['status']): AgendaItemView => ({
  id,
  position,
  title: id,
  kind: 'deliberate',
  plannedMinutes: 10,
  standardIds: [],
  caseId: null,
  status,
  endsAt: null,
  remainingMs: null,
});

const state = (agenda: AgendaItemView[], currentItemId: string | null) =>
  ({ id: 's', agenda, currentItemId }) as unknown as SessionState;

describe('what the timer key (T) does', () => {
  it('pauses a running item and resumes a paused one', () => {
    expect(timerToggle(state([item('a', 0, 'running')], 'a'))).toEqual({ event: 'agenda:pause', itemId: 'a' });
    expect(timerToggle(state([item('a', 0, 'paused')], 'a'))).toEqual({ event: 'agenda:start', itemId: 'a' });
  });

  it('starts the first pending item, in agenda order, when none is current or the current one is done', () => {
    const agenda = [item('late', 2, 'pending'), item('done', 0, 'done'), item('next', 1, 'pending')];
    expect(timerToggle(state(agenda, null))).toEqual({ event: 'agenda:start', itemId: 'next' });
    expect(timerToggle(state(agenda, 'done'))).toEqual({ event: 'agenda:start', itemId: 'next' });
  });

  it('does nothing when nothing is left to run', () => {
    expect(timerToggle(state([item('a', 0, 'done')], 'a'))).toBeNull();
    expect(timerToggle(state([], null))).toBeNull();
  });
});
