import type { Queryable } from '../../storage/database.ts';

/**
 * Each member's categories (e.g. age band, area) for balancing small groups: participant id →
 * category → value. None are recorded yet (demographics are imported separately), so every
 * member has none and the balanced planner only rotates; it balances as soon as this returns them.
 */
export async function memberCategories(
  _db: Queryable,
  _assemblyId: string,
): Promise<Map<string, Record<string, string>>> {
  return new Map();
}
