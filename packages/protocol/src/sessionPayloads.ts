import type { z } from 'zod';
import type * as S from './sessionSchemas.ts';

/** The parsed payload types of the session commands, one per schema in `sessionSchemas.ts`. */
export type CreateSession = z.input<typeof S.createSessionSchema>;
export type ConfigureSession = z.infer<typeof S.configureSessionSchema>;
export type SessionRef = z.infer<typeof S.sessionIdSchema>;
export type AddAgendaItem = z.input<typeof S.addAgendaItemSchema>;
export type AgendaItemRef = z.infer<typeof S.agendaItemSchema>;
export type MoveAgendaItem = z.infer<typeof S.moveAgendaItemSchema>;
export type ExtendAgendaItem = z.infer<typeof S.extendAgendaItemSchema>;
export type RaiseHand = z.infer<typeof S.raiseHandSchema>;
export type RaiseHandFor = z.infer<typeof S.raiseHandForSchema>;
export type SessionMember = z.infer<typeof S.sessionMemberSchema>;
export type CallSpeaker = z.infer<typeof S.callSpeakerSchema>;
export type CallGroupSpeaker = z.infer<typeof S.callGroupSpeakerSchema>;
export type GroupFloor = z.infer<typeof S.groupFloorSchema>;
export type FormGroups = z.input<typeof S.formGroupsSchema>;
export type MoveToGroup = z.infer<typeof S.moveToGroupSchema>;
export type PostAnnouncement = z.infer<typeof S.postAnnouncementSchema>;
export type ClearAnnouncement = z.infer<typeof S.clearAnnouncementSchema>;
export type Mute = z.input<typeof S.muteSchema>;
export type Unmute = z.infer<typeof S.unmuteSchema>;
export type RemoveFromSession = z.input<typeof S.removeFromSessionSchema>;
