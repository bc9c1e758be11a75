import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { sessionMutator } from './mutate.ts';
import * as programme from './programmeStore.ts';
import { lockSession, requireAgendaRoom, type SessionRow } from './sessionStore.ts';

/** Only a sitting that has not started can be re-planned, cancelled or given another's agenda. */
function requirePlanned(session: SessionRow, what: string): void {
  if (session.cancelled)
    throw new AppError(
      ErrorCode.badRequest,
      `This sitting was cancelled, so it cannot be ${what}`,
      refusal('programme', 'sittingCancelled'),
    );
  if (session.status !== 'planned') {
    throw new AppError(
      ErrorCode.badRequest,
      `This sitting has ${session.status === 'live' ? 'started' : 'ended'}, so it cannot be ${what}`,
      refusal('programme', session.status === 'live' ? 'sittingStarted' : 'sittingEnded'),
    );
  }
}

/** Locks sittings in id order, so two commands naming the same pair the other way round cannot deadlock. */
async function lockInOrder(tx: Queryable, assemblyId: string, ids: string[]): Promise<Map<string, SessionRow>> {
  const locked = new Map<string, SessionRow>();
  for (const id of [...ids].sort()) locked.set(id, await lockSession(tx, assemblyId, id));
  return locked;
}

/**
 * The programme: moderators plan sittings ahead (date, times in the assembly's time zone, a
 * place), re-plan or cancel them before they start, and copy an agenda from one sitting to
 * another. Starting a sitting is `session:start` (one live at a time). Everyone gets the new
 * programme (`programme:state`) after each change, and the current sitting (`session:state`).
 */
export function registerProgrammeCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const mutate = sessionMutator(ctx, socket, { programme: true });

  on('assembly', socket, 'programme:plan', logger, (plan) =>
    mutate({ action: 'programme.planned', detail: { title: plan.title, date: plan.date } }, async (tx) => ({
      sessionId: await programme.planSitting(tx, assemblyId, plan, await programme.assemblyTimeZone(tx, assemblyId)),
    })),
  );
  on('assembly', socket, 'programme:edit', logger, ({ sessionId, ...plan }) =>
    mutate(
      { action: 'programme.edited', target: sessionId, detail: { title: plan.title, date: plan.date } },
      async (tx) => {
        requirePlanned(await lockSession(tx, assemblyId, sessionId), 'changed');
        await programme.editSitting(tx, sessionId, plan, await programme.assemblyTimeZone(tx, assemblyId));
        return null;
      },
    ),
  );
  on('assembly', socket, 'programme:cancel', logger, ({ sessionId }) =>
    mutate({ action: 'programme.cancelled', target: sessionId }, async (tx) => {
      requirePlanned(await lockSession(tx, assemblyId, sessionId), 'cancelled');
      await programme.cancelSitting(tx, sessionId);
      return null;
    }),
  );
  on('assembly', socket, 'programme:copyAgenda', logger, ({ sessionId, fromSessionId }) =>
    mutate({ action: 'programme.agenda_copied', target: sessionId, detail: { fromSessionId } }, async (tx) => {
      if (sessionId === fromSessionId)
        throw new AppError(
          ErrorCode.badRequest,
          'Choose another sitting to copy from',
          refusal('programme', 'sameSittingCopy'),
        );
      const locked = await lockInOrder(tx, assemblyId, [sessionId, fromSessionId]);
      requirePlanned(locked.get(sessionId)!, 'given another agenda');
      const itemIds = await programme.copyAgenda(tx, fromSessionId, sessionId, (count) =>
        requireAgendaRoom(tx, sessionId, count),
      );
      return { itemIds };
    }),
  );
  on('assembly', socket, 'programme:swap', logger, ({ sessionId, withSessionId }) =>
    mutate({ action: 'programme.swapped', target: sessionId, detail: { withSessionId } }, async (tx) => {
      if (sessionId === withSessionId)
        throw new AppError(
          ErrorCode.badRequest,
          'Choose another sitting to swap with',
          refusal('programme', 'sameSittingSwap'),
        );
      const locked = await lockInOrder(tx, assemblyId, [sessionId, withSessionId]);
      for (const session of locked.values()) requirePlanned(session, 'moved');
      await programme.swapSchedules(tx, sessionId, withSessionId);
      return null;
    }),
  );
  on('assembly', socket, 'programme:setTimeZone', logger, ({ timeZone }) =>
    mutate({ action: 'programme.time_zone_set', detail: { timeZone } }, async (tx) => {
      await programme.setAssemblyTimeZone(tx, assemblyId, timeZone);
      return null;
    }),
  );
}
