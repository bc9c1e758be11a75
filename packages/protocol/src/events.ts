import type { AssemblySnapshot } from './assembly.ts';
import type {
  AddStandard,
  MoveStandard,
  RemoveStandard,
  RetitleStandard,
  SetLadder,
  StandardRef,
} from './charterSchemas.ts';
import type { StandardView } from './charter.ts';
import type { AwarenessMessage, CloseDocument, OpenDocument, SyncMessage, WatchDocument } from './documents.ts';
import type { AckCallback } from './errors.ts';
import type { ModerationNotice, SessionState } from './session.ts';
import type { SessionPatch } from './sessionPatch.ts';
import type * as S from './sessionPayloads.ts';
import type * as V from './votePayloads.ts';
import type { VoteResult, VoteView } from './votes.ts';
import type { SupportPaperTotals } from './finalBallotSchemas.ts';
import type * as A from './amendments.ts';
import type { CommentView, HideComment, PostComment } from './comments.ts';
import type { ConsensusState, MarkParagraph, OwnMark } from './consensus.ts';
import type * as C from './casesSchemas.ts';
import type { CaseView } from './cases.ts';
import type * as Panels from './panels.ts';
import type * as R from './roster.ts';
import type * as Dev from './devices.ts';
import type * as M from './members.ts';
import type { Livestream, SetLivestream } from './livestream.ts';
import type * as P from './programme.ts';
import type * as E from './evidence.ts';
import type * as Acc from './accountability.ts';
import type * as H from './history.ts';
import type * as Ap from './appeals.ts';
import type * as Rep from './report.ts';

/**
 * Two namespaces. Members and moderators use `assembly` (authenticated by the session cookie);
 * observers use `watch`, whose client events can only ask to receive — it has no write handler.
 */
export const NAMESPACES = { assembly: '/', watch: '/watch' } as const;

/** What a client puts in the Socket.IO handshake `auth` object. */
export interface AssemblyHandshake {
  protocol: number;
}
export interface WatchHandshake {
  protocol: number;
  /** The secret from the public watch link. */
  watchKey: string;
}

/** Server → client events shared by both namespaces (observers get pseudonymised copies). */
export interface BroadcastEvents {
  /** To one socket on every (re)connection. */
  'assembly:snapshot': (snapshot: AssemblySnapshot) => void;
  /** To the whole assembly after any change to the charter's structure. */
  'charter:updated': (update: { standards: StandardView[] }) => void;
  /** A y-protocols sync message: step 1/2 to one socket, updates to a document's room. */
  'doc:sync': (message: SyncMessage) => void;
  /** Awareness (carets, names) to a document's room; identity fields written by the server. */
  'doc:awareness': (message: AwarenessMessage) => void;
  /** To the whole assembly when the number of people on the watch page changes. */
  'watchers:count': (update: { count: number }) => void;
  /**
   * On connection and after every change to the current session, to each audience its own
   * view: moderators get the equity figures; observers get pseudonyms and no moderation notes.
   * Null until a session exists.
   */
  'session:state': (state: SessionState | null) => void;
  /**
   * After a change to the current session: what changed in this audience's view since the
   * version `base` (see `sessionPatch.ts`). A client holding another version asks for the whole
   * state with `session:resync`.
   */
  'session:patch': (patch: SessionPatch) => void;
  /** On connection and after every change: every vote of the assembly; choices only after close. */
  'votes:state': (update: { votes: VoteView[] }) => void;
  /** On connection and after every change: amendments and minority reports (observers: pseudonyms). */
  'amendments:state': (update: { amendments: A.AmendmentView[]; dissents: A.DissentView[] }) => void;
  /** On connection and after every change: comments on standards (hidden text withheld per audience). */
  'comments:state': (update: { comments: CommentView[] }) => void;
  /** On connection and after marks or edits: each standard's consensus map (aggregates only). */
  'consensus:state': (state: ConsensusState) => void;
  /** To a member alone, on connection and after each of their marks: every mark they gave. */
  'consensus:mine': (update: { marks: OwnMark[] }) => void;
  /** On connection and after every change: every breach case (observers: pseudonyms for members and moderators). */
  'cases:state': (update: { cases: CaseView[] }) => void;
  /** On connection and after every change: case panels and conflicts declared (moderators: every member's chance). */
  'panels:state': (state: Panels.PanelsState) => void;
  /** To a member alone, on connection and after each preparation: their own index in each panel's public transcript. */
  'panels:mine': (update: { places: Panels.PanelPlace[] }) => void;
  /** On connection and after every change: the livestream the watch page embeds, if any. */
  'livestream:state': (update: { livestream: Livestream | null }) => void;
  /** On connection and after every change to a sitting or its agenda: the whole programme (observers: no online links). */
  'programme:state': (state: P.ProgrammeState) => void;
  /** After every change to the evidence library, its expert sessions or citations: to the sockets that opened it (`evidence:open`). */
  'evidence:state': (state: E.EvidenceState) => void;
  /** On connection and after every change: the institution's responses and the progress tracker (public). */
  'accountability:state': (tracker: Acc.Tracker) => void;
  /** To a leader's own seat only, on connection and after every change to their case: the case as the public sees it. */
  'leader:state': (state: Acc.LeaderCase) => void;
  /** To a leader's own seat only, on connection and whenever the session changes: their case's hearing live, or null. */
  'leader:hearing': (hearing: Acc.LeaderHearing | null) => void;
}

/** Both namespaces: the clock offset (NTP-style round trip), and the whole session state again on request. */
export interface ClockEvents {
  'clock:ping': (payload: Record<string, never>, ack: AckCallback<{ serverTime: number }>) => void;
  /** A client that missed a `session:patch` asks for the whole current view of the session. */
  'session:resync': (payload: Record<string, never>, ack: AckCallback<SessionState | null>) => void;
  /** The evidence library as this audience sees it, and its changes (`evidence:state`) from now on. */
  'evidence:open': (
    payload: Record<string, never>,
    ack: AckCallback<{ state: E.EvidenceState; mine: E.EvidenceMine }>,
  ) => void;
}

/** Client → server on the assembly namespace. Every payload is parsed by the schema of the same name. */
export interface AssemblyClientEvents {
  'doc:open': (payload: OpenDocument, ack: AckCallback<null>) => void;
  'doc:close': (payload: CloseDocument, ack: AckCallback<null>) => void;
  /** Step 1 is answered with a `doc:sync` step 2; step 2 and updates are acked once stored. */
  'doc:sync': (payload: SyncMessage, ack: AckCallback<null>) => void;
  'doc:awareness': (payload: AwarenessMessage) => void;
  'standard:add': (payload: AddStandard, ack: AckCallback<StandardView>) => void;
  'standard:retitle': (payload: RetitleStandard, ack: AckCallback<StandardView>) => void;
  'standard:move': (payload: MoveStandard, ack: AckCallback<StandardView[]>) => void;
  'standard:remove': (payload: RemoveStandard, ack: AckCallback<null>) => void;
  'session:create': (payload: S.CreateSession, ack: AckCallback<{ sessionId: string }>) => void;
  'session:configure': (payload: S.ConfigureSession, ack: AckCallback<null>) => void;
  'session:start': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  'session:end': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  'agenda:add': (payload: S.AddAgendaItem, ack: AckCallback<{ itemId: string }>) => void;
  'agenda:move': (payload: S.MoveAgendaItem, ack: AckCallback<null>) => void;
  'agenda:remove': (payload: S.AgendaItemRef, ack: AckCallback<null>) => void;
  /** Starts a pending item or resumes a paused one; the deadline is set on the server. */
  'agenda:start': (payload: S.AgendaItemRef, ack: AckCallback<null>) => void;
  'agenda:pause': (payload: S.AgendaItemRef, ack: AckCallback<null>) => void;
  'agenda:extend': (payload: S.ExtendAgendaItem, ack: AckCallback<null>) => void;
  'agenda:end': (payload: S.AgendaItemRef, ack: AckCallback<null>) => void;
  /** Ends the current item and starts the next pending one. */
  'agenda:next': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  'attendance:checkIn': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  /** Leaves the room: no longer present, so no longer counted for quorum. */
  'attendance:checkOut': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  /** At the door or the table: a facilitator (their group's members while groups run) or the moderator. */
  'attendance:checkInFor': (payload: S.SessionMember, ack: AckCallback<null>) => void;
  'attendance:checkOutFor': (payload: S.SessionMember, ack: AckCallback<null>) => void;
  'queue:raise': (payload: S.RaiseHand, ack: AckCallback<null>) => void;
  'queue:lower': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  /** A hand for a member present in the room, attributed to them and marked as raised by the caller. */
  'queue:raiseFor': (payload: S.RaiseHandFor, ack: AckCallback<null>) => void;
  'queue:lowerFor': (payload: S.SessionMember, ack: AckCallback<null>) => void;
  /** Calls the next speaker by the session's queue order, or a chosen one. */
  'queue:next': (payload: S.CallSpeaker, ack: AckCallback<null>) => void;
  /** Ends the current turn: moderators any turn, members only their own. */
  'queue:endTurn': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  'groups:form': (payload: S.FormGroups, ack: AckCallback<null>) => void;
  'groups:move': (payload: S.MoveToGroup, ack: AckCallback<null>) => void;
  'groups:end': (payload: S.SessionRef, ack: AckCallback<null>) => void;
  /** Calls the next speaker in a running group's own queue (its facilitator, or the moderator), or a chosen one. */
  'groupQueue:next': (payload: S.CallGroupSpeaker, ack: AckCallback<null>) => void;
  /** Ends the current turn on a running group's floor. */
  'groupQueue:endTurn': (payload: S.GroupFloor, ack: AckCallback<null>) => void;
  'announcement:post': (payload: S.PostAnnouncement, ack: AckCallback<null>) => void;
  'announcement:clear': (payload: S.ClearAnnouncement, ack: AckCallback<null>) => void;
  'moderation:mute': (payload: S.Mute, ack: AckCallback<null>) => void;
  'moderation:unmute': (payload: S.Unmute, ack: AckCallback<null>) => void;
  'moderation:remove': (payload: S.RemoveFromSession, ack: AckCallback<null>) => void;
  'clock:ping': ClockEvents['clock:ping'];
  'session:resync': ClockEvents['session:resync'];
  'standard:lock': (payload: StandardRef, ack: AckCallback<null>) => void;
  'standard:unlock': (payload: StandardRef, ack: AckCallback<null>) => void;
  'standard:setLadder': (payload: SetLadder, ack: AckCallback<null>) => void;
  'vote:open': (payload: V.OpenVote, ack: AckCallback<{ voteId: string }>) => void;
  /**
   * Sealed and written to the database before the ack; the receipt (null when the vote gives
   * none) lets the voter find their ballot after close.
   */
  'vote:cast': (payload: V.CastBallot, ack: AckCallback<{ receipt: string | null }>) => void;
  /** Closes once, under a lock; later calls return the same result. */
  'vote:close': (payload: V.VoteRef, ack: AckCallback<VoteResult>) => void;
  /** Continues a vote paused for lost quorum with the members present (public in the record); it no longer pauses. */
  'vote:continue': (payload: V.VoteRef, ack: AckCallback<{ present: number }>) => void;
  /** Ticks a present member as voting on paper in this vote (then they cannot cast online). */
  'vote:markPaper': (payload: V.MarkPaper, ack: AckCallback<null>) => void;
  /** One facilitator's count of the paper ballots; `agreed` once a second facilitator's matches. */
  'vote:enterPaperTotals': (payload: V.PaperTotals, ack: AckCallback<{ status: 'awaiting_second' | 'agreed' }>) => void;
  /** A final ballot's paper totals, per recommendation and answer; entered twice like any paper count. */
  'vote:enterSupportPaperTotals': (
    payload: SupportPaperTotals,
    ack: AckCallback<{ status: 'awaiting_second' | 'agreed' }>,
  ) => void;
  /** Approval and ranked votes: one facilitator's count of the paper ballots, each distinct ballot with how many. */
  'vote:enterPaperBallots': (
    payload: V.PaperBallots,
    ack: AckCallback<{ status: 'awaiting_second' | 'agreed' }>,
  ) => void;
  'amendment:propose': (payload: A.ProposeAmendment, ack: AckCallback<{ amendmentId: string }>) => void;
  'amendment:cosign': (payload: A.AmendmentRef, ack: AckCallback<null>) => void;
  /** Opens the vote on an amendment (yes/no or consent). */
  'amendment:table': (payload: A.TableAmendment, ack: AckCallback<{ voteId: string }>) => void;
  /** Suggests a change in place: a range of the standard's text and its rich replacement. */
  'amendment:suggest': (payload: A.SuggestAmendment, ack: AckCallback<{ amendmentId: string }>) => void;
  /** The proposer takes back an amendment not yet tabled. */
  'amendment:withdraw': (payload: A.AmendmentRef, ack: AckCallback<null>) => void;
  'dissent:write': (payload: A.WriteDissent, ack: AckCallback<{ dissentId: string }>) => void;
  'dissent:cosign': (payload: A.DissentRef, ack: AckCallback<null>) => void;
  'comment:post': (payload: PostComment, ack: AckCallback<{ commentId: string }>) => void;
  /** Hides a comment with a reason; its author is told why (`moderation:notice`). */
  'comment:hide': (payload: HideComment, ack: AckCallback<null>) => void;
  /** Marks a paragraph of a standard agree, disagree or pass (null withdraws the mark). */
  'consensus:mark': (payload: MarkParagraph, ack: AckCallback<null>) => void;
  'case:open': (payload: C.OpenCase, ack: AckCallback<{ caseId: string }>) => void;
  /** open → hearing → deliberating; `decided` comes only from the consequence vote. */
  'case:advance': (payload: C.AdvanceCase, ack: AckCallback<null>) => void;
  'case:reply': (payload: C.ReplyCase, ack: AckCallback<null>) => void;
  /** Evidence found after opening, added while the case is open or in hearing. */
  'case:addEvidence': (payload: C.AddCaseEvidence, ack: AckCallback<null>) => void;
  'case:dismiss': (payload: C.DismissCase, ack: AckCallback<null>) => void;
  /** Opens the secret ranked-choice consequence vote; the options come from the cited ladders. */
  'case:openVote': (payload: C.OpenCaseVote, ack: AckCallback<{ voteId: string; options: string[] }>) => void;
  /** A member steps aside from a case's panel (before it is prepared); the reason stays the moderators' unless made public. */
  'case:declareConflict': (payload: Panels.DeclareConflict, ack: AckCallback<null>) => void;
  /** Fixes the pool, quotas, lottery and the seed's commitment; quotas that cannot be met are refused with why. */
  'case:preparePanel': (payload: Panels.PreparePanel, ack: AckCallback<null>) => void;
  /** Draws the prepared panel with the room's numbers; reveals the seed. */
  'case:drawPanel': (payload: Panels.DrawPanel, ack: AckCallback<{ poolIds: string[] }>) => void;
  /** A seat for the commissioning body (a respondent); the link's secret is in this reply only. */
  'respondent:invite': (payload: Acc.InviteRespondent, ack: AckCallback<Acc.NarrowInvite>) => void;
  /** The body's response to one standard (published, or revised). */
  'response:publish': (payload: Acc.PublishResponse, ack: AckCallback<null>) => void;
  /** A dated progress update on a standard the body has answered. */
  'response:update': (payload: Acc.ProgressUpdate, ack: AckCallback<{ updateId: string }>) => void;
  /** A seat for the leader a case concerns, with the reply deadline; the link's secret is in this reply only. */
  'leader:invite': (payload: Acc.InviteLeader, ack: AckCallback<Acc.NarrowInvite>) => void;
  /** Moves the leader's reply deadline. */
  'leader:setDeadline': (payload: Acc.SetLeaderDeadline, ack: AckCallback<null>) => void;
  /** The leader's own reply and evidence, refused with `deadline_passed` after the deadline. */
  'leader:reply': (payload: Acc.LeaderReply, ack: AckCallback<null>) => void;
  /** The roster, for the moderators' console (also pushed as `roster:state` after every change). */
  'roster:list': (payload: Record<string, never>, ack: AckCallback<R.RosterState>) => void;
  /** A new seat with an invite link; the secret is in this reply only. */
  'roster:invite': (
    payload: R.InviteToRoster,
    ack: AckCallback<{ entry: R.RosterEntry; inviteSecret: string }>,
  ) => void;
  /** A new invite link for a seat; the old one stops working (sessions already open stay). */
  'roster:reissue': (payload: R.RosterEntryRef, ack: AckCallback<{ inviteSecret: string }>) => void;
  /** Member ↔ moderator; their open connections are closed and come back in the new role. Not oneself. */
  'roster:setRole': (payload: R.SetRosterRole, ack: AckCallback<null>) => void;
  /** Ends a seat: the link and every session stop working, their connections close. Not oneself. */
  'roster:revoke': (payload: R.RosterEntryRef, ack: AckCallback<null>) => void;
  /** A member chooses whether the public sees their name or their pseudonym ("Member 7"). */
  'participant:showName': (payload: R.ShowName, ack: AckCallback<null>) => void;
  /** One's own signed-in devices (sessions), this one marked; no secret or hash of one. */
  'devices:list': (payload: Record<string, never>, ack: AckCallback<Dev.DeviceList>) => void;
  /** Signs one of one's own devices out: its session ends and its connections close on every node. */
  'devices:signOut': (payload: Dev.SignOutDevice, ack: AckCallback<null>) => void;
  /**
   * A facilitator: the access needs (recorded with consent, as needs, never diagnoses) of the
   * members they steer in this sitting — their group's while groups run, the room's at the door.
   */
  'members:tableNeeds': (payload: M.TableNeedsQuery, ack: AckCallback<M.TableNeeds>) => void;
  /** A member's own language and large-text preference (recorded by an organiser), nothing else. */
  'members:myPreferences': (payload: Record<string, never>, ack: AckCallback<M.MemberPreferences>) => void;
  /**
   * The livestream embedded on the watch page: a YouTube, Vimeo or listed PeerTube address
   * ('' removes it). Anything else is refused with `bad_request`; the ack carries what was stored.
   */
  'livestream:set': (payload: SetLivestream, ack: AckCallback<{ livestream: Livestream | null }>) => void;
  /** A sitting planned ahead: date, start and end (the assembly's time zone), place. Starts as planned. */
  'programme:plan': (payload: P.PlanSitting, ack: AckCallback<{ sessionId: string }>) => void;
  /** Changes a planned sitting's title, date, times or place (not once it has started, ended or been cancelled). */
  'programme:edit': (payload: P.EditSitting, ack: AckCallback<null>) => void;
  /** Calls off a planned sitting; it stays in the programme, marked cancelled. */
  'programme:cancel': (payload: P.CancelSitting, ack: AckCallback<null>) => void;
  /** Appends another sitting's agenda items (as pending) to a sitting that has not started. */
  'programme:copyAgenda': (payload: P.CopyAgenda, ack: AckCallback<{ itemIds: string[] }>) => void;
  /** Reorders the programme: two planned sittings exchange their dates and times (not their places or agendas). */
  'programme:swap': (payload: P.SwapSittings, ack: AckCallback<null>) => void;
  /** The assembly's IANA time zone, in which every sitting is planned and shown. */
  'programme:setTimeZone': (payload: P.SetTimeZone, ack: AckCallback<null>) => void;
  'evidence:open': ClockEvents['evidence:open'];
  /** A briefing paper or an expert talk added to the library (lead moderator). */
  'evidence:add': (payload: E.AddEvidence, ack: AckCallback<{ entryId: string }>) => void;
  'evidence:edit': (payload: E.EditEvidence, ack: AckCallback<null>) => void;
  /** An agenda item becomes an expert session with a talk's speaker (entryId null: it no longer is). */
  'evidence:expertSession': (payload: E.ExpertSession, ack: AckCallback<null>) => void;
  /** The whole list of library entries a standard or a breach case cites. */
  'evidence:cite': (payload: E.CiteEvidence, ack: AckCallback<null>) => void;
  /** A member's question to an expert session's speaker. */
  'question:ask': (payload: E.AskQuestion, ack: AckCallback<{ questionId: string }>) => void;
  /** A member supports another's question (once; again changes nothing). The ack carries the count. */
  'question:support': (payload: E.QuestionRef, ack: AckCallback<{ supports: number }>) => void;
  /** The moderator puts a question to the speaker (marks it asked) and records the answer's summary. */
  'question:answer': (payload: E.AnswerQuestion, ack: AckCallback<null>) => void;
  'question:hide': (payload: E.HideQuestion, ack: AckCallback<null>) => void;
  /** A standard's points in time (milestones, folds of its edit log, now), oldest first. */
  'history:list': (payload: H.HistoryList, ack: AckCallback<{ points: H.HistoryPointView[] }>) => void;
  /** What changed in a standard's text between two points, with who wrote each run. */
  'history:diff': (payload: H.HistoryDiffRequest, ack: AckCallback<H.HistoryDiff>) => void;
  'history:moments': (payload: H.HistoryMomentsRequest, ack: AckCallback<H.HistoryMoments>) => void;
  /** The member concerned appeals a mute, removal or hidden comment, once, with a (public) reason. */
  'appeal:file': (payload: Ap.FileAppeal, ack: AckCallback<{ appealId: string; waitsForModerator: boolean }>) => void;
  /** A moderator other than the one who acted upholds or overturns an appeal, with a (public) reason. */
  'appeal:decide': (payload: Ap.DecideAppeal, ack: AckCallback<null>) => void;
  /** A member's own short statement for the assembly's report ('' withdraws it). */
  'report:writeStatement': (payload: Rep.WriteStatement, ack: AckCallback<{ statementId: string | null }>) => void;
  /** A moderator leaves a statement out of the report, with a reason its author sees. */
  'report:hideStatement': (payload: Rep.HideStatement, ack: AckCallback<null>) => void;
  /** The member's own statement as stored, hidden or not. */
  'report:myStatement': (payload: Record<string, never>, ack: AckCallback<Rep.MyStatement>) => void;
}
export interface AssemblyServerEvents extends BroadcastEvents {
  /** To the member concerned: what a moderator did and why. */
  'moderation:notice': (notice: ModerationNotice) => void;
  /** To the assembly's moderators after every change to the roster. */
  'roster:state': (state: R.RosterState) => void;
  /** Appeals: to a member the actions about them, to moderators every appeal (on connection and after each change). */
  'appeals:state': (state: Ap.AppealsState) => void;
}

/** Client → server on the watch namespace: asking to receive, nothing else. */
export interface WatchClientEvents {
  /** Acked once the observer is in the room; the server then sends a `doc:sync` step 2. */
  'doc:open': (payload: WatchDocument, ack: AckCallback<null>) => void;
  'doc:close': (payload: CloseDocument, ack: AckCallback<null>) => void;
  'clock:ping': ClockEvents['clock:ping'];
  /** The demographic aggregate the organisers chose to publish (small counts suppressed). */
  'members:published': (payload: Record<string, never>, ack: AckCallback<M.PublishedAggregate>) => void;
  'session:resync': ClockEvents['session:resync'];
  'evidence:open': ClockEvents['evidence:open'];
  /** A standard's points in time (milestones, folds of its edit log, now), oldest first. */
  'history:list': (payload: H.HistoryList, ack: AckCallback<{ points: H.HistoryPointView[] }>) => void;
  /** What changed in a standard's text between two points, with who wrote each run. */
  'history:diff': (payload: H.HistoryDiffRequest, ack: AckCallback<H.HistoryDiff>) => void;
  'history:moments': (payload: H.HistoryMomentsRequest, ack: AckCallback<H.HistoryMoments>) => void;
}
export type WatchServerEvents = BroadcastEvents;

export type AssemblyClientEvent = keyof AssemblyClientEvents;
export type WatchClientEvent = keyof WatchClientEvents;

/** The data type a command's acknowledgement carries on success (void for events without an ack). */
export type AckDataOf<F> = F extends (...args: infer Args) => void
  ? Args extends [unknown, AckCallback<infer T>]
    ? T
    : void
  : never;
