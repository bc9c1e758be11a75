import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  publicName,
  type AmendmentStatus,
  type AmendmentView,
  type DissentView,
  type Role,
  type SuggestionView,
  refusal,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { listParticipants } from '../identity/participantStore.ts';

export async function proposeAmendment(
  tx: Queryable,
  a: {
    assemblyId: string;
    standardId: string;
    proposerId: string;
    text: string;
    reason: string;
    suggestion?: SuggestionView;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    'INSERT INTO amendments (id, assembly_id, standard_id, proposer_id, text, reason, suggestion) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [
      id,
      a.assemblyId,
      a.standardId,
      a.proposerId,
      a.text,
      a.reason,
      a.suggestion ? JSON.stringify(a.suggestion) : null,
    ],
  );
  return id;
}

/** An amendment as its commands need it; `suggestion` is null for new wording of the whole text. */
export interface LockedAmendment {
  id: string;
  assemblyId: string;
  standardId: string;
  text: string;
  status: AmendmentStatus;
  proposerId: string;
  suggestion: SuggestionView | null;
}

export async function lockAmendment(tx: Queryable, assemblyId: string, amendmentId: string): Promise<LockedAmendment> {
  const [row] = await tx.query<LockedAmendment>(
    `SELECT id, assembly_id AS "assemblyId", standard_id AS "standardId", text, status, proposer_id AS "proposerId", suggestion
     FROM amendments WHERE id = $1 AND assembly_id = $2 FOR UPDATE`,
    [amendmentId, assemblyId],
  );
  if (!row)
    throw new AppError(ErrorCode.notFound, 'No such amendment in this assembly', refusal('amendment', 'notFound'));
  return row;
}

export async function lockAmendmentById(tx: Queryable, amendmentId: string): Promise<LockedAmendment> {
  const [row] = await tx.query<LockedAmendment>(
    `SELECT id, assembly_id AS "assemblyId", standard_id AS "standardId", text, status, proposer_id AS "proposerId", suggestion
     FROM amendments WHERE id = $1 FOR UPDATE`,
    [amendmentId],
  );
  if (!row) throw new AppError(ErrorCode.notFound, 'No such amendment', refusal('amendment', 'notFound'));
  return row;
}

export async function cosign(
  tx: Queryable,
  table: 'amendment' | 'dissent',
  id: string,
  participantId: string,
): Promise<void> {
  const sql =
    table === 'amendment'
      ? 'INSERT INTO amendment_cosigners (amendment_id, participant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
      : 'INSERT INTO dissent_signatures (dissent_id, participant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING';
  await tx.query(sql, [id, participantId]);
}

export async function setAmendmentStatus(
  tx: Queryable,
  id: string,
  status: AmendmentStatus,
  voteId?: string,
): Promise<void> {
  await tx.query('UPDATE amendments SET status = $2, vote_id = coalesce($3, vote_id) WHERE id = $1', [
    id,
    status,
    voteId ?? null,
  ]);
}

export async function writeDissent(
  tx: Queryable,
  assemblyId: string,
  standardId: string,
  text: string,
): Promise<string> {
  const id = randomUUID();
  await tx.query('INSERT INTO dissents (id, assembly_id, standard_id, text) VALUES ($1, $2, $3, $4)', [
    id,
    assemblyId,
    standardId,
    text,
  ]);
  return id;
}

export async function findDissent(tx: Queryable, assemblyId: string, dissentId: string): Promise<void> {
  const found = await tx.query('SELECT 1 FROM dissents WHERE id = $1 AND assembly_id = $2', [dissentId, assemblyId]);
  if (found.length === 0)
    throw new AppError(
      ErrorCode.notFound,
      'No such minority report in this assembly',
      refusal('amendment', 'dissentNotFound'),
    );
}

/** Amendments and minority reports as an audience may see them (observers: pseudonyms unless opted in). */
export async function listAmendments(
  db: Queryable,
  assemblyId: string,
  audience: Role,
): Promise<{ amendments: AmendmentView[]; dissents: DissentView[] }> {
  const people = new Map(
    (await listParticipants(db, assemblyId)).map((p) => [
      p.id,
      audience === 'observer' ? publicName(p) : p.displayName,
    ]),
  );
  const name = (id: string) => people.get(id) ?? 'Unknown';
  const amendments = await db.query<{
    id: string;
    standardId: string;
    text: string;
    reason: string;
    proposerId: string;
    status: AmendmentStatus;
    voteId: string | null;
    suggestion: SuggestionView | null;
    cosigners: string[];
  }>(
    `SELECT a.id, a.standard_id AS "standardId", a.text, a.reason, a.proposer_id AS "proposerId", a.status, a.vote_id AS "voteId", a.suggestion,
       coalesce(array_agg(c.participant_id) FILTER (WHERE c.participant_id IS NOT NULL), '{}') AS cosigners
     FROM amendments a LEFT JOIN amendment_cosigners c ON c.amendment_id = a.id
     WHERE a.assembly_id = $1 GROUP BY a.id ORDER BY a.created_at`,
    [assemblyId],
  );
  const dissents = await db.query<{ id: string; standardId: string; text: string; signatories: string[] }>(
    `SELECT d.id, d.standard_id AS "standardId", d.text,
       coalesce(array_agg(s.participant_id) FILTER (WHERE s.participant_id IS NOT NULL), '{}') AS signatories
     FROM dissents d LEFT JOIN dissent_signatures s ON s.dissent_id = d.id
     WHERE d.assembly_id = $1 GROUP BY d.id ORDER BY d.created_at`,
    [assemblyId],
  );
  // Participants may tell their own signature by id; observers get names (pseudonyms) only.
  const ids = (signers: string[]) => (audience === 'observer' ? [] : signers);
  return {
    amendments: amendments.map(({ proposerId, cosigners, ...a }) => ({
      ...a,
      proposer: name(proposerId),
      cosigners: cosigners.map(name),
      signerIds: ids([proposerId, ...cosigners]),
    })),
    dissents: dissents.map((d) => ({ ...d, signatories: d.signatories.map(name), signerIds: ids(d.signatories) })),
  };
}
