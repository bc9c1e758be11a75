/** The audit actions that move an agenda's clock. */
export const AGENDA_ACTIONS = [
  'agenda.started',
  'agenda.paused',
  'agenda.ended',
  'agenda.removed',
  'agenda.next',
  'session.ended',
] as const;

/** One agenda change from the audit log: what happened to which item (or to the session), when. */
export interface AgendaEvent {
  action: string;
  target: string | undefined;
  at: Date;
}

/**
 * How long each agenda item actually ran, replayed from the audit log (which records every
 * start, pause, end, "next" and the session's end, in commit order): the sum of the spells
 * each item was the running one. `items` are the session's items in agenda order (`agenda.next`
 * runs the first one not done); an item still running counts up to `now`. Items that never ran
 * are absent from the result.
 */
export function agendaTimes(
  itemIds: readonly string[],
  events: readonly AgendaEvent[],
  now: Date,
): Map<string, number> {
  const status = new Map<string, 'pending' | 'paused' | 'done'>(itemIds.map((id) => [id, 'pending']));
  const ran = new Map<string, number>();
  // Mutated by stop() and start(): declared wide so the loop does not narrow it to null.
  let running = null as { id: string; since: number } | null;

  const stop = (at: Date, becomes: 'paused' | 'done') => {
    if (!running) return;
    ran.set(running.id, (ran.get(running.id) ?? 0) + Math.max(0, at.getTime() - running.since));
    status.set(running.id, becomes);
    running = null;
  };
  const start = (id: string, at: Date) => {
    const was = status.get(id);
    if (was === undefined || was === 'done' || running?.id === id) return;
    stop(at, 'paused');
    running = { id, since: at.getTime() };
    ran.set(id, ran.get(id) ?? 0);
  };

  for (const { action, target, at } of events) {
    const mine = target !== undefined && running?.id === target;
    switch (action) {
      case 'agenda.started':
        if (target) start(target, at);
        break;
      case 'agenda.paused':
        if (mine) stop(at, 'paused');
        break;
      case 'agenda.ended':
      case 'agenda.removed':
        if (mine) stop(at, 'done');
        else if (target && status.has(target)) status.set(target, 'done');
        break;
      case 'agenda.next': {
        stop(at, 'done');
        const next = itemIds.find((id) => status.get(id) === 'pending' || status.get(id) === 'paused');
        if (next) start(next, at);
        break;
      }
      case 'session.ended':
        stop(at, 'done');
        break;
    }
  }
  stop(now, 'paused');
  return ran;
}
