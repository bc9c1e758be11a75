import { z } from 'zod';
import { LIMITS } from './limits.ts';
import type { AgendaKind, AgendaStatus, SessionStatus } from './session.ts';
import { isTimeZone } from './timeZones.ts';

/**
 * The programme: the assembly's sittings (its sessions) planned ahead across several weekends,
 * each with a date, start and end times in the assembly's time zone, a place and an agenda.
 * The whole programme travels as `programme:state` on connection and after every change.
 */
export const PLACE_KINDS = ['room', 'online', 'both'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceView {
  kind: PlaceKind;
  /** The room's name and address (null when the sitting is online only). */
  roomName: string | null;
  roomAddress: string | null;
  /** The online meeting link: members and moderators only; always null for observers. */
  onlineLink: string | null;
}

export interface ProgrammeItemView {
  id: string;
  title: string;
  kind: AgendaKind;
  plannedMinutes: number;
  status: AgendaStatus;
}

export interface SittingView {
  id: string;
  title: string;
  status: SessionStatus;
  /** Called off before it started: kept in the programme, struck through, never startable. */
  cancelled: boolean;
  /** Instants (ms since epoch); null for a sitting created without a schedule (`session:create`). */
  startsAt: number | null;
  endsAt: number | null;
  place: PlaceView | null;
  agenda: ProgrammeItemView[];
}

export interface ProgrammeState {
  /** The assembly's IANA time zone: every time is shown in it. */
  timeZone: string;
  /** The sitting `session:state` describes (the live one, else the next planned one); null if none. */
  currentId: string | null;
  /** In programme order: by start time, then unscheduled sittings by creation. */
  sittings: SittingView[];
}

const id = z.uuid();
const time = z.iso.time({ precision: -1, error: 'A time is written HH:MM' });
const sittingFields = {
  title: z.string().trim().min(1, 'Give the sitting a title').max(LIMITS.maxTitleLength),
  /** The local date and times in the assembly's time zone. */
  date: z.iso.date({ error: 'A date is written YYYY-MM-DD' }),
  startTime: time,
  endTime: time,
  place: z.enum(PLACE_KINDS),
  roomName: z.string().trim().max(LIMITS.maxTitleLength).default(''),
  roomAddress: z.string().trim().max(LIMITS.maxPlaceAddressLength).default(''),
  onlineLink: z
    .url({ protocol: /^https?$/, error: 'An online link must be an http(s) address' })
    .max(LIMITS.maxLinkLength, `A link is at most ${LIMITS.maxLinkLength} characters`)
    .transform((value) => new URL(value).href)
    .nullable()
    .default(null),
};

/** What no field alone can say: the end after the start, and the place kind's details given. */
function checkSitting(
  value: { startTime: string; endTime: string; place: PlaceKind; roomName: string; onlineLink: string | null },
  ctx: z.RefinementCtx,
): void {
  if (value.endTime <= value.startTime) {
    ctx.addIssue({
      code: 'custom',
      path: ['endTime'],
      message: `A sitting must end after it starts (on the same day): ${value.startTime} to ${value.endTime}`,
    });
  }
  if (value.place !== 'online' && !value.roomName) {
    ctx.addIssue({ code: 'custom', path: ['roomName'], message: 'Name the room the sitting meets in' });
  }
  if (value.place !== 'room' && !value.onlineLink) {
    ctx.addIssue({ code: 'custom', path: ['onlineLink'], message: 'Give the link to join the sitting online' });
  }
}

export const planSittingSchema = z.strictObject(sittingFields).superRefine(checkSitting);
export const editSittingSchema = z.strictObject({ sessionId: id, ...sittingFields }).superRefine(checkSitting);
export const cancelSittingSchema = z.strictObject({ sessionId: id });
/** Appends the agenda of `fromSessionId` to the sitting `sessionId` (which has not started). */
export const copyAgendaSchema = z.strictObject({ sessionId: id, fromSessionId: id });
/** Swaps the dates and times of two planned sittings (each keeps its title, place and agenda): reordering the programme. */
export const swapSittingsSchema = z.strictObject({ sessionId: id, withSessionId: id });
export const setTimeZoneSchema = z.strictObject({
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, { error: 'Not a time zone this server knows (an IANA name such as Europe/London)' }),
});

export type PlanSitting = z.input<typeof planSittingSchema>;
export type EditSitting = z.input<typeof editSittingSchema>;
export type CancelSitting = z.infer<typeof cancelSittingSchema>;
export type CopyAgenda = z.infer<typeof copyAgendaSchema>;
export type SwapSittings = z.infer<typeof swapSittingsSchema>;
export type SetTimeZone = z.infer<typeof setTimeZoneSchema>;
