import type { AppContext } from '../../appContext.ts';
import type { ConnectionFeatures } from '../../realtime/namespaces.ts';
import type { AssemblySocket, WatchSocket } from '../../realtime/socketData.ts';
import { registerAmendmentCommands } from '../amendments/amendmentCommands.ts';
import { listAmendments } from '../amendments/amendmentStore.ts';
import { auditDenial } from '../../audit/auditDenial.ts';
import { registerCaseCommands } from '../cases/caseCommands.ts';
import { listCases } from '../cases/caseStore.ts';
import { registerCharterCommands, registerLifecycleCommands } from '../charter/charterCommands.ts';
import { registerCommentCommands } from '../comments/commentCommands.ts';
import { listComments } from '../comments/commentStore.ts';
import { registerRosterCommands } from '../identity/rosterCommands.ts';
import { authenticateObserver, authenticateParticipant } from '../identity/socketAuth.ts';
import { registerFloorCommands } from '../sessions/floorCommands.ts';
import { registerGroupCommands } from '../sessions/groupCommands.ts';
import { registerModerationCommands } from '../sessions/moderationCommands.ts';
import { registerSessionCommands } from '../sessions/sessionCommands.ts';
import { registerVoteCommands } from '../votes/voteCommands.ts';
import { listVotes } from '../votes/voteStore.ts';
import { buildSnapshot } from './snapshot.ts';

/**
 * What a connection to an assembly gets from the features: who is let in, the commands a
 * member or moderator may send, who is told of arrivals and departures, and the snapshot.
 * `app.ts` hands this to the namespaces (`realtime/namespaces.ts`), which know no feature.
 */
export function assemblyConnections(ctx: AppContext): ConnectionFeatures {
  return {
    recordDenial: (socket, event) => auditDenial(ctx, socket, event),
    assembly: {
      authenticate: authenticateParticipant(ctx.db),
      registerCommands: (socket) => {
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
      },
      presenceChanged: (assemblyId) => ctx.sessions.changed(assemblyId),
      sendSnapshot: (socket) => sendSnapshot(ctx, socket),
    },
    watch: {
      authenticate: authenticateObserver(ctx.db),
      registerCommands: () => {}, // observers send only the core's watch commands
      presenceChanged: (assemblyId) => ctx.watchers.changed(assemblyId),
      sendSnapshot: (socket) => sendSnapshot(ctx, socket),
    },
  };
}

async function sendSnapshot(ctx: AppContext, socket: AssemblySocket | WatchSocket): Promise<void> {
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
}
