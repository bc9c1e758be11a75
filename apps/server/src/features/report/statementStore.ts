import { randomUUID } from 'node:crypto';
import { ErrorCode, type ModerationReason, type MyStatement, refusal } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';

/**
 * One statement per member (the table's unique key), replaced when rewritten. A rewrite is new
 * words, so it is shown again: a moderator who finds it unfit hides it again.
 */
export async function writeStatement(
  tx: Queryable,
  s: { assemblyId: string; participantId: string; text: string },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO report_statements (id, assembly_id, participant_id, text) VALUES ($1, $2, $3, $4)
     ON CONFLICT (assembly_id, participant_id) DO UPDATE SET text = excluded.text, written_at = now(),
       hidden_reason = NULL, hidden_note = NULL, hidden_by = NULL, hidden_at = NULL
     RETURNING id`,
    [randomUUID(), s.assemblyId, s.participantId, s.text],
  );
  return row!.id;
}

/** Withdraws the member's statement; returns its id, or null if there was none. */
export async function withdrawStatement(
  tx: Queryable,
  s: { assemblyId: string; participantId: string },
): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    'DELETE FROM report_statements WHERE assembly_id = $1 AND participant_id = $2 RETURNING id',
    [s.assemblyId, s.participantId],
  );
  return row?.id ?? null;
}

/** Hides a statement of this assembly (once); returns its author. */
export async function hideStatement(
  tx: Queryable,
  h: { assemblyId: string; statementId: string; reason: ModerationReason; note: string | null; by: string },
): Promise<string> {
  const [row] = await tx.query<{ participant_id: string }>(
    `UPDATE report_statements SET hidden_reason = $3, hidden_note = $4, hidden_by = $5, hidden_at = now()
     WHERE id = $1 AND assembly_id = $2 AND hidden_at IS NULL RETURNING participant_id`,
    [h.statementId, h.assemblyId, h.reason, h.note, h.by],
  );
  if (!row)
    throw new AppError(
      ErrorCode.notFound,
      'No such visible statement in this assembly',
      refusal('report', 'statementNotFound'),
    );
  return row.participant_id;
}

export async function myStatement(db: Queryable, assemblyId: string, participantId: string): Promise<MyStatement> {
  const [row] = await db.query<{ id: string; text: string; writtenAt: Date; hiddenReason: ModerationReason | null }>(
    `SELECT id, text, written_at AS "writtenAt", hidden_reason AS "hiddenReason"
     FROM report_statements WHERE assembly_id = $1 AND participant_id = $2`,
    [assemblyId, participantId],
  );
  if (!row) return null;
  return {
    statementId: row.id,
    text: row.text,
    writtenAt: row.writtenAt.getTime(),
    hidden: row.hiddenReason ? { reason: row.hiddenReason } : null,
  };
}

/** The statements the report shows: not hidden, oldest first; never a moderator's note. */
export async function shownStatements(
  db: Queryable,
  assemblyId: string,
): Promise<{ id: string; participantId: string; text: string; writtenAt: Date }[]> {
  return db.query(
    `SELECT id, participant_id AS "participantId", text, written_at AS "writtenAt"
     FROM report_statements WHERE assembly_id = $1 AND hidden_at IS NULL ORDER BY written_at, id`,
    [assemblyId],
  );
}
