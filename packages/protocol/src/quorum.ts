import type { ErrorReason } from './errors.ts';

/**
 * Quorum while a vote is open (issue 17 §5). A member counts as present for an open vote when
 * checked in and either connected (any tab, any node), checked in by staff at the door or
 * table (they may have no device; staff check them out when they leave), or ticked as voting
 * on paper in this vote. When fewer are present than the ballots quorum needs, for longer than
 * `LIMITS.quorumGraceSeconds` (a member whose connection drops and comes back within it never
 * counts as leaving), the vote pauses: ballots are refused (`vote_paused`) until enough members
 * are back, or until the moderator continues with the members present (`vote:continue`, public
 * in the record with the count at that moment; the vote then no longer pauses). A paused vote's
 * deadline does not move: a deadline announced when the vote opened is kept.
 */
export interface QuorumPause {
  /** When the vote paused (server time, ms). */
  since: number;
  /** Members present now, and how many quorum needs. */
  present: number;
  needed: number;
}

/** The moderator continued a paused vote with the members present: when, and how many were. */
export interface QuorumContinued {
  at: number;
  present: number;
  needed: number;
}

export const QUORUM_REASONS = ['quorumLost', 'deadlinePassed', 'notPaused'] as const;
export type QuorumReason = (typeof QUORUM_REASONS)[number];
export const quorumReason = (key: QuorumReason, params?: Record<string, string | number>): ErrorReason => ({
  key: `vote.${key}`,
  ...(params ? { params } : {}),
});
