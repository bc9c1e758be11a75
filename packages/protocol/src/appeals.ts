import { z } from 'zod';
import type { AppealStatus, ModerationReason } from './session.ts';

/**
 * Appeals against moderation. The member a mute, a removal from a session or a hidden comment
 * concerns may appeal it once, with a reason; a moderator other than the one who acted upholds
 * or overturns it, with a reason. Both reasons are public (the moderation log and the record,
 * the member under the public's name for them), so both forms say so.
 */
export const APPEALABLE_ACTIONS = ['mute', 'remove', 'hide_comment'] as const;
export type AppealableAction = (typeof APPEALABLE_ACTIONS)[number];
export const APPEAL_DECISIONS = ['uphold', 'overturn'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];
/** Why the server refused to file or decide an appeal (`appeal.<key>`); registered in `reasons.ts`. */
export const APPEAL_REASONS = ['notFound', 'tooLate', 'already', 'ownAction', 'decided'] as const;

export const APPEAL_LIMITS = {
  /** Characters of a member's reason for appealing and of a moderator's reason for deciding. */
  maxReasonLength: 1000,
  /** An action may be appealed for this many days after it was taken; a pending appeal waits as long as it must. */
  windowDays: 14,
} as const;

export interface AppealPerson {
  participantId: string;
  name: string;
}

/** One moderation action about a member, with its appeal if there is one. */
export interface AppealCase {
  actionId: string;
  action: AppealableAction;
  member: AppealPerson;
  /** Who acted (moderators are public figures, shown by name); null if their seat is gone. */
  actedBy: AppealPerson | null;
  reason: ModerationReason | null;
  /** The moderator's note: for the member concerned and moderators only. */
  note: string | null;
  at: number;
  /** The hidden comment's words (a hide), which its author and moderators may read. */
  commentText: string | null;
  appeal: AppealView | null;
}

export interface AppealView {
  id: string;
  reason: string;
  at: number;
  status: AppealStatus;
  /**
   * Pending, and no moderator but the one who acted holds a seat: the appeal waits until the
   * organisers appoint another (a moderator never decides an appeal against their own action).
   */
  waitsForModerator: boolean;
  decidedBy: AppealPerson | null;
  decisionReason: string | null;
  decidedAt: number | null;
}

/**
 * `appeals:state`, to each reader their own: a member gets the actions about them of the last
 * `windowDays` (and any older one still under appeal); moderators every appeal, pending first.
 */
export interface AppealsState {
  cases: AppealCase[];
}

const reasonText = z.string().trim().min(1).max(APPEAL_LIMITS.maxReasonLength);
export const fileAppealSchema = z.strictObject({ actionId: z.uuid(), reason: reasonText });
export const decideAppealSchema = z.strictObject({
  appealId: z.uuid(),
  decision: z.enum(APPEAL_DECISIONS),
  reason: reasonText,
});
export type FileAppeal = z.infer<typeof fileAppealSchema>;
export type DecideAppeal = z.infer<typeof decideAppealSchema>;
