import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  LIMITS,
  publicName,
  type CommentView,
  type ModerationReason,
  type Role,
  refusal,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { listParticipants } from '../identity/participantStore.ts';

export async function postComment(
  tx: Queryable,
  c: { assemblyId: string; standardId: string; authorId: string; text: string },
): Promise<string> {
  const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM comments WHERE standard_id = $1',
    [c.standardId],
  );
  if (count >= LIMITS.maxCommentsPerStandard) {
    throw new AppError(
      ErrorCode.limitReached,
      `A standard takes at most ${LIMITS.maxCommentsPerStandard} comments`,
      refusal('comment', 'full', { max: LIMITS.maxCommentsPerStandard }),
    );
  }
  const id = randomUUID();
  await tx.query('INSERT INTO comments (id, assembly_id, standard_id, author_id, text) VALUES ($1, $2, $3, $4, $5)', [
    id,
    c.assemblyId,
    c.standardId,
    c.authorId,
    c.text,
  ]);
  return id;
}

/** Hides a comment of this assembly (once); returns its author, who is told why. */
export async function hideComment(
  tx: Queryable,
  h: { assemblyId: string; commentId: string; reason: ModerationReason; note: string | null; by: string },
): Promise<string> {
  const [row] = await tx.query<{ author_id: string }>(
    `UPDATE comments SET hidden_reason = $3, hidden_note = $4, hidden_by = $5, hidden_at = now()
     WHERE id = $1 AND assembly_id = $2 AND hidden_at IS NULL RETURNING author_id`,
    [h.commentId, h.assemblyId, h.reason, h.note, h.by],
  );
  if (!row)
    throw new AppError(ErrorCode.notFound, 'No such visible comment in this assembly', refusal('comment', 'notFound'));
  return row.author_id;
}

interface CommentRow {
  id: string;
  standardId: string;
  authorId: string;
  text: string;
  postedAt: Date;
  hiddenReason: ModerationReason | null;
  hiddenNote: string | null;
}

/**
 * Comments as one viewer may see them: a hidden comment's text only for its author and
 * moderators; observers see pseudonyms and never a moderator's note.
 */
export async function listComments(
  db: Queryable,
  assemblyId: string,
  audience: Role,
  viewerId: string | null,
): Promise<CommentView[]> {
  const people = new Map((await listParticipants(db, assemblyId)).map((p) => [p.id, p]));
  const rows = await db.query<CommentRow>(
    `SELECT c.id, c.standard_id AS "standardId", c.author_id AS "authorId", c.text, c.posted_at AS "postedAt",
       c.hidden_reason AS "hiddenReason", c.hidden_note AS "hiddenNote"
     FROM comments c JOIN standards s ON s.id = c.standard_id
     WHERE c.assembly_id = $1 AND s.removed_at IS NULL ORDER BY c.posted_at`,
    [assemblyId],
  );
  return rows.map((r) => {
    const author = people.get(r.authorId);
    const mayRead = r.hiddenReason === null || audience === 'moderator' || r.authorId === viewerId;
    return {
      id: r.id,
      standardId: r.standardId,
      author: !author ? 'Unknown' : audience === 'observer' ? publicName(author) : author.displayName,
      text: mayRead ? r.text : null,
      postedAt: r.postedAt.getTime(),
      hidden: r.hiddenReason ? { reason: r.hiddenReason, note: audience === 'observer' ? null : r.hiddenNote } : null,
    };
  });
}

/** Members whose hidden comments they alone (besides moderators) may still read. */
export async function authorsOfHidden(db: Queryable, assemblyId: string): Promise<string[]> {
  const rows = await db.query<{ author_id: string }>(
    'SELECT DISTINCT author_id FROM comments WHERE assembly_id = $1 AND hidden_at IS NOT NULL',
    [assemblyId],
  );
  return rows.map((r) => r.author_id);
}
