import type { StandardView } from './charter.ts';
import { isPublicFigure, type SeatRole } from './roles.ts';

export interface AssemblyView {
  id: string;
  title: string;
  /** The question the assembly answers; shown everywhere. */
  charge: string;
}

/** A moderator or member as others see them. Observers see `displayName` as "Member {seat}". */
export interface ParticipantView {
  id: string;
  role: SeatRole;
  displayName: string;
  /** Stable number within the assembly, used for the pseudonym. */
  seat: number;
  /** Whether the public sees this member's name instead of the pseudonym (`participant:showName`). */
  showName?: boolean;
}

/**
 * server → one client, `assembly:snapshot`: everything the client needs, sent on every
 * (re)connection so a missed broadcast is never permanent. `me` is null for observers.
 */
export interface AssemblySnapshot {
  protocolVersion: number;
  assembly: AssemblyView;
  standards: StandardView[];
  me: ParticipantView | null;
  watchers: number;
  /** Server clock (ms since epoch) when sent; clients derive their clock offset from it. */
  serverTime: number;
}

/** An invite or watch secret: 128 random bits, base64url (22 characters). */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
/** The secret a link's fragment holds, or null when it holds none; checked without zod, for light pages. */
export const secretIn = (text: string): string | null => (SECRET_PATTERN.test(text) ? text : null);

export const pseudonym = (seat: number): string => `Member ${seat}`;

/**
 * How the public (observers, the public record) sees a participant. Facilitators are public
 * figures: a moderator or a facilitator is shown by name (their role is shown beside it). A member
 * or a note-taker is shown as "Member {seat}" unless they chose to show their name
 * (`participant:showName`).
 */
export const publicName = (p: { role: string; seat: number; displayName: string | null; showName: boolean }): string =>
  (isPublicFigure(p.role) || p.showName) && p.displayName ? p.displayName : pseudonym(p.seat);
