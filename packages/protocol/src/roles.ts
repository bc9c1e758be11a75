/** Who someone is in an assembly (docs/ARCHITECTURE.md, "Roles"). */
export const ROLES = ['moderator', 'facilitator', 'note_taker', 'member', 'observer', 'respondent', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that take part (have an invite and a session); observers only watch. The moderator
 * leads the sitting; a facilitator steers one small group (its members' check-in, hands raised
 * for them, its pad, the paper count); a note-taker writes one group's pad. Only members vote.
 */
export const PARTICIPANT_ROLES = ['moderator', 'facilitator', 'note_taker', 'member'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Roles that steer a group or the room: they check members in and out and raise hands for them. */
export const STEERING_ROLES = ['moderator', 'facilitator'] as const;

/** Public figures: the public sees them by name, with their role, whatever they chose. */
export const isPublicFigure = (role: string): boolean => role === 'moderator' || role === 'facilitator';

/**
 * Narrow seats, held through an invite link like the others but outside the assembly's room:
 * a respondent (the body that commissioned the assembly) answers the standards and reports
 * progress; a leader replies in the one breach case about them. They join no assembly room,
 * get no snapshot of documents, session, votes or roster, and every command not listed for them
 * in `PERMISSIONS` is refused. They never vote and are never attendees.
 */
export const NARROW_ROLES = ['respondent', 'leader'] as const;
export type NarrowRole = (typeof NARROW_ROLES)[number];
export const isNarrowRole = (role: string): role is NarrowRole => (NARROW_ROLES as readonly string[]).includes(role);
/** The role of a seat: one that takes part, or a narrow one. */
export type SeatRole = ParticipantRole | NarrowRole;
export const isParticipantRole = (role: string): role is ParticipantRole =>
  (PARTICIPANT_ROLES as readonly string[]).includes(role);
