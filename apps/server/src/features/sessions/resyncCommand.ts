import type { AppContext } from '../../appContext.ts';
import { on } from '../../realtime/on.ts';
import { viewOf, type AssemblySocket, type WatchSocket } from '../../realtime/socketData.ts';

/**
 * `session:resync`: a client that found a gap in the session's patches asks for the whole view
 * of its own audience, as last published (so the patches that follow apply to it). Answered from
 * the shared head, not the database, so a room resyncing at once costs no queries.
 */
export function registerResyncCommand(ctx: AppContext, namespace: 'assembly', socket: AssemblySocket): void;
export function registerResyncCommand(ctx: AppContext, namespace: 'watch', socket: WatchSocket): void;
export function registerResyncCommand(
  ctx: AppContext,
  namespace: 'assembly' | 'watch',
  socket: AssemblySocket | WatchSocket,
): void {
  const answer = () => ctx.sessions.stateFor(socket.data.assembly.id, viewOf(socket.data));
  if (namespace === 'assembly') on('assembly', socket as AssemblySocket, 'session:resync', ctx.logger, answer);
  else on('watch', socket as WatchSocket, 'session:resync', ctx.logger, answer);
}
