import { z } from 'zod';
import type { StandardView } from './charter.ts';
import { LIMITS } from './limits.ts';
import { isPublicFigure, type ParticipantRole } from './roles.ts';

export interface AssemblyView {
  id: string;
  title: string;
  /** The question the assembly answers; shown everywhere. */
  charge: string;
}

/** A moderator or member as others see them. Observers see `displayName` as "Member {seat}". */
export interface ParticipantView {
  id: string;
  role: ParticipantRole;
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

export const pseudonym = (seat: number): string => `Member ${seat}`;

/**
 * How the public (observers, the public record) sees a participant. Facilitators are public
 * figures: a moderator or a facilitator is shown by name (their role is shown beside it). A member
 * or a note-taker is shown as "Member {seat}" unless they chose to show their name
 * (`participant:showName`).
 */
export const publicName = (p: { role: string; seat: number; displayName: string | null; showName: boolean }): string =>
  (isPublicFigure(p.role) || p.showName) && p.displayName ? p.displayName : pseudonym(p.seat);

export const displayName = z
  .string()
  .trim()
  .min(LIMITS.minDisplayNameLength, 'Please enter a name')
  .max(LIMITS.maxDisplayNameLength, `A name is at most ${LIMITS.maxDisplayNameLength} characters`);

/** An invite or watch secret: 128 random bits, base64url (22 characters). */
export const secret = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'Not a valid link');
