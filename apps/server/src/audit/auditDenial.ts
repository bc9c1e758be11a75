import type { AppContext } from '../appContext.ts';
import type { AssemblySocket, WatchSocket } from '../realtime/socketData.ts';
import { recordAudit } from './auditLog.ts';

/** A refused command in the audit log: who (or which observer connection), which event, in which role. */
export async function auditDenial(
  ctx: Pick<AppContext, 'db' | 'logger'>,
  socket: AssemblySocket | WatchSocket,
  event: string,
): Promise<void> {
  const { assembly, participant, role } = socket.data;
  await recordAudit(ctx.db, {
    assemblyId: assembly.id,
    actorId: participant?.id ?? null,
    action: 'security.denied',
    target: event,
    detail: { role, socket: socket.id },
  }).catch((err: unknown) => ctx.logger.warn({ err, event }, 'could not audit a denial'));
}

/** Denials past the budget (realtime/denials.ts): one row per assembly and window, with how many. */
export async function auditSuppressedDenials(
  ctx: Pick<AppContext, 'db' | 'logger'>,
  assemblyId: string,
  count: number,
): Promise<void> {
  await recordAudit(ctx.db, {
    assemblyId,
    actorId: null,
    action: 'security.denied_suppressed',
    target: `${count} more denials suppressed`,
    detail: { count },
  }).catch((err: unknown) => ctx.logger.warn({ err, count }, 'could not audit suppressed denials'));
}
