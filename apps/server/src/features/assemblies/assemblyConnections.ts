import type { AppContext } from '../../appContext.ts';
import type { ConnectionFeatures } from '../../realtime/namespaces.ts';
import { registerAmendmentCommands } from '../amendments/amendmentCommands.ts';
import { auditDenial, auditSuppressedDenials } from '../../audit/auditDenial.ts';
import { registerAccountabilityCommands } from '../accountability/accountabilityCommands.ts';
import { registerCaseCommands } from '../cases/caseCommands.ts';
import { registerPanelCommands } from '../panels/panelCommands.ts';
import { registerLeaderCommands } from '../cases/leaderCommands.ts';
import { registerCharterCommands, registerLifecycleCommands } from '../charter/charterCommands.ts';
import { registerCommentCommands } from '../comments/commentCommands.ts';
import { registerConsensusCommands } from '../consensus/consensusCommands.ts';
import { registerEvidenceCommands, registerEvidenceReading } from '../evidence/evidenceCommands.ts';
import { registerQuestionCommands } from '../evidence/questionCommands.ts';
import { registerRosterCommands } from '../identity/rosterCommands.ts';
import { registerMemberCommands, registerPublishedMembers } from '../members/memberCommands.ts';
import { registerShowNameCommands } from '../identity/showNameCommands.ts';
import { registerDeviceCommands } from '../identity/deviceCommands.ts';
import { authenticateObserver, authenticateParticipant } from '../identity/socketAuth.ts';
import { registerFloorCommands } from '../sessions/floorCommands.ts';
import { registerGroupCommands } from '../sessions/groupCommands.ts';
import { registerModerationCommands } from '../sessions/moderationCommands.ts';
import { registerResyncCommand } from '../sessions/resyncCommand.ts';
import { registerProgrammeCommands } from '../sessions/programmeCommands.ts';
import { registerSessionCommands } from '../sessions/sessionCommands.ts';
import { registerVoteCommands } from '../votes/voteCommands.ts';
import { registerLivestreamCommands } from '../watch/livestream.ts';
import { registerPaperCommands } from '../votes/paperCommands.ts';
import { registerSupportPaperCommands } from '../votes/supportPaperCommands.ts';
import { registerHistoryCommands, registerWatchHistoryCommands } from '../history/historyCommands.ts';
import { registerAppealCommands } from '../appeals/appealCommands.ts';
import { registerStatementCommands } from '../report/statementCommands.ts';
import { emitState } from './currentState.ts';

/**
 * What a connection to an assembly gets from the features: who is let in, the commands a
 * member or moderator may send, who is told of arrivals and departures, and the snapshot.
 * `app.ts` hands this to the namespaces (`realtime/namespaces.ts`), which know no feature.
 */
export function assemblyConnections(ctx: AppContext): ConnectionFeatures {
  return {
    denials: {
      denied: (socket, event) => auditDenial(ctx, socket, event),
      suppressed: (assemblyId, count) => auditSuppressedDenials(ctx, assemblyId, count),
    },
    assembly: {
      authenticate: authenticateParticipant(ctx),
      registerCommands: (socket) => {
        registerCharterCommands(ctx, socket);
        registerSessionCommands(ctx, socket);
        registerProgrammeCommands(ctx, socket);
        registerFloorCommands(ctx, socket);
        registerGroupCommands(ctx, socket);
        registerModerationCommands(ctx, socket);
        registerLifecycleCommands(ctx, socket);
        registerVoteCommands(ctx, socket);
        registerPaperCommands(ctx, socket);
        registerSupportPaperCommands(ctx, socket);
        registerAmendmentCommands(ctx, socket);
        registerCommentCommands(ctx, socket);
        registerAppealCommands(ctx, socket);
        registerConsensusCommands(ctx, socket);
        registerCaseCommands(ctx, socket);
        registerPanelCommands(ctx, socket);
        registerLeaderCommands(ctx, socket);
        registerAccountabilityCommands(ctx, socket);
        registerRosterCommands(ctx, socket);
        registerShowNameCommands(ctx, socket);
        registerDeviceCommands(ctx, socket);
        registerMemberCommands(ctx, socket);
        registerResyncCommand(ctx, 'assembly', socket);
        registerLivestreamCommands(ctx, socket);
        registerEvidenceCommands(ctx, socket);
        registerQuestionCommands(ctx, socket);
        registerHistoryCommands(ctx, socket);
        registerStatementCommands(ctx, socket);
      },
      presenceChanged: (assemblyId) => {
        ctx.sessions.presenceChanged(assemblyId);
        ctx.quorum.changed(assemblyId);
      },
      sendSnapshot: (socket) => emitState(ctx, socket, 'connected'),
    },
    watch: {
      authenticate: authenticateObserver(ctx),
      // Observers only ask to receive: the core's watch commands, the published member aggregate,
      // and the session again after a gap.
      registerCommands: (socket) => {
        registerPublishedMembers(ctx, socket);
        registerResyncCommand(ctx, 'watch', socket);
        registerEvidenceReading(ctx, 'watch', socket);
        registerWatchHistoryCommands(ctx, socket);
      },
      presenceChanged: (assemblyId) => ctx.watchers.changed(assemblyId),
      sendSnapshot: (socket) => emitState(ctx, socket, 'connected'),
    },
  };
}
