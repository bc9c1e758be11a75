import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { MODERATION_REASONS, type ModerationReason } from './session.ts';

/**
 * Comments on a standard: members and moderators post them; a moderator may hide one, with a
 * reason the author is told. A hidden comment's text is withheld from everyone but its author
 * and moderators; the fact that it was hidden, and why, stays visible.
 */
export interface CommentView {
  id: string;
  standardId: string;
  author: string;
  /** Null when hidden and the audience may not read it. */
  text: string | null;
  postedAt: number;
  hidden: { reason: ModerationReason; note: string | null } | null;
}

export const postCommentSchema = z.strictObject({
  standardId: z.uuid(),
  text: z.string().trim().min(1).max(LIMITS.maxCommentLength),
});
export const hideCommentSchema = z.strictObject({
  commentId: z.uuid(),
  reason: z.strictObject({
    code: z.enum(MODERATION_REASONS),
    note: z.string().trim().max(LIMITS.maxNoteLength).default(''),
  }),
});
export type PostComment = z.infer<typeof postCommentSchema>;
export type HideComment = z.input<typeof hideCommentSchema>;

/** Why a command about comments was refused (`comment.*`). */
export const COMMENT_REASONS = ['full', 'notFound'] as const;
