import type { AppContext } from '../../appContext.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { recordAudit } from '../../audit/auditLog.ts';

/**
 * A member's choice to be seen by the public under their name instead of "Member {seat}".
 * Audited; every public view (session, comments, amendments, cases) is sent again, so the watch
 * page follows at once. The choice applies to what the public sees from then on, including
 * what they wrote before (the record names a seat, and the seat now shows its name).
 */
export function registerShowNameCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'participant:showName', logger, async ({ showName }) => {
    await db.transaction(async (tx) => {
      await tx.query('UPDATE participants SET show_name = $2 WHERE id = $1', [me.id, showName]);
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'participant.show_name',
        target: me.id,
        detail: { showName },
      });
    });
    // This connection's carets follow at once; others of the same member on their next connection.
    me.showName = showName;
    await Promise.all([
      ctx.sessions.publish(assemblyId),
      ctx.comments.publish(assemblyId),
      ctx.amendments.publish(assemblyId),
      ctx.cases.publish(assemblyId),
    ]);
    return null;
  });
}
