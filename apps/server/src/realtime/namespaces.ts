import type { AppContext } from '../appContext.ts';
import { registerDocumentCommands } from '../collab/documentCommands.ts';
import { registerWatchCommands } from '../collab/watchCommands.ts';
import { buildSnapshot } from '../features/assemblies/snapshot.ts';
import { registerCharterCommands, registerLifecycleCommands } from '../features/charter/charterCommands.ts';
import { listVotes } from '../features/votes/voteStore.ts';
import { registerVoteCommands } from '../features/votes/voteCommands.ts';
import { registerAmendmentCommands } from '../features/amendments/amendmentCommands.ts';
import { listAmendments } from '../features/amendments/amendmentStore.ts';
import { registerCommentCommands } from '../features/comments/commentCommands.ts';
import { listComments } from '../features/comments/commentStore.ts';
import { registerCaseCommands } from '../features/cases/caseCommands.ts';
import { listCases } from '../features/cases/caseStore.ts';
import { registerFloorCommands } from '../features/sessions/floorCommands.ts';
import { registerGroupCommands } from '../features/sessions/groupCommands.ts';
import { registerModerationCommands } from '../features/sessions/moderationCommands.ts';
import { registerRosterCommands } from '../features/identity/rosterCommands.ts';
import { registerSessionCommands } from '../features/sessions/sessionCommands.ts';
import { auditDenial, auditSuppressedDenials } from '../features/audit/auditDenial.ts';
import { DenialLedger, recordDenialsWith } from './denials.ts';
import { guardPackets } from './guard.ts';
import { on } from './on.ts';
import { authenticateObserver, authenticateParticipant } from '../features/identity/socketAuth.ts';
import { assemblyRoom, audienceRoom, participantRoom, type AssemblySocket, type WatchSocket } from './socketData.ts';

/**
 * Wires both namespaces. Handlers are registered synchronously on connection, before any
 * await, so no early message is lost; the snapshot follows. Returns the denial ledger, which
 * the app closes (writing its last summary) when it stops.
 */
export function attachNamespaces(
  ctx: AppContext,
  denialOptions: ConstructorParameters<typeof DenialLedger>[1] = {},
): DenialLedger {
  const { io, watch, logger } = ctx;

  const denials = new DenialLedger(
    {
      denied: (socket, event) => auditDenial(ctx, socket, event),
      suppressed: (assemblyId, count) => auditSuppressedDenials(ctx, assemblyId, count),
    },
    denialOptions,
  );
  recordDenialsWith(io, denials);
  io.use(authenticateParticipant(ctx));
  io.on('connection', (socket: AssemblySocket) => {
    socket.on('error', (err) => logger.warn({ err, socket: socket.id }, 'socket error'));
    guardPackets('assembly', socket, logger);
    registerDocumentCommands(ctx, socket);
    registerCharterCommands(ctx, socket);
    registerSessionCommands(ctx, socket);
    registerFloorCommands(ctx, socket);
    registerGroupCommands(ctx, socket);
    registerModerationCommands(ctx, socket);
    registerLifecycleCommands(ctx, socket);
    registerVoteCommands(ctx, socket);
    registerAmendmentCommands(ctx, socket);
    registerCommentCommands(ctx, socket);
    registerCaseCommands(ctx, socket);
    registerRosterCommands(ctx, socket);
    on('assembly', socket, 'clock:ping', logger, () => ({ serverTime: Date.now() }));
    const { assembly, participant } = socket.data;
    ctx.metrics.connections.inc({ role: participant!.role });
    socket.on('disconnect', () => {
      ctx.metrics.connections.dec({ role: participant!.role });
      ctx.sessions.changed(assembly.id);
    });
    void Promise.resolve(
      socket.join([
        assemblyRoom(assembly.id),
        audienceRoom(assembly.id, participant!.role),
        participantRoom(participant!.id),
      ]),
    ).then(() => {
      ctx.sessions.changed(assembly.id);
      return sendSnapshot(ctx, socket);
    });
  });

  watch.use(authenticateObserver(ctx));
  watch.on('connection', (socket: WatchSocket) => {
    socket.on('error', (err) => logger.warn({ err, socket: socket.id }, 'socket error'));
    guardPackets('watch', socket, logger);
    registerWatchCommands(ctx, socket);
    on('watch', socket, 'clock:ping', logger, () => ({ serverTime: Date.now() }));
    const assemblyId = socket.data.assembly.id;
    ctx.metrics.connections.inc({ role: 'observer' });
    socket.on('disconnect', () => {
      ctx.metrics.connections.dec({ role: 'observer' });
      ctx.watchers.changed(assemblyId);
    });
    // Joined before the snapshot counts watchers, so a new observer counts itself.
    void Promise.resolve(socket.join(assemblyRoom(assemblyId))).then(() => {
      ctx.watchers.changed(assemblyId);
      return sendSnapshot(ctx, socket);
    });
  });
  return denials;
}

async function sendSnapshot(ctx: AppContext, socket: AssemblySocket | WatchSocket): Promise<void> {
  try {
    const { assembly, role } = socket.data;
    const [snapshot, session, votes, amendments, comments, cases] = await Promise.all([
      buildSnapshot(ctx, socket.data),
      ctx.sessions.stateFor(assembly.id, role),
      listVotes(ctx.db, assembly.id),
      listAmendments(ctx.db, assembly.id, role),
      listComments(ctx.db, assembly.id, role, socket.data.participant?.id ?? null),
      listCases(ctx.db, assembly.id, role),
    ]);
    (socket as AssemblySocket).emit('assembly:snapshot', snapshot);
    (socket as AssemblySocket).emit('session:state', session);
    (socket as AssemblySocket).emit('votes:state', { votes });
    (socket as AssemblySocket).emit('amendments:state', amendments);
    (socket as AssemblySocket).emit('comments:state', { comments });
    (socket as AssemblySocket).emit('cases:state', { cases });
  } catch (err) {
    // Without a snapshot the client cannot show anything true; let it reconnect and retry.
    ctx.logger.error({ err, socket: socket.id }, 'snapshot failed');
    socket.disconnect(true);
  }
}
