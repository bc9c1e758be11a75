import type { AppContext } from '../../appContext.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';

/**
 * The shape of every session command: the change and its audit entry in one transaction,
 * then what changed to everyone (soon, gathered with the burst). The ack follows the commit, so
 * "ok" means stored; it does not wait for the broadcast.
 */
export function sessionMutator(ctx: AppContext, socket: AssemblySocket) {
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;
  return async <T>(
    audit: { action: string; target?: string; detail?: Record<string, unknown> },
    work: (tx: Queryable) => Promise<T>,
  ): Promise<T> => {
    const result = await ctx.db.transaction(async (tx) => {
      const value = await work(tx);
      await recordAudit(tx, { assemblyId, actorId, ...audit });
      return value;
    });
    // Published with the rest of the burst; the ack does not wait for it.
    ctx.sessions.changed(assemblyId);
    return result;
  };
}
