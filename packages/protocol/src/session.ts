import { z } from 'zod';
import { LIMITS } from './limits.ts';
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
}

export interface AnnouncementView {
  id: string;
  text: string;
  postedAt: number;
}

export interface ModerationEntry {
  id: string;
  action: 'mute' | 'unmute' | 'remove' | 'hide_comment';
  participantName: string;
  reason: ModerationReason | null;
  /** Free text; withheld from observers. */
  note: string | null;
  at: number;
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

const id = z.uuid();
const sessionId = z.strictObject({ sessionId: id });
const reason = z.strictObject({
  code: z.enum(MODERATION_REASONS),
  note: z.string().trim().max(LIMITS.maxNoteLength).default(''),
});

export const createSessionSchema = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.maxTitleLength),
  queueMode: z.enum(QUEUE_MODES).default('fifo'),
  turnLimitSeconds: z.int().min(15).max(3600).default(180),
});
export const configureSessionSchema = z.strictObject({
  sessionId: id,
  queueMode: z.enum(QUEUE_MODES).optional(),
  turnLimitSeconds: z.int().min(15).max(3600).optional(),
});
export const sessionIdSchema = sessionId;
export const addAgendaItemSchema = z.strictObject({
  sessionId: id,
  title: z.string().trim().min(1).max(LIMITS.maxTitleLength),
  kind: z.enum(AGENDA_KINDS),
  plannedMinutes: z.int().min(1).max(600),
  standardIds: z.array(id).max(LIMITS.maxStandardsPerAssembly).default([]),
  /** A breach case of this assembly still in progress, if the item is about one. */
  caseId: id.nullable().default(null),
});
export const agendaItemSchema = z.strictObject({ itemId: id });
export const moveAgendaItemSchema = z.strictObject({ itemId: id, toIndex: z.int().min(0).max(LIMITS.maxAgendaItems) });
export const extendAgendaItemSchema = z.strictObject({ itemId: id, minutes: z.int().min(-60).max(120) });
export const raiseHandSchema = z.strictObject({ sessionId: id, kind: z.enum(HAND_KINDS) });
/** A facilitator (or the moderator) raises a hand for a member in the room; the hand is the member's. */
export const raiseHandForSchema = z.strictObject({ sessionId: id, participantId: id, kind: z.enum(HAND_KINDS) });
/** A member in the session, named by whoever steers: check in or out at the door, lower a hand. */
export const sessionMemberSchema = z.strictObject({ sessionId: id, participantId: id });
export const callSpeakerSchema = z.strictObject({ sessionId: id, participantId: id.optional() });
export const formGroupsSchema = z.strictObject({
  sessionId: id,
  count: z.int().min(2).max(LIMITS.maxGroups),
  standardIds: z.array(id).max(LIMITS.maxStandardsPerAssembly).default([]),
  /** Deal the standards out in turn (group 1 the first, group 2 the second, …) instead of giving every group all of them. */
  split: z.boolean().default(false),
  /** Random (the default), or balanced by members' categories and rotated to avoid repeat pairs. */
  method: z.enum(GROUP_METHODS).default('random'),
});
export const moveToGroupSchema = z.strictObject({ sessionId: id, participantId: id, groupId: id });
export const postAnnouncementSchema = z.strictObject({
  text: z.string().trim().min(1).max(LIMITS.maxAnnouncementLength),
});
export const clearAnnouncementSchema = z.strictObject({ announcementId: id });
export const muteSchema = z.strictObject({
  participantId: id,
  minutes: z
    .int()
    .min(1)
    .max(24 * 60),
  reason,
});
export const unmuteSchema = z.strictObject({ participantId: id });
export const removeFromSessionSchema = z.strictObject({ sessionId: id, participantId: id, reason });

/** The notice the server sends to one member about a moderation action concerning them. */
export interface ModerationNotice {
  action: 'mute' | 'unmute' | 'remove' | 'hide_comment';
  reason: ModerationReason | null;
  note: string | null;
  until: number | null;
}
