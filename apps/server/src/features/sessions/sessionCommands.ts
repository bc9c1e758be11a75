import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { listCharter } from '../charter/charterStore.ts';
import { caseStatus } from '../cases/caseStore.ts';
import { endTurn } from './floorStore.ts';
import { endGroups } from './groupStore.ts';
import { sessionMutator } from './mutate.ts';
import * as store from './sessionStore.ts';

/** Moderators run the session and its agenda; the timer is a deadline stored on the server. */
export function registerSessionCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const mutate = sessionMutator(ctx, socket, { programme: true });

  on('assembly', socket, 'session:create', logger, (input) =>
    mutate({ action: 'session.created', detail: { title: input.title } }, async (tx) => ({
      sessionId: await store.createSession(tx, assemblyId, input),
    })),
  );
  on('assembly', socket, 'session:configure', logger, ({ sessionId, ...config }) =>
    mutate({ action: 'session.configured', target: sessionId, detail: config }, async (tx) => {
      await store.lockSession(tx, assemblyId, sessionId);
      await store.configureSession(tx, sessionId, config);
      return null;
    }),
  );
  on('assembly', socket, 'session:start', logger, ({ sessionId }) =>
    mutate({ action: 'session.started', target: sessionId }, async (tx) => {
      await store.goLive(tx, await store.lockSession(tx, assemblyId, sessionId));
      return null;
    }),
  );
  on('assembly', socket, 'session:end', logger, ({ sessionId }) =>
    mutate({ action: 'session.ended', target: sessionId }, async (tx) => {
      const session = await store.lockSession(tx, assemblyId, sessionId);
      await endTurn(tx, sessionId);
      await endGroups(tx, sessionId);
      if (session.currentItemId) await store.endItem(tx, sessionId, session.currentItemId);
      await store.setSessionStatus(tx, sessionId, 'ended');
      return null;
    }),
  );

  on('assembly', socket, 'agenda:add', logger, ({ sessionId, ...item }) =>
    mutate({ action: 'agenda.added', target: sessionId, detail: { title: item.title } }, async (tx) => {
      const session = await store.lockSession(tx, assemblyId, sessionId);
      if (session.cancelled)
        throw new AppError(ErrorCode.badRequest, 'This sitting was cancelled', refusal('session', 'cancelled'));
      await store.requireAgendaRoom(tx, sessionId, 1);
      const charter = new Set((await listCharter(tx, assemblyId)).map((s) => s.id));
      if (!item.standardIds.every((id) => charter.has(id))) {
        throw new AppError(
          ErrorCode.notFound,
          'An agenda item can only concern standards of this charter',
          refusal('session', 'foreignStandard'),
        );
      }
      if (item.caseId) {
        const status = await caseStatus(tx, assemblyId, item.caseId);
        if (!status)
          throw new AppError(ErrorCode.notFound, 'No such case in this assembly', refusal('session', 'caseNotFound'));
        if (status === 'decided' || status === 'dismissed') {
          throw new AppError(
            ErrorCode.badRequest,
            `This case is already ${status}`,
            refusal('session', status === 'decided' ? 'caseDecided' : 'caseDismissed'),
          );
        }
      }
      return { itemId: await store.addItem(tx, sessionId, item) };
    }),
  );
  on('assembly', socket, 'agenda:move', logger, ({ itemId, toIndex }) =>
    mutate({ action: 'agenda.moved', target: itemId, detail: { toIndex } }, async (tx) => {
      const { sessionId } = await store.findItem(tx, assemblyId, itemId);
      await store.lockSession(tx, assemblyId, sessionId);
      const ids = (await store.listAgenda(tx, sessionId)).map((i) => i.id).filter((id) => id !== itemId);
      ids.splice(Math.min(toIndex, ids.length), 0, itemId);
      await store.reorderAgenda(tx, sessionId, ids);
      return null;
    }),
  );
  on('assembly', socket, 'agenda:remove', logger, ({ itemId }) =>
    mutate({ action: 'agenda.removed', target: itemId }, async (tx) => {
      const { sessionId } = await store.findItem(tx, assemblyId, itemId);
      await store.lockSession(tx, assemblyId, sessionId);
      await store.endItem(tx, sessionId, itemId);
      await store.removeItem(tx, itemId);
      await store.reorderAgenda(
        tx,
        sessionId,
        (await store.listAgenda(tx, sessionId)).map((i) => i.id),
      );
      return null;
    }),
  );

  /** Item commands share their checks: the item is this assembly's and its session is live. */
  const onItem = (
    event: 'agenda:start' | 'agenda:pause' | 'agenda:end',
    action: string,
    run: (tx: Parameters<Parameters<typeof mutate>[1]>[0], sessionId: string, itemId: string) => Promise<void>,
  ) =>
    on('assembly', socket, event, logger, ({ itemId }) =>
      mutate({ action, target: itemId }, async (tx) => {
        const { sessionId } = await store.findItem(tx, assemblyId, itemId);
        const session = await store.lockSession(tx, assemblyId, sessionId);
        // Starting an item starts a planned session (unless another is live).
        await store.goLive(tx, session);
        await run(tx, sessionId, itemId);
        return null;
      }),
    );
  onItem('agenda:start', 'agenda.started', (tx, sessionId, itemId) => store.runItem(tx, sessionId, itemId));
  onItem('agenda:pause', 'agenda.paused', (tx, _sessionId, itemId) => store.pauseItem(tx, itemId));
  onItem('agenda:end', 'agenda.ended', (tx, sessionId, itemId) => store.endItem(tx, sessionId, itemId));

  on('assembly', socket, 'agenda:extend', logger, ({ itemId, minutes }) =>
    mutate({ action: 'agenda.extended', target: itemId, detail: { minutes } }, async (tx) => {
      const { sessionId } = await store.findItem(tx, assemblyId, itemId);
      await store.lockSession(tx, assemblyId, sessionId);
      await store.extendItem(tx, itemId, minutes);
      return null;
    }),
  );
  on('assembly', socket, 'agenda:next', logger, ({ sessionId }) =>
    mutate({ action: 'agenda.next', target: sessionId }, async (tx) => {
      const session = await store.lockSession(tx, assemblyId, sessionId);
      store.requireStartable(session);
      if (session.currentItemId) await store.endItem(tx, sessionId, session.currentItemId);
      const next = (await store.listAgenda(tx, sessionId)).find((i) => i.status === 'pending' || i.status === 'paused');
      if (!next) throw new AppError(ErrorCode.notFound, 'No agenda item is left', refusal('session', 'noItemLeft'));
      await store.goLive(tx, session);
      await store.runItem(tx, sessionId, next.id);
      return null;
    }),
  );
}
