import { LIMITS } from '@moot/protocol';
import type { CommentView } from '@moot/protocol';

const NONE: readonly CommentView[] = [];

/** Comments grouped by standard, each list oldest first (ties broken by id, so the order is stable). */
export function commentsByStandard(comments: readonly CommentView[]): ReadonlyMap<string, readonly CommentView[]> {
  const groups = new Map<string, CommentView[]>();
  for (const comment of comments) {
    const list = groups.get(comment.standardId);
    if (list) list.push(comment);
    else groups.set(comment.standardId, [comment]);
  }
  for (const list of groups.values())
    list.sort((a, b) => a.postedAt - b.postedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return groups;
}

/** One standard's comments from the grouping above (an empty list when it has none). */
export function commentsOf(groups: ReadonlyMap<string, readonly CommentView[]>, standardId: string) {
  return groups.get(standardId) ?? NONE;
}

export type CommentCheck = { ok: true; text: string } | { ok: false; problem: 'empty' | 'tooLong' };

/** The same rule as the server's schema: trimmed, 1 to `LIMITS.maxCommentLength` characters. */
export function checkComment(text: string): CommentCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'empty' };
  if (trimmed.length > LIMITS.maxCommentLength) return { ok: false, problem: 'tooLong' };
  return { ok: true, text: trimmed };
}

/**
 * Comments in `next` that were not in `previous`: what to announce. Nothing on the first state
 * (`previous` undefined), so the existing comments are not read out on connection.
 */
export function newComments(previous: readonly CommentView[] | undefined, next: readonly CommentView[]): CommentView[] {
  if (previous === undefined) return [];
  const known = new Set(previous.map((comment) => comment.id));
  return next.filter((comment) => !known.has(comment.id));
}

/** New comments counted per standard, in charter order; comments on unknown standards are left out. */
export function newCommentCounts(
  comments: readonly CommentView[],
  standards: readonly { id: string; title: string }[],
): { title: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const comment of comments) counts.set(comment.standardId, (counts.get(comment.standardId) ?? 0) + 1);
  return standards
    .filter((standard) => counts.has(standard.id))
    .map((standard) => ({ title: standard.title, count: counts.get(standard.id) ?? 0 }));
}
