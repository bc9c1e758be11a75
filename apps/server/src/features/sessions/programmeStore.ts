import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  LIMITS,
  wallTimeToInstant,
  type AgendaKind,
  type AgendaStatus,
  type PlaceKind,
  type SessionStatus,
  refusal,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';

/** A sitting as the programme stores it: a session with a schedule and a place. */
export interface SittingRow {
  id: string;
  title: string;
  status: SessionStatus;
  cancelled: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  placeKind: PlaceKind | null;
  roomName: string | null;
  roomAddress: string | null;
  onlineLink: string | null;
}

export interface ProgrammeItemRow {
  id: string;
  sessionId: string;
  title: string;
  kind: AgendaKind;
  plannedMinutes: number;
  status: AgendaStatus;
}

/** The planned fields of a sitting, as a moderator enters them (local date and times). */
export interface SittingPlan {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: PlaceKind;
  roomName: string;
  roomAddress: string;
  onlineLink: string | null;
}

export async function assemblyTimeZone(db: Queryable, assemblyId: string): Promise<string> {
  const [row] = await db.query<{ timeZone: string }>('SELECT time_zone AS "timeZone" FROM assemblies WHERE id = $1', [
    assemblyId,
  ]);
  return row?.timeZone ?? 'Europe/London';
}

export async function setAssemblyTimeZone(tx: Queryable, assemblyId: string, timeZone: string): Promise<void> {
  await tx.query('UPDATE assemblies SET time_zone = $2 WHERE id = $1', [assemblyId, timeZone]);
}

/** Every sitting of the assembly in programme order: by start, then unscheduled ones by creation. */
export async function listSittings(db: Queryable, assemblyId: string): Promise<SittingRow[]> {
  return db.query<SittingRow>(
    `SELECT id, title, status, cancelled_at IS NOT NULL AS cancelled, starts_at AS "startsAt", ends_at AS "endsAt",
       place_kind AS "placeKind", room_name AS "roomName", room_address AS "roomAddress", online_link AS "onlineLink"
     FROM assembly_sessions WHERE assembly_id = $1
     ORDER BY starts_at NULLS LAST, created_at, id`,
    [assemblyId],
  );
}

/** The agenda of every sitting of the assembly, each in its order. */
export async function listProgrammeItems(db: Queryable, assemblyId: string): Promise<ProgrammeItemRow[]> {
  return db.query<ProgrammeItemRow>(
    `SELECT i.id, i.session_id AS "sessionId", i.title, i.kind, i.planned_minutes AS "plannedMinutes", i.status
     FROM agenda_items i JOIN assembly_sessions s ON s.id = i.session_id
     WHERE s.assembly_id = $1 AND i.removed_at IS NULL ORDER BY i.session_id, i.position`,
    [assemblyId],
  );
}

/** The stored columns of a plan: instants from the local times, and only the place details its kind uses. */
function columnsOf(plan: SittingPlan, timeZone: string) {
  const startsAt = wallTimeToInstant(plan.date, plan.startTime, timeZone);
  const endsAt = wallTimeToInstant(plan.date, plan.endTime, timeZone);
  // The schema checked the wall clock; a clock change inside the sitting could still invert it.
  if (endsAt <= startsAt) {
    throw new AppError(
      ErrorCode.badRequest,
      'A sitting must end after it starts (a clock change falls in between)',
      refusal('programme', 'clockChange'),
    );
  }
  const room = plan.place !== 'online';
  return [
    plan.title,
    new Date(startsAt),
    new Date(endsAt),
    plan.place,
    room ? plan.roomName : null,
    room ? plan.roomAddress || null : null,
    plan.place !== 'room' ? plan.onlineLink : null,
  ];
}

export async function planSitting(
  tx: Queryable,
  assemblyId: string,
  plan: SittingPlan,
  timeZone: string,
): Promise<string> {
  const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
    'SELECT count(*)::integer AS count FROM assembly_sessions WHERE assembly_id = $1',
    [assemblyId],
  );
  if (count >= LIMITS.maxSittingsPerAssembly) {
    throw new AppError(
      ErrorCode.limitReached,
      `A programme holds at most ${LIMITS.maxSittingsPerAssembly} sittings`,
      refusal('programme', 'full', { max: LIMITS.maxSittingsPerAssembly }),
    );
  }
  const id = randomUUID();
  await tx.query(
    `INSERT INTO assembly_sessions (id, assembly_id, title, starts_at, ends_at, place_kind, room_name, room_address, online_link)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, assemblyId, ...columnsOf(plan, timeZone)],
  );
  return id;
}

export async function editSitting(tx: Queryable, sessionId: string, plan: SittingPlan, timeZone: string) {
  await tx.query(
    `UPDATE assembly_sessions SET title = $2, starts_at = $3, ends_at = $4, place_kind = $5, room_name = $6,
       room_address = $7, online_link = $8 WHERE id = $1`,
    [sessionId, ...columnsOf(plan, timeZone)],
  );
}

/** Two sittings exchange their start and end (one statement: each reads the other's values from before). */
export async function swapSchedules(tx: Queryable, a: string, b: string): Promise<void> {
  const [{ unscheduled } = { unscheduled: 0 }] = await tx.query<{ unscheduled: number }>(
    'SELECT count(*)::integer AS unscheduled FROM assembly_sessions WHERE id = ANY($1::uuid[]) AND starts_at IS NULL',
    [[a, b]],
  );
  if (unscheduled > 0) {
    throw new AppError(
      ErrorCode.badRequest,
      'Only sittings with a date can change places in the programme',
      refusal('programme', 'undated'),
    );
  }
  await tx.query(
    `UPDATE assembly_sessions s SET starts_at = o.starts_at, ends_at = o.ends_at FROM assembly_sessions o
     WHERE (s.id = $1 AND o.id = $2) OR (s.id = $2 AND o.id = $1)`,
    [a, b],
  );
}

export async function cancelSitting(tx: Queryable, sessionId: string): Promise<void> {
  await tx.query('UPDATE assembly_sessions SET cancelled_at = now() WHERE id = $1', [sessionId]);
}

/** Appends `from`'s items (not removed) to `to`'s agenda as pending items, in order. */
export async function copyAgenda(
  tx: Queryable,
  from: string,
  to: string,
  /** Throws if `to`'s agenda has no room for this many more items. */
  requireRoom: (count: number) => Promise<void>,
): Promise<string[]> {
  const items = await tx.query<{ id: string }>(
    'SELECT id FROM agenda_items WHERE session_id = $1 AND removed_at IS NULL ORDER BY position',
    [from],
  );
  await requireRoom(items.length);
  const pairs = items.map((item) => [item.id, randomUUID()] as const);
  if (pairs.length === 0) return [];
  // A case already decided or dismissed is not carried over: the copy is about the same topic, not the closed case.
  await tx.query(
    `INSERT INTO agenda_items (id, session_id, position, title, kind, planned_minutes, standard_ids, case_id)
     SELECT c.new_id, $1, (SELECT count(*) FROM agenda_items WHERE session_id = $1 AND removed_at IS NULL) + c.n - 1,
       i.title, i.kind, i.planned_minutes, i.standard_ids,
       CASE WHEN b.status IN ('decided', 'dismissed') THEN NULL ELSE i.case_id END
     FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS c(old_id, new_id, n)
     JOIN agenda_items i ON i.id = c.old_id LEFT JOIN breach_cases b ON b.id = i.case_id`,
    [to, pairs.map(([old]) => old), pairs.map(([, fresh]) => fresh)],
  );
  return pairs.map(([, fresh]) => fresh);
}
