import { z } from 'zod';
import { PARTICIPANT_ROLES, type SeatRole } from './roles.ts';

/**
 * The assembly's roster, as its moderators manage it (they invite, re-issue links, change roles
 * and revoke seats): who holds a seat, in which role, and whether they have joined. Invite secrets
 * are shown once, to the moderator who created or re-issued them; the server keeps only hashes.
 */
export interface RosterEntry {
  participantId: string;
  seat: number;
  role: SeatRole;
  /** The name they chose on joining; null until they joined. */
  displayName: string | null;
}

/** `roster:state`, to the assembly's moderators whenever the roster changes. */
export interface RosterState {
  participants: RosterEntry[];
}

export const rosterListSchema = z.strictObject({});
export const inviteToRosterSchema = z.strictObject({ role: z.enum(PARTICIPANT_ROLES) });
export const rosterEntryRefSchema = z.strictObject({ participantId: z.uuid() });
export const setRosterRoleSchema = z.strictObject({ participantId: z.uuid(), role: z.enum(PARTICIPANT_ROLES) });

export type InviteToRoster = z.infer<typeof inviteToRosterSchema>;
export type RosterEntryRef = z.infer<typeof rosterEntryRefSchema>;
export type SetRosterRole = z.infer<typeof setRosterRoleSchema>;

/** The path of an invite link; the secret goes in the fragment, so it never reaches a server log. */
export const invitePath = (inviteSecret: string): string => `/join#${inviteSecret}`;

/**
 * member → server, `participant:showName`: whether the public (watch page, public record) sees
 * this member's chosen name instead of "Member {seat}". Off until they turn it on.
 */
export const showNameSchema = z.strictObject({ showName: z.boolean() });
export type ShowName = z.infer<typeof showNameSchema>;

/** Why a moderator's command on the roster was refused (`roster.*`). */
export const ROSTER_REASONS = ['seatNotFound', 'ownSeat', 'alreadyInRole'] as const;
