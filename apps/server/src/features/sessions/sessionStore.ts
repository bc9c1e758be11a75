import { randomUUID } from 'node:crypto';
import type { AgendaItemView, AgendaKind, AgendaStatus, QueueMode, SessionStatus } from '@moot/protocol';
import { ErrorCode, LIMITS, refusal } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';

export interface SessionRow {
  id: string;
  assemblyId: string;
  title: string;
  status: SessionStatus;
  queueMode: QueueMode;
  turnLimitSeconds: number;
  currentItemId: string | null;
  /** Called off in the programme: never started, never current. */
  cancelled: boolean;
  /**
   * What was posted or logged before belongs to earlier sittings: its creation, or for a sitting
   * planned ahead, the end of the last sitting that ended before it started.
   */
  since: Date;
}

const SESSION_COLUMNS = `id, assembly_id AS "assemblyId", title, status, queue_mode AS "queueMode",
  turn_limit_seconds AS "turnLimitSeconds", current_item_id AS "currentItemId",
  cancelled_at IS NOT NULL AS cancelled,
  CASE WHEN starts_at IS NULL THEN created_at ELSE greatest(created_at, (
    SELECT max(o.ended_at) FROM assembly_sessions o WHERE o.assembly_id = assembly_sessions.assembly_id
      AND o.id <> assembly_sessions.id AND o.ended_at <= coalesce(assembly_sessions.started_at, now()))) END AS "since"`;

/**
 * The sitting everyone sees: the live one (there is at most one); else the next planned one (one
 * created without a schedule, newest first, then the earliest scheduled); else the last to end.
 * A cancelled sitting is never current.
 */
export async function currentSession(db: Queryable, assemblyId: string): Promise<SessionRow | null> {
  const [row] = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM assembly_sessions WHERE assembly_id = $1 AND cancelled_at IS NULL
     ORDER BY status <> 'live', status = 'ended', starts_at IS NOT NULL,
       CASE WHEN status = 'planned' THEN starts_at END, ended_at DESC NULLS LAST, created_at DESC LIMIT 1`,
    [assemblyId],
  );
  return row ?? null;
}

/**
 * Loads a session of this assembly and locks its row for the rest of the transaction, so
 * commands on one session (from any node) apply one at a time.
 */
export async function lockSession(tx: Queryable, assemblyId: string, sessionId: string): Promise<SessionRow> {
  const [row] = await tx.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM assembly_sessions WHERE id = $1 AND assembly_id = $2 FOR UPDATE`,
    [sessionId, assemblyId],
  );
  if (!row)
    throw new AppError(ErrorCode.notFound, 'No such session in this assembly', refusal('session', 'sittingNotFound'));
  return row;
}

/**
 * The session, locked against changes to it (`lockSession`) but not against other commands
 * that take this share too: raising and lowering hands and checking in touch only the
 * participant's own rows, so a room doing it at once does not queue on the session row (the
 * audit chain's head still orders their entries).
 */
export async function shareSession(tx: Queryable, assemblyId: string, sessionId: string): Promise<SessionRow> {
  const [row] = await tx.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM assembly_sessions WHERE id = $1 AND assembly_id = $2 FOR SHARE`,
    [sessionId, assemblyId],
  );
  if (!row)
    throw new AppError(ErrorCode.notFound, 'No such session in this assembly', refusal('session', 'sittingNotFound'));
  return row;
}

/** A sitting that has not ended (planned or live): members may still be checked in to it. */
export function requireNotEnded(session: SessionRow): void {
  if (session.status === 'ended')
    throw new AppError(ErrorCode.badRequest, 'This session has ended', refusal('session', 'ended'));
}

/** A sitting that may still be started: not ended, not cancelled. */
export function requireStartable(session: SessionRow): void {
  if (session.cancelled)
    throw new AppError(ErrorCode.badRequest, 'This sitting was cancelled', refusal('session', 'cancelled'));
  requireNotEnded(session);
}

/**
 * Makes a planned sitting live (it becomes the current one). Only one sitting of an assembly is
 * live at a time: another live one is refused by name (a unique index backs this under races).
 */
export async function goLive(tx: Queryable, session: SessionRow): Promise<void> {
  requireStartable(session);
  if (session.status === 'live') return;
  const [other] = await tx.query<{ title: string }>(
    `SELECT title FROM assembly_sessions WHERE assembly_id = $1 AND status = 'live' AND id <> $2`,
    [session.assemblyId, session.id],
  );
  if (other) {
    throw new AppError(
      ErrorCode.badRequest,
      `Another sitting is live (“${other.title}”): end it before starting this one`,
      refusal('session', 'anotherLive', { title: other.title }),
    );
  }
  await setSessionStatus(tx, session.id, 'live');
}

export function requireLive(session: SessionRow): void {
  if (session.status !== 'live')
    throw new AppError(ErrorCode.badRequest, 'The session is not running', refusal('session', 'notRunning'));
}

export async function createSession(
  tx: Queryable,
  assemblyId: string,
  input: { title: string; queueMode: QueueMode; turnLimitSeconds: number },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO assembly_sessions (id, assembly_id, title, queue_mode, turn_limit_seconds) VALUES ($1, $2, $3, $4, $5)`,
    [id, assemblyId, input.title, input.queueMode, input.turnLimitSeconds],
  );
  return id;
}

export async function configureSession(
  tx: Queryable,
  sessionId: string,
  input: { queueMode?: QueueMode; turnLimitSeconds?: number },
): Promise<void> {
  await tx.query(
    `UPDATE assembly_sessions SET queue_mode = coalesce($2, queue_mode),
       turn_limit_seconds = coalesce($3, turn_limit_seconds) WHERE id = $1`,
    [sessionId, input.queueMode ?? null, input.turnLimitSeconds ?? null],
  );
}

export async function setSessionStatus(tx: Queryable, sessionId: string, status: 'live' | 'ended'): Promise<void> {
  await tx.query(
    `UPDATE assembly_sessions SET status = $2,
       started_at = CASE WHEN $2 = 'live' THEN coalesce(started_at, now()) ELSE started_at END,
       ended_at = CASE WHEN $2 = 'ended' THEN now() ELSE NULL END
     WHERE id = $1`,
    [sessionId, status],
  );
}

interface ItemRow {
  id: string;
  position: number;
  title: string;
  kind: AgendaKind;
  plannedMinutes: number;
  standardIds: string[];
  caseId: string | null;
  status: AgendaStatus;
  endsAt: Date | null;
  remainingMs: number | null;
}

export async function listAgenda(db: Queryable, sessionId: string): Promise<AgendaItemView[]> {
  const rows = await db.query<ItemRow>(
    `SELECT id, position, title, kind, planned_minutes AS "plannedMinutes", standard_ids AS "standardIds",
       case_id AS "caseId", status, ends_at AS "endsAt", remaining_ms AS "remainingMs"
     FROM agenda_items WHERE session_id = $1 AND removed_at IS NULL ORDER BY position`,
    [sessionId],
  );
  return rows.map((r) => ({ ...r, endsAt: r.endsAt ? r.endsAt.getTime() : null }));
}

export async function findItem(
  tx: Queryable,
  assemblyId: string,
  itemId: string,
): Promise<{ sessionId: string; status: AgendaStatus; plannedMinutes: number }> {
  const [row] = await tx.query<{ sessionId: string; status: AgendaStatus; plannedMinutes: number }>(
    `SELECT i.session_id AS "sessionId", i.status, i.planned_minutes AS "plannedMinutes"
     FROM agenda_items i JOIN assembly_sessions s ON s.id = i.session_id
     WHERE i.id = $1 AND s.assembly_id = $2 AND i.removed_at IS NULL`,
    [itemId, assemblyId],
  );
  if (!row)
    throw new AppError(ErrorCode.notFound, 'No such agenda item in this assembly', refusal('session', 'itemNotFound'));
  return row;
}

export async function addItem(
  tx: Queryable,
  sessionId: string,
  item: { title: string; kind: AgendaKind; plannedMinutes: number; standardIds: string[]; caseId: string | null },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO agenda_items (id, session_id, position, title, kind, planned_minutes, standard_ids, case_id)
     VALUES ($1, $2, (SELECT count(*) FROM agenda_items WHERE session_id = $2 AND removed_at IS NULL), $3, $4, $5, $6::uuid[], $7)`,
    [id, sessionId, item.title, item.kind, item.plannedMinutes, item.standardIds, item.caseId],
  );
  return id;
}

export async function reorderAgenda(tx: Queryable, sessionId: string, orderedIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE agenda_items SET position = o.position - 1
     FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position)
     WHERE agenda_items.id = o.id AND agenda_items.session_id = $1`,
    [sessionId, orderedIds],
  );
}

export async function removeItem(tx: Queryable, itemId: string): Promise<void> {
  await tx.query(`UPDATE agenda_items SET removed_at = now(), status = 'done', ends_at = NULL WHERE id = $1`, [itemId]);
}

/** Starts a pending item (deadline = now + planned) or resumes a paused one (now + what was left). */
export async function runItem(tx: Queryable, sessionId: string, itemId: string): Promise<void> {
  // Only one item runs at a time: whatever was running is paused with its time left.
  await tx.query(
    `UPDATE agenda_items SET status = 'paused',
       remaining_ms = greatest(0, (extract(epoch FROM ends_at - now()) * 1000)::integer), ends_at = NULL
     WHERE session_id = $1 AND status = 'running' AND id <> $2`,
    [sessionId, itemId],
  );
  await tx.query(
    `UPDATE agenda_items SET status = 'running',
       ends_at = now() + make_interval(secs => CASE WHEN status = 'paused' THEN coalesce(remaining_ms, 0) / 1000.0
                                                 ELSE planned_minutes * 60 END),
       remaining_ms = NULL
     WHERE id = $1 AND status IN ('pending', 'paused')`,
    [itemId],
  );
  await tx.query(`UPDATE assembly_sessions SET current_item_id = $2 WHERE id = $1`, [sessionId, itemId]);
}

export async function pauseItem(tx: Queryable, itemId: string): Promise<void> {
  await tx.query(
    `UPDATE agenda_items SET status = 'paused',
       remaining_ms = greatest(0, (extract(epoch FROM ends_at - now()) * 1000)::integer), ends_at = NULL
     WHERE id = $1 AND status = 'running'`,
    [itemId],
  );
}

/** Adds (or with a negative number, takes) minutes: to the deadline, the time left, or the plan. */
export async function extendItem(tx: Queryable, itemId: string, minutes: number): Promise<void> {
  await tx.query(
    `UPDATE agenda_items SET
       ends_at = CASE WHEN status = 'running' THEN ends_at + make_interval(mins => $2) ELSE ends_at END,
       remaining_ms = CASE WHEN status = 'paused' THEN greatest(0, remaining_ms + $2 * 60000) ELSE remaining_ms END,
       planned_minutes = CASE WHEN status = 'pending' THEN greatest(1, planned_minutes + $2) ELSE planned_minutes END
     WHERE id = $1`,
    [itemId, minutes],
  );
}

export async function endItem(tx: Queryable, sessionId: string, itemId: string): Promise<void> {
  await tx.query(`UPDATE agenda_items SET status = 'done', ends_at = NULL, remaining_ms = NULL WHERE id = $1`, [
    itemId,
  ]);
  await tx.query(`UPDATE assembly_sessions SET current_item_id = NULL WHERE id = $1 AND current_item_id = $2`, [
    sessionId,
    itemId,
  ]);
}

/** An agenda holds at most `LIMITS.maxAgendaItems` items: adding `more` must stay within it. */
export async function requireAgendaRoom(tx: Queryable, sessionId: string, more: number): Promise<void> {
  const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
    'SELECT count(*)::integer AS count FROM agenda_items WHERE session_id = $1 AND removed_at IS NULL',
    [sessionId],
  );
  if (count + more > LIMITS.maxAgendaItems) {
    throw new AppError(
      ErrorCode.limitReached,
      `An agenda holds at most ${LIMITS.maxAgendaItems} items (this one has ${count}, ${more} more asked)`,
      refusal('session', 'agendaFull', { max: LIMITS.maxAgendaItems, has: count, more }),
    );
  }
}
