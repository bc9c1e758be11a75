/** Who someone is in an assembly (docs/ARCHITECTURE.md, "Roles"). */
export const ROLES = ['moderator', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that take part (have an invite and a session); observers only watch. */
export const PARTICIPANT_ROLES = ['moderator', 'member'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
