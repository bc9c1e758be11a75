import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  EVIDENCE_LIMITS,
  evidenceReason,
  type EvidenceEntryFields,
  type EvidenceEntryView,
  type ExpertSessionView,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';

/** The library's SQL: entries, the agenda items that are expert sessions, and citations. */

const ENTRY_COLUMNS = `id, number, kind, title, speaker, affiliation, interests, summary, easy_read AS "easyRead",
  links, balance, added_at AS "addedAt", updated_at AS "updatedAt"`;

type EntryRow = Omit<EvidenceEntryView, 'addedAt' | 'updatedAt'> & { addedAt: Date; updatedAt: Date };

const toView = (r: EntryRow): EvidenceEntryView => ({
  ...r,
  links: Array.isArray(r.links) ? r.links : [],
  addedAt: r.addedAt.getTime(),
  updatedAt: r.updatedAt.getTime(),
});

export const entryNotFound = () =>
  new AppError(ErrorCode.notFound, 'No such entry in this assembly’s library', evidenceReason('entryNotFound'));

/** Adds an entry, numbered after the last; the assembly's row lock keeps the count and numbers exact across nodes. */
export async function addEntry(
  tx: Queryable,
  a: { assemblyId: string; by: string; entry: EvidenceEntryFields },
): Promise<{ id: string; number: number }> {
  await tx.query('SELECT id FROM assemblies WHERE id = $1 FOR UPDATE', [a.assemblyId]);
  const [{ count, last } = { count: 0, last: 0 }] = await tx.query<{ count: number; last: number }>(
    'SELECT count(*)::int AS count, coalesce(max(number), 0)::int AS last FROM evidence_entries WHERE assembly_id = $1',
    [a.assemblyId],
  );
  if (count >= EVIDENCE_LIMITS.maxEntriesPerAssembly) {
    throw new AppError(
      ErrorCode.limitReached,
      `A library holds at most ${EVIDENCE_LIMITS.maxEntriesPerAssembly} entries`,
      evidenceReason('libraryFull', { max: EVIDENCE_LIMITS.maxEntriesPerAssembly }),
    );
  }
  const id = randomUUID();
  const e = a.entry;
  await tx.query(
    `INSERT INTO evidence_entries (id, assembly_id, number, kind, title, speaker, affiliation, interests, summary,
       easy_read, links, balance, added_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      a.assemblyId,
      last + 1,
      e.kind,
      e.title,
      e.speaker,
      e.affiliation,
      e.interests,
      e.summary,
      e.easyRead,
      JSON.stringify(e.links),
      e.balance,
      a.by,
    ],
  );
  return { id, number: last + 1 };
}

export async function editEntry(
  tx: Queryable,
  a: { assemblyId: string; entryId: string; entry: EvidenceEntryFields },
): Promise<void> {
  const e = a.entry;
  const rows = await tx.query(
    `UPDATE evidence_entries SET kind = $3, title = $4, speaker = $5, affiliation = $6, interests = $7, summary = $8,
       easy_read = $9, links = $10, balance = $11, updated_at = now()
     WHERE id = $1 AND assembly_id = $2 RETURNING id`,
    [
      a.entryId,
      a.assemblyId,
      e.kind,
      e.title,
      e.speaker,
      e.affiliation,
      e.interests,
      e.summary,
      e.easyRead,
      JSON.stringify(e.links),
      e.balance,
    ],
  );
  if (rows.length === 0) throw entryNotFound();
  // A briefing paper has no speaker: it can no longer be an expert session's.
  if (e.kind !== 'talk') await tx.query('DELETE FROM expert_sessions WHERE entry_id = $1', [a.entryId]);
}

export async function findEntry(
  db: Queryable,
  assemblyId: string,
  entryId: string,
): Promise<{ kind: string; title: string } | null> {
  const [row] = await db.query<{ kind: string; title: string }>(
    'SELECT kind, title FROM evidence_entries WHERE id = $1 AND assembly_id = $2',
    [entryId, assemblyId],
  );
  return row ?? null;
}

export async function listEntries(db: Queryable, assemblyId: string): Promise<EvidenceEntryView[]> {
  const rows = await db.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM evidence_entries WHERE assembly_id = $1 ORDER BY number`,
    [assemblyId],
  );
  return rows.map(toView);
}

/** An agenda item of this assembly (not removed): its state and titles. */
export async function findAgendaItem(
  db: Queryable,
  assemblyId: string,
  itemId: string,
): Promise<{ status: ExpertSessionView['status'] } | null> {
  const [row] = await db.query<{ status: ExpertSessionView['status'] }>(
    `SELECT i.status FROM agenda_items i JOIN assembly_sessions s ON s.id = i.session_id
     WHERE i.id = $1 AND s.assembly_id = $2 AND i.removed_at IS NULL`,
    [itemId, assemblyId],
  );
  return row ?? null;
}

export async function setExpertSession(
  tx: Queryable,
  a: { assemblyId: string; itemId: string; entryId: string | null },
): Promise<void> {
  if (a.entryId === null) {
    await tx.query('DELETE FROM expert_sessions WHERE item_id = $1 AND assembly_id = $2', [a.itemId, a.assemblyId]);
    return;
  }
  await tx.query(
    `INSERT INTO expert_sessions (item_id, assembly_id, entry_id) VALUES ($1, $2, $3)
     ON CONFLICT (item_id) DO UPDATE SET entry_id = excluded.entry_id`,
    [a.itemId, a.assemblyId, a.entryId],
  );
}

/** The expert sessions on the agenda (items not removed), in programme order. */
export async function listExpertSessions(db: Queryable, assemblyId: string): Promise<ExpertSessionView[]> {
  return db.query<ExpertSessionView>(
    `SELECT e.item_id AS "itemId", e.entry_id AS "entryId", i.title, s.title AS sitting, i.status
     FROM expert_sessions e JOIN agenda_items i ON i.id = e.item_id JOIN assembly_sessions s ON s.id = i.session_id
     WHERE e.assembly_id = $1 AND i.removed_at IS NULL
     ORDER BY coalesce(s.starts_at, s.created_at), i.position`,
    [assemblyId],
  );
}

/** Whether an agenda item of this assembly is an expert session, and its state. */
export async function findExpertSession(
  db: Queryable,
  assemblyId: string,
  itemId: string,
): Promise<{ status: ExpertSessionView['status'] } | null> {
  const [row] = await db.query<{ status: ExpertSessionView['status'] }>(
    `SELECT i.status FROM expert_sessions e JOIN agenda_items i ON i.id = e.item_id
     WHERE e.item_id = $1 AND e.assembly_id = $2 AND i.removed_at IS NULL`,
    [itemId, assemblyId],
  );
  return row ?? null;
}

export type CitingRecord = { standardId: string } | { caseId: string };

/** Replaces what a standard or a case cites; every entry must be this assembly's. */
export async function setCitations(
  tx: Queryable,
  a: { assemblyId: string; on: CitingRecord; entryIds: string[] },
): Promise<void> {
  if (a.entryIds.length > 0) {
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM evidence_entries WHERE assembly_id = $1 AND id = ANY($2::uuid[])',
      [a.assemblyId, a.entryIds],
    );
    if (count !== a.entryIds.length) {
      throw new AppError(
        ErrorCode.notFound,
        'A cited entry is not in this assembly’s library',
        evidenceReason('citedNotFound'),
      );
    }
  }
  const [column, id] = 'standardId' in a.on ? ['standard_id', a.on.standardId] : ['case_id', a.on.caseId];
  await tx.query(`DELETE FROM evidence_citations WHERE ${column} = $1 AND assembly_id = $2`, [id, a.assemblyId]);
  for (const [position, entryId] of a.entryIds.entries()) {
    await tx.query(
      `INSERT INTO evidence_citations (assembly_id, entry_id, ${column}, position) VALUES ($1, $2, $3, $4)`,
      [a.assemblyId, entryId, id, position],
    );
  }
}

/** Every citation, by the standard or case that makes it, in the order given; removed standards left out. */
export async function listCitations(
  db: Queryable,
  assemblyId: string,
): Promise<{ standards: Record<string, string[]>; cases: Record<string, string[]> }> {
  const rows = await db.query<{ entryId: string; standardId: string | null; caseId: string | null }>(
    `SELECT c.entry_id AS "entryId", c.standard_id AS "standardId", c.case_id AS "caseId"
     FROM evidence_citations c LEFT JOIN standards s ON s.id = c.standard_id
     WHERE c.assembly_id = $1 AND (c.standard_id IS NULL OR s.removed_at IS NULL) ORDER BY c.position`,
    [assemblyId],
  );
  const standards: Record<string, string[]> = {};
  const cases: Record<string, string[]> = {};
  for (const r of rows) {
    if (r.standardId) (standards[r.standardId] ??= []).push(r.entryId);
    if (r.caseId) (cases[r.caseId] ??= []).push(r.entryId);
  }
  return { standards, cases };
}
