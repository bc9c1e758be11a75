import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  EVIDENCE_LIMITS,
  evidenceReason,
  publicName,
  type ModerationReason,
  type QuestionView,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { listParticipants } from '../identity/participantStore.ts';

/** Members' questions to an expert session's speaker, their supports, and what was asked and answered. */

const questionNotFound = () =>
  new AppError(ErrorCode.notFound, 'No such question in this assembly', evidenceReason('questionNotFound'));

/** A new question; the item's row lock keeps the per-member and per-session counts exact across nodes. */
export async function askQuestion(
  tx: Queryable,
  q: { assemblyId: string; itemId: string; authorId: string; text: string },
): Promise<string> {
  await tx.query('SELECT id FROM agenda_items WHERE id = $1 FOR UPDATE', [q.itemId]);
  const [{ mine, all } = { mine: 0, all: 0 }] = await tx.query<{ mine: number; all: number }>(
    `SELECT count(*) FILTER (WHERE author_id = $2)::int AS mine, count(*)::int AS all
     FROM expert_questions WHERE item_id = $1`,
    [q.itemId, q.authorId],
  );
  const perMember = EVIDENCE_LIMITS.maxQuestionsPerMemberPerSession;
  if (mine >= perMember) {
    throw new AppError(
      ErrorCode.limitReached,
      `A member may put at most ${perMember} questions to one expert session`,
      evidenceReason('questionLimit', { max: perMember }),
    );
  }
  if (all >= EVIDENCE_LIMITS.maxQuestionsPerSession) {
    throw new AppError(
      ErrorCode.limitReached,
      `An expert session takes at most ${EVIDENCE_LIMITS.maxQuestionsPerSession} questions`,
      evidenceReason('sessionFull', { max: EVIDENCE_LIMITS.maxQuestionsPerSession }),
    );
  }
  const id = randomUUID();
  await tx.query(
    'INSERT INTO expert_questions (id, assembly_id, item_id, author_id, text) VALUES ($1, $2, $3, $4, $5)',
    [id, q.assemblyId, q.itemId, q.authorId, q.text],
  );
  return id;
}

/** A question of this assembly that is not hidden, locked for the change that follows. */
async function visibleQuestion(
  tx: Queryable,
  assemblyId: string,
  questionId: string,
): Promise<{ authorId: string; askedAt: Date | null }> {
  const [row] = await tx.query<{ authorId: string; askedAt: Date | null }>(
    `SELECT author_id AS "authorId", asked_at AS "askedAt" FROM expert_questions
     WHERE id = $1 AND assembly_id = $2 AND hidden_at IS NULL FOR UPDATE`,
    [questionId, assemblyId],
  );
  if (!row) throw questionNotFound();
  return row;
}

/** One support per member per question (again: nothing changes); never one's own. Returns whether it was new, and the count. */
export async function supportQuestion(
  tx: Queryable,
  s: { assemblyId: string; questionId: string; memberId: string },
): Promise<{ added: boolean; supports: number }> {
  const question = await visibleQuestion(tx, s.assemblyId, s.questionId);
  if (question.authorId === s.memberId) {
    throw new AppError(ErrorCode.badRequest, 'You cannot support your own question', evidenceReason('ownQuestion'));
  }
  const added = await tx.query(
    `INSERT INTO question_supports (question_id, participant_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING question_id`,
    [s.questionId, s.memberId],
  );
  const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM question_supports WHERE question_id = $1',
    [s.questionId],
  );
  return { added: added.length > 0, supports: count };
}

/** Marks a question asked (once: the first time stands) and, with a summary, records the answer. */
export async function answerQuestion(
  tx: Queryable,
  a: { assemblyId: string; questionId: string; answer: string },
): Promise<{ firstAsked: boolean }> {
  const question = await visibleQuestion(tx, a.assemblyId, a.questionId);
  await tx.query(
    `UPDATE expert_questions SET asked_at = coalesce(asked_at, now()),
       answer = CASE WHEN $2 = '' THEN answer ELSE $2 END,
       answered_at = CASE WHEN $2 = '' THEN answered_at ELSE now() END
     WHERE id = $1`,
    [a.questionId, a.answer],
  );
  return { firstAsked: question.askedAt === null };
}

export async function hideQuestion(
  tx: Queryable,
  h: { assemblyId: string; questionId: string; reason: ModerationReason; by: string },
): Promise<void> {
  await visibleQuestion(tx, h.assemblyId, h.questionId);
  await tx.query('UPDATE expert_questions SET hidden_reason = $2, hidden_by = $3, hidden_at = now() WHERE id = $1', [
    h.questionId,
    h.reason,
    h.by,
  ]);
}

/** The questions one participant supports (for their own screen only). */
export async function supportedBy(db: Queryable, assemblyId: string, participantId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT s.question_id AS id FROM question_supports s JOIN expert_questions q ON q.id = s.question_id
     WHERE q.assembly_id = $1 AND s.participant_id = $2`,
    [assemblyId, participantId],
  );
  return rows.map((r) => r.id);
}

interface QuestionRow {
  id: string;
  itemId: string;
  authorId: string;
  text: string;
  supports: number;
  askedAt: Date | null;
  answer: string | null;
  answeredAt: Date | null;
  hidden: ModerationReason | null;
}

/**
 * Questions as one audience sees them. Moderators: all, hidden ones with their text. Members:
 * all, a hidden one without its text. Observers: only those asked (not hidden), with answers,
 * and authors under the public's names for them. Supports are counts; who supported is never sent.
 */
export async function listQuestions(
  db: Queryable,
  assemblyId: string,
  audience: 'moderator' | 'member' | 'observer',
): Promise<QuestionView[]> {
  const people = new Map((await listParticipants(db, assemblyId)).map((p) => [p.id, p]));
  const rows = await db.query<QuestionRow>(
    `SELECT q.id, q.item_id AS "itemId", q.author_id AS "authorId", q.text, q.asked_at AS "askedAt", q.answer,
       q.answered_at AS "answeredAt", q.hidden_reason AS hidden,
       (SELECT count(*)::int FROM question_supports s WHERE s.question_id = q.id) AS supports
     FROM expert_questions q WHERE q.assembly_id = $1
       ${audience === 'observer' ? 'AND q.asked_at IS NOT NULL AND q.hidden_at IS NULL' : ''}
     ORDER BY q.posted_at`,
    [assemblyId],
  );
  return rows.map((r) => {
    const author = people.get(r.authorId);
    return {
      id: r.id,
      itemId: r.itemId,
      author: !author ? 'Unknown' : audience === 'observer' ? publicName(author) : author.displayName,
      text: r.hidden && audience !== 'moderator' ? null : r.text,
      supports: r.supports,
      askedAt: r.askedAt?.getTime() ?? null,
      answer: r.answer,
      answeredAt: r.answeredAt?.getTime() ?? null,
      hidden: r.hidden,
    };
  });
}
