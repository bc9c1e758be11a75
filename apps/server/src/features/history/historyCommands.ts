import type { AppContext } from '../../appContext.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket, WatchSocket } from '../../realtime/socketData.ts';
import { historyDiff, historyMoments, historyPoints } from './standardHistory.ts';

/**
 * A standard's version history, read by everyone who may read its text: the assembly's seats
 * (names as they see them) and observers (public names). Reading only: nothing is audited.
 */
export function registerHistoryCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const audience = socket.data.role;
  on('assembly', socket, 'history:list', logger, async ({ standardId }) => ({
    points: await historyPoints(db, assemblyId, standardId),
  }));
  on('assembly', socket, 'history:diff', logger, async (request) => {
    await ctx.documents.flushWrites();
    return historyDiff(db, assemblyId, audience, request);
  });
  on('assembly', socket, 'history:moments', logger, async (request) => {
    await ctx.documents.flushWrites();
    return historyMoments(db, assemblyId, audience, request);
  });
}

export function registerWatchHistoryCommands(ctx: AppContext, socket: WatchSocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  on('watch', socket, 'history:list', logger, async ({ standardId }) => ({
    points: await historyPoints(db, assemblyId, standardId),
  }));
  on('watch', socket, 'history:diff', logger, async (request) => {
    await ctx.documents.flushWrites();
    return historyDiff(db, assemblyId, 'observer', request);
  });
  on('watch', socket, 'history:moments', logger, async (request) => {
    await ctx.documents.flushWrites();
    return historyMoments(db, assemblyId, 'observer', request);
  });
}
