/** Who someone is in an assembly (docs/ARCHITECTURE.md, "Roles"). */
export const ROLES = ['moderator', 'facilitator', 'note_taker', 'member', 'observer'] as const;
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
