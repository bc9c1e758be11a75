import { randomInt, randomUUID } from 'node:crypto';
import { ErrorCode, refusal } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { closeGroupFloors } from './floorStore.ts';

export const padDocId = (groupId: string): string => `pad:${groupId}`;

export interface GroupRow {
  id: string;
  sessionId: string;
  number: number;
  standardIds: string[];
  memberIds: string[];
  facilitatorIds: string[];
  noteTakerIds: string[];
  ended: boolean;
}

/** The group's hosts (facilitators and note-takers), by role, as SQL columns of a group `g`. */
const HOST_COLUMNS = `
  coalesce((SELECT array_agg(h.participant_id ORDER BY p.seat) FROM group_hosts h JOIN participants p ON p.id = h.participant_id
    WHERE h.group_id = g.id AND p.role = 'facilitator'), '{}') AS "facilitatorIds",
  coalesce((SELECT array_agg(h.participant_id ORDER BY p.seat) FROM group_hosts h JOIN participants p ON p.id = h.participant_id
    WHERE h.group_id = g.id AND p.role = 'note_taker'), '{}') AS "noteTakerIds"`;

/** The groups of the session's latest split (running or ended). */
export async function latestGroups(db: Queryable, sessionId: string): Promise<GroupRow[]> {
  return db.query<GroupRow>(
    `SELECT g.id, g.session_id AS "sessionId", g.number, g.standard_ids AS "standardIds", g.ended_at IS NOT NULL AS ended,
       coalesce(array_agg(m.participant_id) FILTER (WHERE m.participant_id IS NOT NULL), '{}') AS "memberIds",
       ${HOST_COLUMNS}
     FROM groups g LEFT JOIN group_members m ON m.group_id = g.id
     WHERE g.session_id = $1 AND g.round = (SELECT max(round) FROM groups WHERE session_id = $1)
     GROUP BY g.id ORDER BY g.number`,
    [sessionId],
  );
}

interface FoundGroup {
  assemblyId: string;
  sessionId: string;
  ended: boolean;
  memberIds: string[];
  /** Its facilitators and note-takers. */
  hostIds: string[];
}

export async function findGroup(db: Queryable, groupId: string): Promise<FoundGroup | null> {
  const [row] = await db.query<FoundGroup>(
    `SELECT s.assembly_id AS "assemblyId", g.session_id AS "sessionId", g.ended_at IS NOT NULL AS ended,
       coalesce(array_agg(m.participant_id) FILTER (WHERE m.participant_id IS NOT NULL), '{}') AS "memberIds",
       coalesce((SELECT array_agg(h.participant_id) FROM group_hosts h WHERE h.group_id = g.id), '{}') AS "hostIds"
     FROM groups g JOIN assembly_sessions s ON s.id = g.session_id LEFT JOIN group_members m ON m.group_id = g.id
     WHERE g.id = $1 GROUP BY g.id, s.assembly_id`,
    [groupId],
  );
  return row ?? null;
}

/** Fisher–Yates with a cryptographic source, then dealt round-robin: sizes differ by at most one. */
export function dealIntoGroups<T>(people: readonly T[], count: number): T[][] {
  const shuffled = [...people];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const groups: T[][] = Array.from({ length: count }, () => []);
  shuffled.forEach((person, i) => groups[i % count]!.push(person));
  return groups;
}

export async function formGroups(
  tx: Queryable,
  sessionId: string,
  memberIds: string[],
  count: number,
  standardsFor: (groupIndex: number) => string[],
  /** Facilitators and note-takers present, each list dealt one per group in turn. */
  hosts: { facilitators: string[]; noteTakers: string[] } = { facilitators: [], noteTakers: [] },
  /** How the members are split: a fair random deal unless told otherwise (the balanced planner). */
  deal: (memberIds: string[], count: number) => string[][] = dealIntoGroups,
): Promise<void> {
  if (memberIds.length < count) {
    throw new AppError(
      ErrorCode.badRequest,
      `Only ${memberIds.length} members are present for ${count} groups`,
      refusal('group', 'tooFewPresent', { present: memberIds.length, groups: count }),
    );
  }
  await endGroups(tx, sessionId);
  const [{ round } = { round: 1 }] = await tx.query<{ round: number }>(
    'SELECT coalesce(max(round), 0) + 1 AS round FROM groups WHERE session_id = $1',
    [sessionId],
  );
  const facilitators = dealIntoGroups(hosts.facilitators, count);
  const noteTakers = dealIntoGroups(hosts.noteTakers, count);
  for (const [index, members] of deal(memberIds, count).entries()) {
    const id = randomUUID();
    const groupHosts = [...facilitators[index]!, ...noteTakers[index]!];
    await tx.query(
      'INSERT INTO groups (id, session_id, round, number, standard_ids) VALUES ($1, $2, $3, $4, $5::uuid[])',
      [id, sessionId, round, index + 1, standardsFor(index)],
    );
    await tx.query('INSERT INTO group_members (group_id, participant_id) SELECT $1, unnest($2::uuid[])', [id, members]);
    await tx.query('INSERT INTO group_hosts (group_id, participant_id) SELECT $1, unnest($2::uuid[])', [
      id,
      groupHosts,
    ]);
  }
}

/**
 * Puts a participant in a running group of the session and takes them out of any other: as a
 * member (`group_members`) or as its host (`group_hosts`, facilitators and note-takers).
 */
async function placeInGroup(
  tx: Queryable,
  table: 'group_members' | 'group_hosts',
  { sessionId, participantId, groupId }: { sessionId: string; participantId: string; groupId: string },
): Promise<void> {
  // A member moved out of a group leaves its queue (their hand does not follow them).
  if (table === 'group_members') {
    const from = await tx.query<{ id: string }>(
      `SELECT g.id FROM groups g JOIN group_members m ON m.group_id = g.id
       WHERE g.session_id = $1 AND g.ended_at IS NULL AND m.participant_id = $2 AND g.id <> $3`,
      [sessionId, participantId, groupId],
    );
    await closeGroupFloors(
      tx,
      from.map((g) => g.id),
      participantId,
    );
  }
  const target = await tx.query('SELECT 1 FROM groups WHERE id = $1 AND session_id = $2 AND ended_at IS NULL', [
    groupId,
    sessionId,
  ]);
  if (target.length === 0)
    throw new AppError(ErrorCode.notFound, 'No such running group in this session', refusal('group', 'groupNotFound'));
  await tx.query(
    `DELETE FROM ${table} WHERE participant_id = $2
       AND group_id IN (SELECT id FROM groups WHERE session_id = $1 AND ended_at IS NULL)`,
    [sessionId, participantId],
  );
  await tx.query(`INSERT INTO ${table} (group_id, participant_id) VALUES ($1, $2)`, [groupId, participantId]);
}

/** Moves a member into a running group of the session (out of whichever they were in). */
export const moveToGroup = (tx: Queryable, sessionId: string, participantId: string, groupId: string) =>
  placeInGroup(tx, 'group_members', { sessionId, participantId, groupId });

/** Makes a facilitator or note-taker host a running group of the session (and no other). */
export const moveHost = (tx: Queryable, sessionId: string, participantId: string, groupId: string) =>
  placeInGroup(tx, 'group_hosts', { sessionId, participantId, groupId });

/**
 * While groups run: the running group `memberId` is in, and who hosts it. Null when no groups
 * run (or the member is in none of them): `running` says which.
 */
export async function runningGroupOf(
  db: Queryable,
  sessionId: string,
  memberId: string,
): Promise<{ running: boolean; group: { id: string; hostIds: string[] } | null }> {
  const rows = await db.query<{ id: string; hasMember: boolean; hostIds: string[] }>(
    `SELECT g.id, EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.participant_id = $2) AS "hasMember",
       coalesce((SELECT array_agg(h.participant_id) FROM group_hosts h WHERE h.group_id = g.id), '{}') AS "hostIds"
     FROM groups g WHERE g.session_id = $1 AND g.ended_at IS NULL`,
    [sessionId, memberId],
  );
  const group = rows.find((r) => r.hasMember);
  return { running: rows.length > 0, group: group ? { id: group.id, hostIds: group.hostIds } : null };
}

export async function endGroups(tx: Queryable, sessionId: string): Promise<number> {
  const ended = await tx.query<{ id: string }>(
    'UPDATE groups SET ended_at = now() WHERE session_id = $1 AND ended_at IS NULL RETURNING id',
    [sessionId],
  );
  // Their queues close with them: nobody waits on, or holds, a group's floor after it ends.
  await closeGroupFloors(
    tx,
    ended.map((g) => g.id),
  );
  return ended.length;
}

/**
 * Every earlier split of the assembly's members into groups, any sitting, any round (each a list
 * of groups of member ids), leaving out the groups named in `except` (the split being judged).
 */
export async function groupHistory(
  db: Queryable,
  assemblyId: string,
  except: readonly string[] = [],
): Promise<string[][][]> {
  const rows = await db.query<{ sessionId: string; round: number; memberIds: string[] }>(
    `SELECT g.session_id AS "sessionId", g.round,
       coalesce(array_agg(m.participant_id) FILTER (WHERE m.participant_id IS NOT NULL), '{}') AS "memberIds"
     FROM groups g JOIN assembly_sessions s ON s.id = g.session_id LEFT JOIN group_members m ON m.group_id = g.id
     WHERE s.assembly_id = $1 AND NOT (g.id = ANY($2::uuid[]))
     GROUP BY g.id ORDER BY g.session_id, g.round, g.number`,
    [assemblyId, except],
  );
  const splits = new Map<string, string[][]>();
  for (const row of rows) {
    const key = `${row.sessionId}/${row.round}`;
    splits.set(key, [...(splits.get(key) ?? []), row.memberIds]);
  }
  return [...splits.values()];
}
