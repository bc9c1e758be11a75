import type { AppContext } from '../../appContext.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';

/**
 * The shape of every session command: the change and its audit entry in one transaction,
 * then what changed to everyone (soon, gathered with the burst), and the programme for commands
 * that change it. The ack follows the commit, so "ok" means stored; it does not wait for the
 * session's broadcast (the rarer programme goes out before it).
 */
export function sessionMutator(
  ctx: AppContext,
  socket: AssemblySocket,
  /** The commands change sittings or agendas, which the programme shows too. */
  { programme = false }: { programme?: boolean } = {},
) {
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
    // Who is present changed: an open vote's quorum may have too.
    if (audit.action.startsWith('attendance.') || audit.action === 'moderation.removed') ctx.quorum.changed(assemblyId);
    if (programme) await ctx.sessions.publishProgramme(assemblyId);
    return result;
  };
}
