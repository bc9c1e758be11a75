import type { DocumentRule } from '../../collab/resolveDocument.ts';
import type { Queryable } from '../../storage/database.ts';
import { isArchived } from '../assemblies/assemblyStore.ts';

/**
 * Archived assemblies, as this node has seen them. Archiving is for good, so a "yes" is kept;
 * a "no" is asked again each time (one indexed read per command, never per keystroke).
 */
const known = new Set<string>();
const MAX_KNOWN = 10_000;

export async function archived(db: Queryable, assemblyId: string): Promise<boolean> {
  if (known.has(assemblyId)) return true;
  if (!(await isArchived(db, assemblyId))) return false;
  if (known.size >= MAX_KNOWN) known.delete(known.values().next().value!);
  known.add(assemblyId);
  return true;
}

/** A document rule whose documents are locked once their assembly is archived (they stay readable). */
export const lockedWhenArchived =
  (rule: DocumentRule): DocumentRule =>
  async (db, who, id) => {
    const found = await rule(db, who, id);
    if (!found || found.locked) return found;
    return (await archived(db, who.assembly.id)) ? { locked: true } : found;
  };
