import type { LeaderCase } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';
import { listCases, standardsByIds } from './caseStore.ts';

/** A leader's seat: the one case it reads and replies in, and until when. */
export interface LeaderSeat {
  participantId: string;
  caseId: string;
  deadline: Date;
  repliedAt: Date | null;
}
const COLUMNS = `l.participant_id AS "participantId", l.case_id AS "caseId", l.deadline, l.replied_at AS "repliedAt"`;

export async function insertLeaderSeat(
  tx: Queryable,
  participantId: string,
  caseId: string,
  deadline: Date,
): Promise<void> {
  await tx.query('INSERT INTO case_leaders (participant_id, case_id, deadline) VALUES ($1, $2, $3)', [
    participantId,
    caseId,
    deadline,
  ]);
}

/** The live (not revoked) leader seats of a case. */
export async function leaderSeatsOfCase(db: Queryable, caseId: string): Promise<LeaderSeat[]> {
  return db.query<LeaderSeat>(
    `SELECT ${COLUMNS} FROM case_leaders l JOIN participants p ON p.id = l.participant_id
     WHERE l.case_id = $1 AND p.revoked_at IS NULL`,
    [caseId],
  );
}

/** Every live leader seat of an assembly (to send each their case after a change). */
export async function leaderSeatsOfAssembly(db: Queryable, assemblyId: string): Promise<LeaderSeat[]> {
  return db.query<LeaderSeat>(
    `SELECT ${COLUMNS} FROM case_leaders l JOIN participants p ON p.id = l.participant_id
     WHERE p.assembly_id = $1 AND p.revoked_at IS NULL`,
    [assemblyId],
  );
}

export async function leaderSeat(db: Queryable, participantId: string): Promise<LeaderSeat | null> {
  const [row] = await db.query<LeaderSeat>(`SELECT ${COLUMNS} FROM case_leaders l WHERE l.participant_id = $1`, [
    participantId,
  ]);
  return row ?? null;
}

export async function setDeadline(tx: Queryable, caseId: string, deadline: Date): Promise<void> {
  await tx.query('UPDATE case_leaders SET deadline = $2 WHERE case_id = $1', [caseId, deadline]);
}

export async function markReplied(tx: Queryable, participantId: string): Promise<void> {
  await tx.query('UPDATE case_leaders SET replied_at = now() WHERE participant_id = $1', [participantId]);
}

/**
 * What a leader sees: their one case exactly as the public sees it (`listCases` for observers:
 * pseudonyms, no ballots), the cited standards' titles, their deadline, and the agenda items
 * about the case (a hearing) with their sitting's planned start. Nothing else of the assembly.
 */
export async function leaderView(db: Queryable, assemblyId: string, seat: LeaderSeat): Promise<LeaderCase | null> {
  const found = (await listCases(db, assemblyId, 'observer')).find((c) => c.id === seat.caseId);
  if (!found) return null;
  const [standards, hearings] = await Promise.all([
    standardsByIds(db, assemblyId, found.standardIds),
    db.query<{ title: string; status: string; startsAt: Date | null }>(
      `SELECT i.title, i.status, coalesce(s.starts_at, s.started_at) AS "startsAt" FROM agenda_items i
         JOIN assembly_sessions s ON s.id = i.session_id
       WHERE i.case_id = $1 AND s.assembly_id = $2 AND i.removed_at IS NULL
       ORDER BY 3 NULLS LAST, i.position`,
      [seat.caseId, assemblyId],
    ),
  ]);
  return {
    case: found,
    standards: standards.map((s) => ({ id: s.id, title: s.title })),
    deadline: seat.deadline.getTime(),
    repliedAt: seat.repliedAt?.getTime() ?? null,
    hearings: hearings.map((h) => ({ title: h.title, status: h.status, startsAt: h.startsAt?.getTime() ?? null })),
  };
}
