import { ErrorCode, type StandardView } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { assemblyRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import { saveMilestone } from '../../collab/documentStore.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import {
  addStandard,
  CharterError,
  listCharter,
  moveStandard,
  removeStandard,
  retitleStandard,
  setLadder,
  setStandardStatus,
} from './charterStore.ts';

/** The whole ordered charter to everyone in the assembly, on both namespaces. */
export async function publishCharter(ctx: AppContext, assemblyId: string, standards?: StandardView[]): Promise<void> {
  const update = { standards: standards ?? (await listCharter(ctx.db, assemblyId)) };
  const room = assemblyRoom(assemblyId);
  ctx.io.to(room).emit('charter:updated', update);
  ctx.watch.to(room).emit('charter:updated', update);
}

/** The charter's structure is server-owned: each command persists, then the whole list is broadcast. */
export function registerCharterCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  const broadcast = (standards?: StandardView[]) => publishCharter(ctx, assemblyId, standards);
  const translate = (error: unknown): never => {
    if (error instanceof CharterError) {
      const code = {
        not_found: ErrorCode.notFound,
        limit_reached: ErrorCode.limitReached,
        wrong_status: ErrorCode.badRequest,
        title_fixed: ErrorCode.locked,
      }[error.reason];
      throw new AppError(code, error.message, error.why);
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

/**
 * The standards' lifecycle: a moderator locks a standard (its text freezes for everyone, on
 * every node) and may unlock it; the consequence ladder is edited until adoption.
 */
export function registerLifecycleCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;
  const translate = (error: unknown): never => {
    if (error instanceof CharterError) {
      throw new AppError(
        error.reason === 'not_found' ? ErrorCode.notFound : ErrorCode.badRequest,
        error.message,
        error.why,
      );
    }
    throw error;
  };
  const changeStatus = async (standardId: string, lock: boolean) => {
    const standard = await db
      .transaction(async (tx) => {
        const changed = await setStandardStatus(
          tx,
          assemblyId,
          standardId,
          lock ? ['drafting'] : ['locked'],
          lock ? 'locked' : 'drafting',
        );
        await recordAudit(tx, {
          assemblyId,
          actorId,
          action: lock ? 'standard.locked' : 'standard.unlocked',
          target: standardId,
        });
        return changed;
      })
      .catch(translate);
    // Every node drops what it cached about who may write this text.
    ctx.access.forgetEverywhere(standard.docId);
    if (lock) {
      await ctx.documents.flushWrites();
      await saveMilestone(db, standard.docId, 'locked');
    }
    await publishCharter(ctx, assemblyId);
    return null;
  };
  on('assembly', socket, 'standard:lock', logger, ({ standardId }) => changeStatus(standardId, true));
  on('assembly', socket, 'standard:unlock', logger, ({ standardId }) => changeStatus(standardId, false));
  on('assembly', socket, 'standard:setLadder', logger, async ({ standardId, steps }) => {
    await db
      .transaction(async (tx) => {
        await setLadder(tx, assemblyId, standardId, steps);
        await recordAudit(tx, {
          assemblyId,
          actorId,
          action: 'standard.ladder_set',
          target: standardId,
          detail: { steps },
        });
      })
      .catch(translate);
    await publishCharter(ctx, assemblyId);
    return null;
  });
}
