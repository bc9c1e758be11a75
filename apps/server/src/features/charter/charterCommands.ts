import { ErrorCode, type StandardView } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { assemblyRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import {
  addStandard,
  CharterError,
  listCharter,
  moveStandard,
  removeStandard,
  retitleStandard,
} from './charterStore.ts';

/** The charter's structure is server-owned: each command persists, then the whole list is broadcast. */
export function registerCharterCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  const broadcast = async (standards?: StandardView[]) => {
    const update = { standards: standards ?? (await listCharter(db, assemblyId)) };
    const room = assemblyRoom(assemblyId);
    ctx.io.to(room).emit('charter:updated', update);
    ctx.watch.to(room).emit('charter:updated', update);
  };
  const translate = (error: unknown): never => {
    if (error instanceof CharterError) {
      throw new AppError(error.reason === 'not_found' ? ErrorCode.notFound : ErrorCode.limitReached, error.message);
    }
    throw error;
  };

  on('assembly', socket, 'standard:add', logger, async ({ title }) => {
    const standard = await addStandard(db, assemblyId, actorId, title).catch(translate);
    await broadcast();
    return standard;
  });
  on('assembly', socket, 'standard:retitle', logger, async ({ standardId, title }) => {
    const standard = await retitleStandard(db, assemblyId, actorId, standardId, title).catch(translate);
    await broadcast();
    return standard;
  });
  on('assembly', socket, 'standard:move', logger, async ({ standardId, toIndex }) => {
    const standards = await moveStandard(db, assemblyId, actorId, standardId, toIndex).catch(translate);
    await broadcast(standards);
    return standards;
  });
  on('assembly', socket, 'standard:remove', logger, async ({ standardId }) => {
    await removeStandard(db, assemblyId, actorId, standardId).catch(translate);
    await broadcast();
    return null;
  });
}
