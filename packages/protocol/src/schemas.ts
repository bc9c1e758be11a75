import {
  addStandardSchema,
  moveStandardSchema,
  removeStandardSchema,
  retitleStandardSchema,
} from './charterSchemas.ts';
import {
  awarenessMessageSchema,
  closeDocumentSchema,
  openDocumentSchema,
  syncMessageSchema,
  watchDocumentSchema,
} from './documents.ts';
import type { AssemblyClientEvent, WatchClientEvent } from './events.ts';
import * as S from './sessionSchemas.ts';
import * as A from './amendments.ts';
import { hideCommentSchema, postCommentSchema } from './comments.ts';
import { markParagraphSchema } from './consensus.ts';
import { supportPaperTotalsSchema } from './finalBallotSchemas.ts';
import {
  castBallotSchema,
  markPaperSchema,
  openVoteSchema,
  paperBallotsSchema,
  paperTotalsSchema,
  voteRefSchema,
} from './votesSchemas.ts';
import { setLadderSchema, standardRefSchema } from './charterSchemas.ts';
import { z } from 'zod';
import * as C from './casesSchemas.ts';
import * as Panels from './panels.ts';
import * as Acc from './accountability.ts';
import { setLivestreamSchema } from './livestream.ts';
import * as R from './roster.ts';
import * as Dev from './devices.ts';
import * as M from './members.ts';
import * as P from './programme.ts';
import * as E from './evidence.ts';
import * as H from './history.ts';
import { decideAppealSchema, fileAppealSchema } from './appeals.ts';
import * as Rep from './report.ts';

const clockPingSchema = z.strictObject({});

/** The schema for every client event's payload, per namespace: the boundary parses with these. */
export const SCHEMAS = {
  assembly: {
    'doc:open': openDocumentSchema,
    'doc:close': closeDocumentSchema,
    'doc:sync': syncMessageSchema,
    'doc:awareness': awarenessMessageSchema,
    'standard:add': addStandardSchema,
    'standard:retitle': retitleStandardSchema,
    'standard:move': moveStandardSchema,
    'standard:remove': removeStandardSchema,
    'session:create': S.createSessionSchema,
    'session:configure': S.configureSessionSchema,
    'session:start': S.sessionIdSchema,
    'session:end': S.sessionIdSchema,
    'agenda:add': S.addAgendaItemSchema,
    'agenda:move': S.moveAgendaItemSchema,
    'agenda:remove': S.agendaItemSchema,
    'agenda:start': S.agendaItemSchema,
    'agenda:pause': S.agendaItemSchema,
    'agenda:extend': S.extendAgendaItemSchema,
    'agenda:end': S.agendaItemSchema,
    'agenda:next': S.sessionIdSchema,
    'attendance:checkIn': S.sessionIdSchema,
    'attendance:checkOut': S.sessionIdSchema,
    'attendance:checkInFor': S.sessionMemberSchema,
    'attendance:checkOutFor': S.sessionMemberSchema,
    'queue:raise': S.raiseHandSchema,
    'queue:lower': S.sessionIdSchema,
    'queue:raiseFor': S.raiseHandForSchema,
    'queue:lowerFor': S.sessionMemberSchema,
    'queue:next': S.callSpeakerSchema,
    'queue:endTurn': S.sessionIdSchema,
    'groups:form': S.formGroupsSchema,
    'groups:move': S.moveToGroupSchema,
    'groups:end': S.sessionIdSchema,
    'groupQueue:next': S.callGroupSpeakerSchema,
    'groupQueue:endTurn': S.groupFloorSchema,
    'announcement:post': S.postAnnouncementSchema,
    'announcement:clear': S.clearAnnouncementSchema,
    'moderation:mute': S.muteSchema,
    'moderation:unmute': S.unmuteSchema,
    'moderation:remove': S.removeFromSessionSchema,
    'clock:ping': clockPingSchema,
    'session:resync': clockPingSchema,
    'standard:lock': standardRefSchema,
    'standard:unlock': standardRefSchema,
    'standard:setLadder': setLadderSchema,
    'vote:open': openVoteSchema,
    'vote:cast': castBallotSchema,
    'vote:close': voteRefSchema,
    'vote:continue': voteRefSchema,
    'vote:markPaper': markPaperSchema,
    'vote:enterPaperBallots': paperBallotsSchema,
    'vote:enterPaperTotals': paperTotalsSchema,
    'vote:enterSupportPaperTotals': supportPaperTotalsSchema,
    'amendment:propose': A.proposeAmendmentSchema,
    'amendment:cosign': A.amendmentRefSchema,
    'amendment:table': A.tableAmendmentSchema,
    'amendment:suggest': A.suggestAmendmentSchema,
    'amendment:withdraw': A.amendmentRefSchema,
    'dissent:write': A.writeDissentSchema,
    'dissent:cosign': A.dissentRefSchema,
    'comment:post': postCommentSchema,
    'comment:hide': hideCommentSchema,
    'consensus:mark': markParagraphSchema,
    'case:open': C.openCaseSchema,
    'case:advance': C.advanceCaseSchema,
    'case:reply': C.replyCaseSchema,
    'case:addEvidence': C.addCaseEvidenceSchema,
    'case:dismiss': C.dismissCaseSchema,
    'case:openVote': C.openCaseVoteSchema,
    'case:declareConflict': Panels.declareConflictSchema,
    'case:preparePanel': Panels.preparePanelSchema,
    'case:drawPanel': Panels.drawPanelSchema,
    'respondent:invite': Acc.inviteRespondentSchema,
    'response:publish': Acc.publishResponseSchema,
    'response:update': Acc.progressUpdateSchema,
    'leader:invite': Acc.inviteLeaderSchema,
    'leader:setDeadline': Acc.setLeaderDeadlineSchema,
    'leader:reply': Acc.leaderReplySchema,
    'roster:list': R.rosterListSchema,
    'roster:invite': R.inviteToRosterSchema,
    'roster:reissue': R.rosterEntryRefSchema,
    'roster:setRole': R.setRosterRoleSchema,
    'roster:revoke': R.rosterEntryRefSchema,
    'participant:showName': R.showNameSchema,
    'devices:list': Dev.listDevicesSchema,
    'devices:signOut': Dev.signOutDeviceSchema,
    'members:tableNeeds': M.tableNeedsSchema,
    'members:myPreferences': M.myPreferencesSchema,
    'livestream:set': setLivestreamSchema,
    'programme:plan': P.planSittingSchema,
    'programme:edit': P.editSittingSchema,
    'programme:cancel': P.cancelSittingSchema,
    'programme:copyAgenda': P.copyAgendaSchema,
    'programme:swap': P.swapSittingsSchema,
    'programme:setTimeZone': P.setTimeZoneSchema,
    'evidence:open': E.openEvidenceSchema,
    'evidence:add': E.addEvidenceSchema,
    'evidence:edit': E.editEvidenceSchema,
    'evidence:expertSession': E.expertSessionSchema,
    'evidence:cite': E.citeEvidenceSchema,
    'question:ask': E.askQuestionSchema,
    'question:support': E.questionRefSchema,
    'question:answer': E.answerQuestionSchema,
    'question:hide': E.hideQuestionSchema,
    'history:list': H.historyListSchema,
    'history:diff': H.historyDiffSchema,
    'history:moments': H.historyMomentsSchema,
    'appeal:file': fileAppealSchema,
    'appeal:decide': decideAppealSchema,
    'report:writeStatement': Rep.writeStatementSchema,
    'report:hideStatement': Rep.hideStatementSchema,
    'report:myStatement': Rep.myStatementSchema,
  },
  watch: {
    'doc:open': watchDocumentSchema,
    'doc:close': closeDocumentSchema,
    'clock:ping': clockPingSchema,
    'members:published': M.publishedSchema,
    'session:resync': clockPingSchema,
    'evidence:open': E.openEvidenceSchema,
    'history:list': H.historyListSchema,
    'history:diff': H.historyDiffSchema,
    'history:moments': H.historyMomentsSchema,
  },
} as const satisfies {
  assembly: Record<AssemblyClientEvent, z.ZodType>;
  watch: Record<WatchClientEvent, z.ZodType>;
};
