import { randomUUID } from 'node:crypto';
import type { ProgressState, ResponseStance, Tracker } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';

/**
 * The institution's responses and its progress updates, per adopted standard. Read whole for
 * everyone (it is public); written only by respondent seats (`accountabilityCommands.ts`).
 */
export async function readTracker(db: Queryable, assemblyId: string): Promise<Tracker> {
  const [standards, responses, updates, reported] = await Promise.all([
    db.query<{ id: string; title: string }>(
      `SELECT id, title FROM standards WHERE assembly_id = $1 AND removed_at IS NULL AND status = 'adopted'
       ORDER BY position, created_at`,
      [assemblyId],
    ),
    db.query<{
      standardId: string;
      stance: ResponseStance;
      reasons: string;
      timeline: string;
      by: string | null;
      publishedAt: Date;
      revisedAt: Date | null;
    }>(
      `SELECT r.standard_id AS "standardId", r.stance, r.reasons, r.timeline, p.display_name AS by,
         r.published_at AS "publishedAt", r.revised_at AS "revisedAt"
       FROM standard_responses r JOIN participants p ON p.id = r.by_participant WHERE r.assembly_id = $1`,
      [assemblyId],
    ),
    db.query<{
      id: string;
      standardId: string;
      state: ProgressState;
      on: string;
      note: string;
      links: string[];
      postedAt: Date;
    }>(
      `SELECT id, standard_id AS "standardId", state, to_char(happened_on, 'YYYY-MM-DD') AS "on", note, links,
         posted_at AS "postedAt"
       FROM progress_updates WHERE assembly_id = $1 ORDER BY happened_on DESC, posted_at DESC`,
      [assemblyId],
    ),
    db.query<{ at: Date | null }>(
      `SELECT min(created_at) AS at FROM participants WHERE assembly_id = $1 AND role = 'respondent'`,
      [assemblyId],
    ),
  ]);
  const byStandard = new Map(responses.map((r) => [r.standardId, r]));
  return {
    reportedAt: reported[0]?.at?.getTime() ?? null,
    standards: standards.map((s) => {
      const r = byStandard.get(s.id);
      return {
        standardId: s.id,
        title: s.title,
        response: r
          ? {
              stance: r.stance,
              reasons: r.reasons,
              timeline: r.timeline,
              by: r.by ?? '',
              publishedAt: r.publishedAt.getTime(),
              revisedAt: r.revisedAt?.getTime() ?? null,
            }
          : null,
        updates: updates
          .filter((u) => u.standardId === s.id)
          .map((u) => ({
            id: u.id,
            state: u.state,
            on: u.on,
            note: u.note,
            links: u.links,
            postedAt: u.postedAt.getTime(),
          })),
      };
    }),
  };
}

/** The standard, locked, if it is an adopted standard of this assembly; null otherwise. */
export async function adoptedStandard(
  tx: Queryable,
  assemblyId: string,
  standardId: string,
): Promise<{ title: string; status: string } | null> {
  const [row] = await tx.query<{ title: string; status: string }>(
    `SELECT title, status FROM standards WHERE id = $1 AND assembly_id = $2 AND removed_at IS NULL FOR UPDATE`,
    [standardId, assemblyId],
  );
  return row ?? null;
}

/** The response to one standard as it stands, if any (the audit entry keeps what it replaced). */
export async function currentResponse(
  tx: Queryable,
  standardId: string,
): Promise<{ stance: ResponseStance; reasons: string; timeline: string } | null> {
  const [row] = await tx.query<{ stance: ResponseStance; reasons: string; timeline: string }>(
    'SELECT stance, reasons, timeline FROM standard_responses WHERE standard_id = $1',
    [standardId],
  );
  return row ?? null;
}

export async function saveResponse(
  tx: Queryable,
  r: { assemblyId: string; standardId: string; stance: ResponseStance; reasons: string; timeline: string; by: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO standard_responses (standard_id, assembly_id, stance, reasons, timeline, by_participant)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (standard_id) DO UPDATE SET stance = $3, reasons = $4, timeline = $5, by_participant = $6,
       revised_at = now()`,
    [r.standardId, r.assemblyId, r.stance, r.reasons, r.timeline, r.by],
  );
}

export async function countUpdates(tx: Queryable, standardId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM progress_updates WHERE standard_id = $1',
    [standardId],
  );
  return row?.n ?? 0;
}

export async function insertUpdate(
  tx: Queryable,
  u: {
    assemblyId: string;
    standardId: string;
    state: ProgressState;
    on: string;
    note: string;
    links: string[];
    by: string;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO progress_updates (id, assembly_id, standard_id, state, happened_on, note, links, by_participant)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, u.assemblyId, u.standardId, u.state, u.on, u.note, JSON.stringify(u.links), u.by],
  );
  return id;
}

export async function countRespondents(tx: Queryable, assemblyId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM participants WHERE assembly_id = $1 AND role = 'respondent' AND revoked_at IS NULL`,
    [assemblyId],
  );
  return row?.n ?? 0;
}
