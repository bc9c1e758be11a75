import { randomUUID } from 'node:crypto';
import {
  LIMITS,
  refusal,
  standardDocId,
  type ErrorReason,
  type StandardStatus,
  type StandardView,
} from '@moot/protocol';
import type { Database, Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';

interface StandardRow {
  id: string;
  position: number;
  title: string;
  status: StandardStatus;
  ladder: string[];
}
const COLUMNS = 'id, position, title, status, ladder';
const toView = (row: StandardRow): StandardView => ({
  id: row.id,
  position: row.position,
  title: row.title,
  status: row.status,
  docId: standardDocId(row.id),
  ladder: row.ladder,
});

/** A refused change to the charter: its kind (which error code), and why as a code a page words (`why`). */
export class CharterError extends Error {
  constructor(
    readonly reason: 'not_found' | 'limit_reached' | 'wrong_status' | 'title_fixed',
    message: string,
    readonly why: ErrorReason,
  ) {
    super(message);
  }
}

/** The standards in the charter, in order. Removed standards stay in the table, out of the list. */
export async function listCharter(db: Queryable, assemblyId: string): Promise<StandardView[]> {
  const rows = await db.query<StandardRow>(
    `SELECT ${COLUMNS} FROM standards
     WHERE assembly_id = $1 AND removed_at IS NULL ORDER BY position, created_at`,
    [assemblyId],
  );
  return rows.map(toView);
}

export async function findStandard(
  db: Queryable,
  assemblyId: string,
  standardId: string,
): Promise<StandardView | null> {
  const [row] = await db.query<StandardRow>(
    `SELECT ${COLUMNS} FROM standards
     WHERE id = $1 AND assembly_id = $2 AND removed_at IS NULL`,
    [standardId, assemblyId],
  );
  return row ? toView(row) : null;
}

/** Charter changes serialise per assembly on its row, so positions never collide across nodes. */
async function lockCharter(tx: Queryable, assemblyId: string): Promise<void> {
  await tx.query('SELECT id FROM assemblies WHERE id = $1 FOR UPDATE', [assemblyId]);
}

export async function addStandard(
  db: Database,
  assemblyId: string,
  actorId: string,
  title: string,
): Promise<StandardView> {
  return db.transaction(async (tx) => {
    await lockCharter(tx, assemblyId);
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM standards WHERE assembly_id = $1 AND removed_at IS NULL',
      [assemblyId],
    );
    if (count >= LIMITS.maxStandardsPerAssembly) {
      throw new CharterError(
        'limit_reached',
        `A charter holds at most ${LIMITS.maxStandardsPerAssembly} standards`,
        refusal('charter', 'full', { max: LIMITS.maxStandardsPerAssembly }),
      );
    }
    const [row] = await tx.query<StandardRow>(
      `INSERT INTO standards (id, assembly_id, position, title, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [randomUUID(), assemblyId, count, title, actorId],
    );
    await recordAudit(tx, { assemblyId, actorId, action: 'standard.added', target: row!.id, detail: { title } });
    return toView(row!);
  });
}

export async function retitleStandard(
  db: Database,
  assemblyId: string,
  actorId: string,
  standardId: string,
  title: string,
): Promise<StandardView> {
  return db.transaction(async (tx) => {
    // The title is part of what was locked or voted on, as fixed as the text.
    const [row] = await tx.query<StandardRow>(
      `UPDATE standards SET title = $3 WHERE id = $1 AND assembly_id = $2 AND removed_at IS NULL
         AND status = 'drafting'
       RETURNING ${COLUMNS}`,
      [standardId, assemblyId, title],
    );
    if (!row) {
      const current = await findStandard(tx, assemblyId, standardId);
      if (!current)
        throw new CharterError('not_found', 'No such standard in this charter', refusal('charter', 'standardNotFound'));
      throw new CharterError(
        'title_fixed',
        `The standard is ${current.status}: its title cannot change${current.status === 'locked' ? ' until a moderator unlocks it' : ''}`,
        refusal('charter', current.status === 'locked' ? 'titleLocked' : 'titleDecided'),
      );
    }
    await recordAudit(tx, { assemblyId, actorId, action: 'standard.retitled', target: standardId, detail: { title } });
    return toView(row);
  });
}

/** Moves a standard to `toIndex` (clamped) and renumbers the charter 0..n-1. */
export async function moveStandard(
  db: Database,
  assemblyId: string,
  actorId: string,
  standardId: string,
  toIndex: number,
): Promise<StandardView[]> {
  return db.transaction(async (tx) => {
    await lockCharter(tx, assemblyId);
    const charter = await listCharter(tx, assemblyId);
    const from = charter.findIndex((s) => s.id === standardId);
    if (from < 0)
      throw new CharterError('not_found', 'No such standard in this charter', refusal('charter', 'standardNotFound'));
    const [moved] = charter.splice(from, 1);
    const to = Math.min(toIndex, charter.length);
    charter.splice(to, 0, moved!);
    await renumber(tx, charter);
    await recordAudit(tx, { assemblyId, actorId, action: 'standard.moved', target: standardId, detail: { from, to } });
    return listCharter(tx, assemblyId);
  });
}

export async function removeStandard(
  db: Database,
  assemblyId: string,
  actorId: string,
  standardId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockCharter(tx, assemblyId);
    const removed = await tx.query(
      `UPDATE standards SET removed_at = now() WHERE id = $1 AND assembly_id = $2 AND removed_at IS NULL
       RETURNING id`,
      [standardId, assemblyId],
    );
    if (removed.length === 0)
      throw new CharterError('not_found', 'No such standard in this charter', refusal('charter', 'standardNotFound'));
    await renumber(tx, await listCharter(tx, assemblyId));
    await recordAudit(tx, { assemblyId, actorId, action: 'standard.removed', target: standardId });
  });
}

async function renumber(tx: Queryable, ordered: StandardView[]): Promise<void> {
  if (ordered.length === 0) return;
  await tx.query(
    `UPDATE standards SET position = ordered.position - 1
     FROM unnest($1::uuid[]) WITH ORDINALITY AS ordered(id, position) WHERE standards.id = ordered.id`,
    [ordered.map((s) => s.id)],
  );
}

/** What a standard is now, as the reason a move from another status was refused. */
const IS = { drafting: 'isDrafting', locked: 'isLocked', adopted: 'isAdopted', rejected: 'isRejected' } as const;

/**
 * Moves a standard along its lifecycle, only from the statuses given: drafting ⇄ locked by a
 * moderator, locked → adopted | rejected by the adoption vote.
 */
export async function setStandardStatus(
  tx: Queryable,
  assemblyId: string,
  standardId: string,
  from: readonly StandardStatus[],
  to: StandardStatus,
): Promise<StandardView> {
  const [row] = await tx.query<StandardRow>(
    `UPDATE standards SET status = $4 WHERE id = $1 AND assembly_id = $2 AND removed_at IS NULL AND status = ANY($3::text[])
     RETURNING ${COLUMNS}`,
    [standardId, assemblyId, from, to],
  );
  if (row) return toView(row);
  const current = await findStandard(tx, assemblyId, standardId);
  if (!current)
    throw new CharterError('not_found', 'No such standard in this charter', refusal('charter', 'standardNotFound'));
  throw new CharterError(
    'wrong_status',
    `The standard is ${current.status}; this needs it ${from.join(' or ')}`,
    refusal('charter', IS[current.status]),
  );
}

/** The consequence ladder can change until the standard is adopted or rejected. */
export async function setLadder(tx: Queryable, assemblyId: string, standardId: string, steps: string[]): Promise<void> {
  const updated = await tx.query(
    `UPDATE standards SET ladder = $3::text[] WHERE id = $1 AND assembly_id = $2 AND removed_at IS NULL
       AND status IN ('drafting', 'locked') RETURNING id`,
    [standardId, assemblyId, steps],
  );
  if (updated.length > 0) return;
  if (!(await findStandard(tx, assemblyId, standardId)))
    throw new CharterError('not_found', 'No such standard in this charter', refusal('charter', 'standardNotFound'));
  throw new CharterError(
    'wrong_status',
    'The ladder of an adopted or rejected standard cannot change',
    refusal('charter', 'ladderFixed'),
  );
}
