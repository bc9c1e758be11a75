import { addStandardSchema, moveStandardSchema, removeStandardSchema, retitleStandardSchema } from './charter.ts';
import {
  awarenessMessageSchema,
  closeDocumentSchema,
  openDocumentSchema,
  syncMessageSchema,
  watchDocumentSchema,
} from './documents.ts';
import type { AssemblyClientEvent, WatchClientEvent } from './events.ts';
import * as S from './session.ts';
import * as A from './amendments.ts';
import { hideCommentSchema, postCommentSchema } from './comments.ts';
import { castBallotSchema, markPaperSchema, openVoteSchema, paperTotalsSchema, voteRefSchema } from './votes.ts';
import { setLadderSchema, standardRefSchema } from './charter.ts';
import { z } from 'zod';
import * as C from './cases.ts';
import { setLivestreamSchema } from './livestream.ts';
import * as R from './roster.ts';
import * as M from './members.ts';
import * as P from './programme.ts';

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
    'vote:markPaper': markPaperSchema,
    'vote:enterPaperTotals': paperTotalsSchema,
    'amendment:propose': A.proposeAmendmentSchema,
    'amendment:cosign': A.amendmentRefSchema,
    'amendment:table': A.tableAmendmentSchema,
    'dissent:write': A.writeDissentSchema,
    'dissent:cosign': A.dissentRefSchema,
    'comment:post': postCommentSchema,
    'comment:hide': hideCommentSchema,
    'case:open': C.openCaseSchema,
    'case:advance': C.advanceCaseSchema,
    'case:reply': C.replyCaseSchema,
    'case:addEvidence': C.addCaseEvidenceSchema,
    'case:dismiss': C.dismissCaseSchema,
    'case:openVote': C.openCaseVoteSchema,
    'roster:list': R.rosterListSchema,
    'roster:invite': R.inviteToRosterSchema,
    'roster:reissue': R.rosterEntryRefSchema,
    'roster:setRole': R.setRosterRoleSchema,
    'roster:revoke': R.rosterEntryRefSchema,
    'participant:showName': R.showNameSchema,
    'members:preview': M.previewImportSchema,
    'members:import': M.confirmImportSchema,
    'members:list': M.membersListSchema,
    'members:replace': M.replaceMemberSchema,
    'members:setNeeds': M.setNeedsSchema,
    'members:issueCards': M.issueCardsSchema,
    'members:settings': M.memberSettingsSchema,
    'members:quotas': M.setQuotasSchema,
    'members:representation': M.representationSchema,
    'members:myPreferences': M.myPreferencesSchema,
    'livestream:set': setLivestreamSchema,
    'programme:plan': P.planSittingSchema,
    'programme:edit': P.editSittingSchema,
    'programme:cancel': P.cancelSittingSchema,
    'programme:copyAgenda': P.copyAgendaSchema,
    'programme:swap': P.swapSittingsSchema,
    'programme:setTimeZone': P.setTimeZoneSchema,
  },
  watch: {
    'doc:open': watchDocumentSchema,
    'doc:close': closeDocumentSchema,
    'clock:ping': clockPingSchema,
    'members:published': M.publishedSchema,
    'session:resync': clockPingSchema,
  },
} as const satisfies {
  assembly: Record<AssemblyClientEvent, z.ZodType>;
  watch: Record<WatchClientEvent, z.ZodType>;
};
