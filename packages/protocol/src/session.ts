import type { ParticipantRole } from './roles.ts';

/**
 * A live session: its agenda with a server-owned timer, attendance, the speaking queue,
 * small groups, announcements and moderation. All of it is server-owned state: every change
 * is a command, persisted, then what changed in each audience's view is broadcast as a
 * `session:patch` (the whole `SessionState` on connection and when a client asks).
 */
export const AGENDA_KINDS = ['learn', 'deliberate', 'draft', 'decide', 'break'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const AGENDA_STATUSES = ['pending', 'running', 'paused', 'done'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];
export const SESSION_STATUSES = ['planned', 'live', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** Plain: first come, first served. Equity: who has spoken least this session goes first. */
export const QUEUE_MODES = ['fifo', 'equity'] as const;
export type QueueMode = (typeof QUEUE_MODES)[number];
/** A point of process jumps the queue; a direct response goes before new points. */
export const HAND_KINDS = ['point_of_process', 'direct_response', 'new_point'] as const;
export type HandKind = (typeof HAND_KINDS)[number];
export const MODERATION_REASONS = ['off_topic', 'disrespect', 'disruption', 'harassment', 'privacy', 'other'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

export interface AgendaItemView {
  id: string;
  position: number;
  title: string;
  kind: AgendaKind;
  plannedMinutes: number;
  standardIds: string[];
  /** The breach case the item is about (a hearing, a deliberation), if any. */
  caseId: string | null;
  status: AgendaStatus;
  /** Server clock (ms since epoch) when a running item ends; clients count down to it with their clock offset. */
  endsAt: number | null;
  /** Time left when paused. */
  remainingMs: number | null;
}

/** Someone in the session, as the audience may see them (observers: a pseudonym unless opted in). */
export interface Attendee {
  participantId: string;
  name: string;
  role: ParticipantRole;
  /** Present now: checked in (by themselves or at the door) and not checked out since. Quorum counts these. */
  checkedIn: boolean;
  /** Checked in this session and then out again (left the room); false while present. */
  checkedOut: boolean;
  /** Connected right now (any tab, any node); checked in but not online means "away". */
  online: boolean;
  mutedUntil: number | null;
  removed: boolean;
}

export interface HandView {
  id: string;
  participantId: string;
  name: string;
  kind: HandKind;
  raisedAt: number;
  /** A facilitator (or the moderator) who raised it for a member in the room; null when raised by the member. */
  raisedBy: { participantId: string; name: string } | null;
}

export interface TurnView {
  handId: string;
  participantId: string;
  name: string;
  startedAt: number;
  /** When the turn's time limit is reached (server clock). */
  endsAt: number;
}

/** Moderator only: how the floor was shared. */
export interface EquityRow {
  participantId: string;
  name: string;
  turnsThisSession: number;
  spokenMsThisSession: number;
  turnsOverall: number;
  spokenMsOverall: number;
}
export interface EquitySummary {
  rows: EquityRow[];
  /** Share of checked-in members who have spoken this session (0..1). */
  shareWhoSpoke: number;
  /** Gini coefficient of speaking time among checked-in members: 0 even, 1 one voice. */
  gini: number;
  /**
   * The Gini over the sitting so far: its value as each finished turn ended (among the members
   * checked in now), a point only where it moved, oldest first. The turn under way is `gini`.
   */
  giniSeries: GiniPoint[];
}

/** One point of the Gini line: server time (ms) and the value then. */
export interface GiniPoint {
  at: number;
  gini: number;
}

export interface GroupView {
  id: string;
  number: number;
  memberIds: string[];
  standardIds: string[];
  /** The group's notes pad (Yjs). While groups run, only its members and moderators may open it. */
  padDocId: string;
  /** Who steers this group (facilitators) and writes its pad (note-takers): dealt at forming, moved by a moderator. */
  facilitatorIds: string[];
  noteTakerIds: string[];
  ended: boolean;
  /**
   * The group's own speaking queue and who has its floor, steered by its facilitator while the
   * group runs. Null for observers: table discussions stay private to the assembly.
   */
  floor: GroupFloorView | null;
}

export interface GroupFloorView {
  queue: HandView[];
  turn: TurnView | null;
}

export interface AnnouncementView {
  id: string;
  text: string;
  postedAt: number;
}

export type AppealStatus = 'pending' | 'upheld' | 'overturned';

/** What the public moderation log shows of an action's appeal: the status and both reasons. */
export interface AppealSummary {
  status: AppealStatus;
  reason: string;
  decisionReason: string | null;
}

export interface ModerationEntry {
  id: string;
  action: 'mute' | 'unmute' | 'remove' | 'hide_comment';
  participantName: string;
  reason: ModerationReason | null;
  /** Free text; withheld from observers. */
  note: string | null;
  at: number;
  /** The member's appeal against it and its outcome, if appealed: public, both reasons included. */
  appeal: AppealSummary | null;
}

/** Two members put in one group again who shared a group in an earlier split (any sitting). */
export interface RepeatPair {
  a: string;
  b: string;
  /** How many earlier splits already had them together. */
  times: number;
}
/** Moderator only: how the latest split repeats earlier ones (recounted after every move by hand). */
export interface GroupRepeats {
  count: number;
  pairs: RepeatPair[];
}

/** Random: a fair shuffle. Balanced: categories spread evenly, and as few pairs as possible meet again. */
export const GROUP_METHODS = ['random', 'balanced'] as const;
export type GroupMethod = (typeof GROUP_METHODS)[number];

export interface SessionState {
  /** Which published view this is (`<epoch>.<n>`, see `sessionPatch.ts`): a `session:patch` applies to the view whose version is its base. */
  version: string;
  id: string;
  title: string;
  status: SessionStatus;
  queueMode: QueueMode;
  turnLimitSeconds: number;
  agenda: AgendaItemView[];
  currentItemId: string | null;
  attendees: Attendee[];
  queue: HandView[];
  turn: TurnView | null;
  groups: GroupView[];
  announcements: AnnouncementView[];
  moderationLog: ModerationEntry[];
  /** Present only for moderators. */
  equity: EquitySummary | null;
  /** Present only for moderators, once groups have been formed this sitting. */
  groupRepeats: GroupRepeats | null;
}

/** The notice the server sends to one member about a moderation action concerning them. */
export interface ModerationNotice {
  action: 'mute' | 'unmute' | 'remove' | 'hide_comment';
  reason: ModerationReason | null;
  note: string | null;
  until: number | null;
}

/** Why a command about a sitting or its agenda was refused (`session.*` in `REFUSAL_REASONS`). */
export const SESSION_REASONS = [
  'sittingNotFound',
  'itemNotFound',
  'cancelled',
  'ended',
  'notRunning',
  'anotherLive',
  'agendaFull',
  'foreignStandard',
  'caseNotFound',
  'caseDecided',
  'caseDismissed',
  'noItemLeft',
] as const;

/** Why attendance or the speaking queue refused a command (`floor.*`). */
export const FLOOR_REASONS = [
  'notCheckedIn',
  'checkInFirst',
  'noHandUp',
  'nobodyWaiting',
  'groupNoHandUp',
  'groupNobodyWaiting',
  'groupNobodySpeaking',
  'nobodySpeaking',
  'notYourTurn',
  'alreadySpeaking',
  'memberAlreadySpeaking',
] as const;

/** Why a command about small groups was refused (`group.*`). */
export const GROUP_REASONS = [
  'fewerStandardsThanGroups',
  'personNotFound',
  'noneRunning',
  'notInGroup',
  'tooFewPresent',
  'groupNotFound',
  'notYourGroupsMember',
  'notYourGroupsQueue',
] as const;

/** Why a change to the programme of sittings was refused (`programme.*`). */
export const PROGRAMME_REASONS = [
  'sittingCancelled',
  'sittingStarted',
  'sittingEnded',
  'sameSittingCopy',
  'sameSittingSwap',
  'clockChange',
  'full',
  'undated',
] as const;

/**
 * Why a moderation rule refused something (`moderation.*`): the participant, or the member a
 * facilitator acts for, is muted or removed; the announcement is gone.
 */
export const MODERATION_REFUSALS = [
  'muted',
  'removed',
  'memberMuted',
  'memberRemoved',
  'announcementNotFound',
] as const;
