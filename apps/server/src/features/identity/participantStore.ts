import { randomUUID } from 'node:crypto';
import type { AssemblyView, RosterEntry, SeatRole } from '@moot/protocol';
import type { Participant } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { hashSecret, newSecret } from '../../storage/secrets.ts';

export type { Participant }; // declared with the connection it belongs to, in the core

interface ParticipantRow {
  id: string;
  assembly_id: string;
  role: SeatRole;
  seat: number;
  display_name: string | null;
  show_name: boolean;
}
const COLUMNS = 'p.id, p.assembly_id, p.role, p.seat, p.display_name, p.show_name';
const toParticipant = (row: ParticipantRow): Participant => ({
  id: row.id,
  assemblyId: row.assembly_id,
  role: row.role,
  seat: row.seat,
  displayName: row.display_name ?? `Member ${row.seat}`,
  showName: row.show_name,
  joined: row.display_name !== null,
});

/**
 * Creates a participant with the next free seat and returns their invite secret (shown once).
 * A narrow seat (a respondent, a leader) is named when it is created: the body or the leader, in
 * the moderator's words.
 */
export async function inviteParticipant(
  db: Queryable,
  assemblyId: string,
  role: SeatRole,
  displayName: string | null = null,
): Promise<{ participant: Participant; inviteSecret: string }> {
  const inviteSecret = newSecret();
  const [row] = await db.query<ParticipantRow>(
    `INSERT INTO participants (id, assembly_id, role, seat, invite_hash, display_name)
     VALUES ($1, $2, $3, (SELECT coalesce(max(seat), 0) + 1 FROM participants WHERE assembly_id = $2), $4, $5)
     RETURNING id, assembly_id, role, seat, display_name, show_name`,
    [randomUUID(), assemblyId, role, hashSecret(inviteSecret), displayName],
  );
  return { participant: toParticipant(row!), inviteSecret };
}

/**
 * Issues a new invite secret for an existing participant; the old link stops working. A link
 * with `expiresAt` (a printed invite card) stops working then too; without, it does not expire.
 */
export async function reissueInvite(
  db: Queryable,
  participantId: string,
  expiresAt: Date | null = null,
): Promise<string> {
  const inviteSecret = newSecret();
  await db.query('UPDATE participants SET invite_hash = $2, invite_expires_at = $3 WHERE id = $1', [
    participantId,
    hashSecret(inviteSecret),
    expiresAt,
  ]);
  return inviteSecret;
}

/** What an invite opens: a seat, and whether its card has expired (a printed card may; a link from the roster does not). */
export interface FoundInvite {
  participant: Participant;
  assembly: AssemblyView;
  named: boolean;
  expired: boolean;
}

export async function findInvite(db: Queryable, inviteSecret: string): Promise<FoundInvite | null> {
  return findInviteWhere(db, 'p.invite_hash = $1', hashSecret(inviteSecret));
}

/** The invite behind another key of a seat (an invite card's typed code: `features/members`), by a condition on `p`. */
export async function findInviteWhere(db: Queryable, condition: string, value: unknown): Promise<FoundInvite | null> {
  const [row] = await db.query<ParticipantRow & { title: string; charge: string; expired: boolean }>(
    `SELECT ${COLUMNS}, a.title, a.charge, coalesce(p.invite_expires_at <= now(), false) AS expired
     FROM participants p JOIN assemblies a ON a.id = p.assembly_id
     WHERE ${condition} AND p.revoked_at IS NULL`,
    [value],
  );
  if (!row) return null;
  return {
    participant: toParticipant(row),
    assembly: { id: row.assembly_id, title: row.title, charge: row.charge },
    named: row.display_name !== null,
    expired: row.expired,
  };
}

/**
 * Names a seat the first time its invite is used, and returns the seat's name. A seat keeps the
 * name it was first given: opening the same invite on another device signs that device into
 * the same seat under the same name, and never renames what the seat already said or did.
 */
export async function claimDisplayName(db: Queryable, participantId: string, displayName: string): Promise<string> {
  const [row] = await db.query<{ display_name: string }>(
    'UPDATE participants SET display_name = coalesce(display_name, $2) WHERE id = $1 RETURNING display_name',
    [participantId, displayName],
  );
  return row!.display_name;
}

/** Everyone who takes part (not revoked): narrow seats (a respondent, a leader) are never attendees, authors or voters. */
export async function listParticipants(db: Queryable, assemblyId: string): Promise<Participant[]> {
  const rows = await db.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM participants p WHERE p.assembly_id = $1 AND p.revoked_at IS NULL
       AND p.role NOT IN ('respondent', 'leader') ORDER BY p.seat`,
    [assemblyId],
  );
  return rows.map(toParticipant);
}

/** Everyone holding a seat (not revoked), for the moderators' roster: names as chosen, null until joined. */
export async function listRoster(db: Queryable, assemblyId: string): Promise<RosterEntry[]> {
  const rows = await db.query<ParticipantRow>(
    `SELECT ${COLUMNS} FROM participants p WHERE p.assembly_id = $1 AND p.revoked_at IS NULL ORDER BY p.seat`,
    [assemblyId],
  );
  return rows.map((row) => ({ participantId: row.id, seat: row.seat, role: row.role, displayName: row.display_name }));
}

/** Sessions: the cookie holds a secret; its hash finds the participant while not revoked or expired. */
export async function openSession(db: Queryable, participantId: string, lifetimeMs: number): Promise<string> {
  const token = newSecret();
  await db.query('INSERT INTO sessions (token_hash, participant_id, expires_at) VALUES ($1, $2, $3)', [
    hashSecret(token),
    participantId,
    new Date(Date.now() + lifetimeMs),
  ]);
  return token;
}

export async function findSession(
  db: Queryable,
  token: string,
): Promise<{ participant: Participant; assembly: AssemblyView; deviceId: string } | null> {
  const [row] = await db.query<ParticipantRow & { title: string; charge: string; device_id: string }>(
    `SELECT ${COLUMNS}, a.title, a.charge, s.device_id FROM sessions s
       JOIN participants p ON p.id = s.participant_id
       JOIN assemblies a ON a.id = p.assembly_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND p.revoked_at IS NULL`,
    [hashSecret(token)],
  );
  if (!row) return null;
  return {
    participant: toParticipant(row),
    assembly: { id: row.assembly_id, title: row.title, charge: row.charge },
    deviceId: row.device_id,
  };
}

export async function closeSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashSecret(token)]);
}
