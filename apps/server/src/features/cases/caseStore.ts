import { randomUUID } from 'node:crypto';
import {
  caseDocId,
  ErrorCode,
  refusal,
  type CaseDecision,
  type CaseStatus,
  type CaseView,
  type Evidence,
  type Role,
  type VoteResult,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { publicName } from '../assemblies/snapshot.ts';
import { listParticipants } from '../identity/participantStore.ts';
import { consequenceOptions } from './caseOptions.ts';

/** A case as stored. The decision is kept whole (reasoning and tally) when the vote decides it. */
export interface CaseRow {
  id: string;
  number: number;
  respondentRole: string;
  respondentName: string | null;
  standardIds: string[];
  summary: string;
  evidence: Evidence[];
  reply: string | null;
  replyAt: Date | null;
  status: CaseStatus;
  dismissalReason: string | null;
  decision: Omit<CaseDecision, 'decidedAt'> | null;
  openedBy: string;
  openedAt: Date;
  hearingAt: Date | null;
  deliberatingAt: Date | null;
  closedAt: Date | null;
}
const COLUMNS = `id, number, respondent_role AS "respondentRole", respondent_name AS "respondentName",
  standard_ids AS "standardIds", summary, evidence, reply, reply_at AS "replyAt", status,
  dismissal_reason AS "dismissalReason", decision, opened_by AS "openedBy", opened_at AS "openedAt",
  hearing_at AS "hearingAt", deliberating_at AS "deliberatingAt", closed_at AS "closedAt"`;

/** Opens a case, numbered 1, 2, … within the assembly (serialised on the assembly's row). */
export async function insertCase(
  tx: Queryable,
  c: {
    assemblyId: string;
    openedBy: string;
    respondent: { role: string; name: string | null };
    standardIds: string[];
    summary: string;
    evidence: Evidence[];
  },
): Promise<{ id: string; number: number }> {
  await tx.query('SELECT id FROM assemblies WHERE id = $1 FOR UPDATE', [c.assemblyId]);
  const [{ next } = { next: 1 }] = await tx.query<{ next: number }>(
    'SELECT coalesce(max(number), 0)::int + 1 AS next FROM breach_cases WHERE assembly_id = $1',
    [c.assemblyId],
  );
  const id = randomUUID();
  await tx.query(
    `INSERT INTO breach_cases (id, assembly_id, number, respondent_role, respondent_name, standard_ids, summary, evidence, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      c.assemblyId,
      next,
      c.respondent.role,
      c.respondent.name,
      c.standardIds,
      c.summary,
      JSON.stringify(c.evidence),
      c.openedBy,
    ],
  );
  return { id, number: next };
}

/** Reads a case and locks its row until the transaction ends: one change to a case at a time, on any node. */
export async function lockCase(tx: Queryable, caseId: string, assemblyId?: string): Promise<CaseRow> {
  const [row] = await tx.query<CaseRow>(
    `SELECT ${COLUMNS} FROM breach_cases WHERE id = $1 AND ($2::uuid IS NULL OR assembly_id = $2) FOR UPDATE`,
    [caseId, assemblyId ?? null],
  );
  if (!row) throw new AppError(ErrorCode.notFound, 'No such case in this assembly', refusal('case', 'notFound'));
  return row;
}

/** A case's status, for deciding who may edit its reasoning; null if it is not this assembly's. */
export async function caseStatus(db: Queryable, assemblyId: string, caseId: string): Promise<CaseStatus | null> {
  const [row] = await db.query<{ status: CaseStatus }>(
    'SELECT status FROM breach_cases WHERE id = $1 AND assembly_id = $2',
    [caseId, assemblyId],
  );
  return row?.status ?? null;
}

const STAMP: Partial<Record<CaseStatus, string>> = {
  hearing: 'hearing_at',
  deliberating: 'deliberating_at',
  decided: 'closed_at',
  dismissed: 'closed_at',
};

export async function setCaseStatus(
  tx: Queryable,
  caseId: string,
  status: CaseStatus,
  extra: { dismissalReason?: string; decision?: Omit<CaseDecision, 'decidedAt'> } = {},
): Promise<void> {
  const stamp = STAMP[status];
  await tx.query(
    `UPDATE breach_cases SET status = $2, dismissal_reason = coalesce($3, dismissal_reason),
       decision = coalesce($4::jsonb, decision)${stamp ? `, ${stamp} = now()` : ''}
     WHERE id = $1`,
    [caseId, status, extra.dismissalReason ?? null, extra.decision ? JSON.stringify(extra.decision) : null],
  );
}

export async function setReply(tx: Queryable, caseId: string, reply: string): Promise<void> {
  await tx.query('UPDATE breach_cases SET reply = $2, reply_at = now() WHERE id = $1', [caseId, reply]);
}

/** Appends one piece of evidence to a case's list. */
export async function addEvidence(tx: Queryable, caseId: string, evidence: Evidence): Promise<void> {
  await tx.query('UPDATE breach_cases SET evidence = evidence || jsonb_build_array($2::jsonb) WHERE id = $1', [
    caseId,
    JSON.stringify(evidence),
  ]);
}

/** The consequence votes held on a case, oldest first. */
interface CaseVoteRow {
  id: string;
  caseId: string;
  status: 'open' | 'closed';
  result: VoteResult | null;
}
async function consequenceVotes(db: Queryable, assemblyId: string): Promise<CaseVoteRow[]> {
  return db.query<CaseVoteRow>(
    `SELECT id, subject_id AS "caseId", status, result FROM votes
     WHERE assembly_id = $1 AND subject = 'consequence' ORDER BY opened_at`,
    [assemblyId],
  );
}

export async function openConsequenceVote(db: Queryable, caseId: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `SELECT id FROM votes WHERE subject = 'consequence' AND subject_id = $1 AND status = 'open'`,
    [caseId],
  );
  return row?.id ?? null;
}

/** The standards a case may cite or has cited, removed ones included (the record keeps their titles). */
export async function standardsByIds(
  db: Queryable,
  assemblyId: string,
  ids: readonly string[],
): Promise<{ id: string; title: string; status: string; ladder: string[]; removed: boolean }[]> {
  const rows = await db.query<{ id: string; title: string; status: string; ladder: string[]; removed: boolean }>(
    `SELECT id, title, status, ladder, removed_at IS NOT NULL AS removed FROM standards
     WHERE assembly_id = $1 AND id = ANY($2::uuid[])`,
    [assemblyId, ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every case of the assembly as an audience sees it: observers get pseudonyms for participants. */
export async function listCases(db: Queryable, assemblyId: string, audience: Role): Promise<CaseView[]> {
  const rows = await db.query<CaseRow>(`SELECT ${COLUMNS} FROM breach_cases WHERE assembly_id = $1 ORDER BY number`, [
    assemblyId,
  ]);
  if (rows.length === 0) return [];
  const [participants, votes, standards] = await Promise.all([
    listParticipants(db, assemblyId),
    consequenceVotes(db, assemblyId),
    standardsByIds(db, assemblyId, [...new Set(rows.flatMap((r) => r.standardIds))]),
  ]);
  const names = new Map(participants.map((p) => [p.id, audience === 'observer' ? publicName(p) : p.displayName]));
  const ladders = new Map(standards.map((s) => [s.id, s.ladder]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    respondent: { role: r.respondentRole, name: r.respondentName },
    standardIds: r.standardIds,
    summary: r.summary,
    evidence: r.evidence,
    reply: r.reply === null ? null : { text: r.reply, recordedAt: r.replyAt!.getTime() },
    status: r.status,
    dismissalReason: r.dismissalReason,
    openedBy: names.get(r.openedBy) ?? 'Unknown',
    openedAt: r.openedAt.getTime(),
    hearingAt: r.hearingAt?.getTime() ?? null,
    deliberatingAt: r.deliberatingAt?.getTime() ?? null,
    closedAt: r.closedAt?.getTime() ?? null,
    docId: caseDocId(r.id),
    options: consequenceOptions(r.standardIds.map((id) => ladders.get(id) ?? [])),
    votes: votes
      .filter((v) => v.caseId === r.id)
      .map((v) => ({
        voteId: v.id,
        status: v.status,
        explanation: v.status === 'closed' ? (v.result?.explanation ?? null) : null,
        because: v.status === 'closed' ? (v.result?.because ?? null) : null,
        decided: r.decision?.voteId === v.id,
      })),
    decision: r.decision && r.closedAt ? { ...r.decision, decidedAt: r.closedAt.getTime() } : null,
  }));
}
