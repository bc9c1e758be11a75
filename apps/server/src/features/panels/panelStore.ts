import type { Queryable } from '../../storage/database.ts';
import type { DrawInputs } from './panelDraw.ts';
import type { PanelTranscript } from '@moot/protocol';
import type { RoundedLottery } from './panelLottery.ts';

/**
 * The case panels' tables (migrations 23 and 29). `inputs` holds each pool id's categories and
 * index in the transcript, and `pool` maps pool ids to participants: both stay on the server,
 * read by the publisher (which sends only chances, the panel and each member their own index)
 * and by the organisers' export of the draw file. `transcript` is public (without the seed until
 * the draw); `server_seed` is secret until the draw, when it is published beside its commitment.
 */
export interface PanelRow {
  caseId: string;
  assemblyId: string;
  size: number;
  inputs: DrawInputs;
  inputsHash: string;
  /** pool id → participant id. */
  pool: Record<string, string>;
  lottery: RoundedLottery;
  /** The public transcript as fixed at preparation (its seed and room's numbers null); null before migration 29. */
  transcript: PanelTranscript | null;
  transcriptHash: string | null;
  serverSeed: string;
  seedCommitment: string;
  contribution: string | null;
  finalSeed: string | null;
  panel: string[] | null;
  preparedAt: Date;
  drawnAt: Date | null;
}

const COLUMNS = `case_id AS "caseId", assembly_id AS "assemblyId", size, inputs, inputs_hash AS "inputsHash", pool,
  lottery, transcript, transcript_hash AS "transcriptHash", server_seed AS "serverSeed", seed_commitment AS "seedCommitment", contribution, final_seed AS "finalSeed",
  panel, prepared_at AS "preparedAt", drawn_at AS "drawnAt"`;

export interface ConflictRow {
  caseId: string;
  participantId: string;
  reason: string | null;
  reasonPublic: boolean;
}

export async function declareConflict(tx: Queryable, conflict: ConflictRow): Promise<void> {
  await tx.query(
    `INSERT INTO case_conflicts (case_id, participant_id, reason, reason_public) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, participant_id) DO UPDATE SET reason = $3, reason_public = $4, declared_at = now()`,
    [conflict.caseId, conflict.participantId, conflict.reason, conflict.reasonPublic],
  );
}

/** Every conflict declared on the assembly's cases, in the order declared. */
export async function conflictsOf(db: Queryable, assemblyId: string): Promise<ConflictRow[]> {
  return db.query<ConflictRow>(
    `SELECT c.case_id AS "caseId", c.participant_id AS "participantId", c.reason, c.reason_public AS "reasonPublic"
     FROM case_conflicts c JOIN breach_cases b ON b.id = c.case_id
     WHERE b.assembly_id = $1 ORDER BY c.declared_at, c.participant_id`,
    [assemblyId],
  );
}

export async function panelsOf(db: Queryable, assemblyId: string): Promise<PanelRow[]> {
  return db.query<PanelRow>(`SELECT ${COLUMNS} FROM case_panels WHERE assembly_id = $1 ORDER BY prepared_at`, [
    assemblyId,
  ]);
}

/** The case's panel draw, locked until the transaction ends when `lock` (one draw at a time, on any node). */
export async function panelOf(db: Queryable, caseId: string, lock = false): Promise<PanelRow | null> {
  const [row] = await db.query<PanelRow>(
    `SELECT ${COLUMNS} FROM case_panels WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [caseId],
  );
  return row ?? null;
}

export async function insertPanel(
  tx: Queryable,
  p: Pick<
    PanelRow,
    | 'caseId'
    | 'assemblyId'
    | 'size'
    | 'inputs'
    | 'inputsHash'
    | 'pool'
    | 'lottery'
    | 'transcript'
    | 'transcriptHash'
    | 'serverSeed'
    | 'seedCommitment'
  >,
): Promise<void> {
  await tx.query(
    `INSERT INTO case_panels (case_id, assembly_id, size, inputs, inputs_hash, pool, lottery, transcript, transcript_hash,
       server_seed, seed_commitment)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      p.caseId,
      p.assemblyId,
      p.size,
      JSON.stringify(p.inputs),
      p.inputsHash,
      JSON.stringify(p.pool),
      JSON.stringify(p.lottery),
      p.transcript ? JSON.stringify(p.transcript) : null,
      p.transcriptHash,
      p.serverSeed,
      p.seedCommitment,
    ],
  );
}

export async function recordDraw(
  tx: Queryable,
  caseId: string,
  drawn: { contribution: string; finalSeed: string; panel: string[] },
): Promise<void> {
  await tx.query(
    'UPDATE case_panels SET contribution = $2, final_seed = $3, panel = $4, drawn_at = now() WHERE case_id = $1',
    [caseId, drawn.contribution, drawn.finalSeed, drawn.panel],
  );
}
