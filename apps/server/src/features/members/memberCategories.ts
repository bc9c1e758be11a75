import type { Queryable } from '../../storage/database.ts';

/**
 * Each seated member's categories (age band, region…) from the civic lottery's import, for
 * balancing small groups: participant id → category → value. Only the group planner reads them,
 * inside the command that forms groups; what goes out is who is in which group, never a category.
 * Members not imported (the demo's, or added by hand) have none, and are only rotated.
 */
export async function memberCategories(
  db: Queryable,
  assemblyId: string,
): Promise<Map<string, Record<string, string>>> {
  const rows = await db.query<{ participant_id: string; demographics: Record<string, string> }>(
    `SELECT participant_id, demographics FROM members
      WHERE assembly_id = $1 AND participant_id IS NOT NULL AND status = 'selected'`,
    [assemblyId],
  );
  return new Map(rows.map((row) => [row.participant_id, row.demographics]));
}
