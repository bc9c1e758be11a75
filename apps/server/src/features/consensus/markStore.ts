import type { OwnMark, ParagraphMark, StandardConsensus } from '@moot/protocol';
import type { Queryable } from '../../storage/database.ts';

/** A member's mark on a paragraph: replaced when they mark it again, deleted when they withdraw. */
export async function setMark(
  db: Queryable,
  mark: { standardId: string; paragraph: string; participantId: string; mark: ParagraphMark | null; wording: string },
): Promise<void> {
  if (mark.mark === null) {
    await db.query('DELETE FROM paragraph_marks WHERE standard_id = $1 AND paragraph = $2 AND participant_id = $3', [
      mark.standardId,
      mark.paragraph,
      mark.participantId,
    ]);
    return;
  }
  await db.query(
    `INSERT INTO paragraph_marks (standard_id, paragraph, participant_id, mark, wording)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (standard_id, paragraph, participant_id)
     DO UPDATE SET mark = EXCLUDED.mark, wording = EXCLUDED.wording, marked_at = now()`,
    [mark.standardId, mark.paragraph, mark.participantId, mark.mark, mark.wording],
  );
}

export interface StoredMark {
  paragraph: string;
  participantId: string;
  mark: ParagraphMark;
  wording: string;
}

/** Every mark on one standard, by members whose seat still stands. */
export const marksOn = (db: Queryable, standardId: string): Promise<StoredMark[]> =>
  db.query<StoredMark>(
    `SELECT m.paragraph, m.participant_id AS "participantId", m.mark, m.wording
       FROM paragraph_marks m JOIN participants p ON p.id = m.participant_id
      WHERE m.standard_id = $1 AND p.revoked_at IS NULL
      ORDER BY m.participant_id, m.paragraph`,
    [standardId],
  );

/** One member's marks across the assembly's standards. */
export const ownMarks = (db: Queryable, assemblyId: string, participantId: string): Promise<OwnMark[]> =>
  db.query<OwnMark>(
    `SELECT m.standard_id AS "standardId", m.paragraph, m.mark, m.wording
       FROM paragraph_marks m JOIN standards s ON s.id = m.standard_id
      WHERE m.participant_id = $1 AND s.assembly_id = $2 AND s.removed_at IS NULL
      ORDER BY m.standard_id, m.paragraph`,
    [participantId, assemblyId],
  );

/** Whether anyone has marked this standard (a text edit changes nothing on a map nobody marked). */
export async function isMarked(db: Queryable, standardId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM paragraph_marks WHERE standard_id = $1 LIMIT 1', [standardId]);
  return rows.length > 0;
}

/**
 * Stores a standard's map; one equal to the stored map writes nothing (a recomputation after an
 * edit that changed no wording, or after a mark already counted), so `computed_at` is when the
 * map last changed. Whether it wrote.
 */
export async function saveMap(db: Queryable, map: StandardConsensus): Promise<boolean> {
  const written = await db.query(
    `INSERT INTO consensus_maps (standard_id, map) VALUES ($1, $2)
     ON CONFLICT (standard_id) DO UPDATE SET map = EXCLUDED.map, computed_at = now()
       WHERE consensus_maps.map IS DISTINCT FROM EXCLUDED.map
     RETURNING 1`,
    [map.standardId, JSON.stringify(map)],
  );
  return written.length > 0;
}

/** The maps of the assembly's standards, in charter order, as last computed. */
export async function readMaps(db: Queryable, assemblyId: string): Promise<StandardConsensus[]> {
  const rows = await db.query<{ map: StandardConsensus }>(
    `SELECT c.map FROM consensus_maps c JOIN standards s ON s.id = c.standard_id
      WHERE s.assembly_id = $1 AND s.removed_at IS NULL ORDER BY s.position`,
    [assemblyId],
  );
  return rows.map((row) => row.map);
}
