import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { AGENDA_KINDS, GROUP_METHODS, HAND_KINDS, MODERATION_REASONS, QUEUE_MODES } from './session.ts';

// The schemas of `session.ts`, apart from it so that a page that only reads its views and names
// (the watch page) does not load zod: a bundler keeps a module whole.

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
/** A running small group's floor, named by its facilitator or the moderator. */
export const groupFloorSchema = z.strictObject({ sessionId: id, groupId: id });
export const callGroupSpeakerSchema = z.strictObject({ sessionId: id, groupId: id, participantId: id.optional() });
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
