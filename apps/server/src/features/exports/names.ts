import { isPublicFigure, pseudonym, publicName, type Role } from '@moot/protocol';

/** The exports' (English) words for the roles the public sees named: facilitators are public figures. */
const PUBLIC_FIGURES: Record<string, string> = { moderator: 'moderator', facilitator: 'facilitator' };

/**
 * How the public record names someone: a moderator or facilitator by role and name ("moderator
 * Alex Smith"), anyone else as `publicName` has it ("Member 4", or their name if they chose).
 * The one helper for every public naming in the exports and the audit log.
 */
export function namedInPublic(p: {
  role: string;
  seat: number;
  displayName: string | null;
  showName: boolean;
}): string {
  const name = publicName(p);
  return isPublicFigure(p.role) && p.displayName ? withRole(p.role, name) : name;
}

/** A name the record already holds, with the role the public sees it in. */
export const withRole = (role: string, name: string): string =>
  PUBLIC_FIGURES[role] ? `${PUBLIC_FIGURES[role]} ${name}` : name;
import type { Queryable } from '../../storage/database.ts';

/** Everyone who ever held a seat in the assembly (revoked ones included: the record keeps what they did), as names are made from. */
export interface SeatHolder {
  id: string;
  role: string;
  seat: number;
  displayName: string | null;
  showName: boolean;
}
export const participantsOf = (db: Queryable, assemblyId: string): Promise<SeatHolder[]> =>
  db.query<SeatHolder>(
    `SELECT id, role, seat, display_name AS "displayName", show_name AS "showName" FROM participants WHERE assembly_id = $1`,
    [assemblyId],
  );

/**
 * Names as a reader may see them, for everyone who ever took part (revoked invites included,
 * since the record keeps what they did): observers see "Member {seat}" unless the participant
 * chose to show their name, as on the live pages, and moderators and facilitators by role and name.
 */
export async function participantNames(
  db: Queryable,
  assemblyId: string,
  audience: Role,
): Promise<(participantId: string) => string | null> {
  const rows = await participantsOf(db, assemblyId);
  const names = new Map(
    rows.map((p) => [p.id, audience === 'observer' ? namedInPublic(p) : (p.displayName ?? pseudonym(p.seat))]),
  );
  return (id) => names.get(id) ?? null;
}

/**
 * What the audit log's targets are called, by id: standards, sessions, agenda items and votes by
 * their own titles; amendments, minority reports and comments by their standard's title; breach
 * cases as "Case 3: <the role concerned>".
 */
export async function targetTitles(db: Queryable, assemblyId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; title: string }>(
    `SELECT id::text, title FROM standards WHERE assembly_id = $1
     UNION ALL SELECT id::text, title FROM assembly_sessions WHERE assembly_id = $1
     UNION ALL SELECT i.id::text, i.title FROM agenda_items i
       JOIN assembly_sessions s ON s.id = i.session_id WHERE s.assembly_id = $1
     UNION ALL SELECT id::text, question FROM votes WHERE assembly_id = $1
     UNION ALL SELECT x.id::text, s.title FROM amendments x JOIN standards s ON s.id = x.standard_id WHERE x.assembly_id = $1
     UNION ALL SELECT x.id::text, s.title FROM dissents x JOIN standards s ON s.id = x.standard_id WHERE x.assembly_id = $1
     UNION ALL SELECT x.id::text, s.title FROM comments x JOIN standards s ON s.id = x.standard_id WHERE x.assembly_id = $1
     UNION ALL SELECT id::text, 'Case ' || number || ': ' || respondent_role FROM breach_cases WHERE assembly_id = $1
     UNION ALL SELECT id::text, 'A statement for the report' FROM report_statements WHERE assembly_id = $1`,
    [assemblyId],
  );
  return new Map(rows.map((r) => [r.id, r.title]));
}
