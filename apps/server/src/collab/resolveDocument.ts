import { ErrorCode } from '@moot/protocol';
import { findStandard } from '../features/charter/charterStore.ts';
import { AppError } from '../realtime/appError.ts';
import type { Queryable } from '../storage/database.ts';

/**
 * A document may be opened only through the assembly that owns it: `standard:<id>` must be a
 * standard in the caller's charter. Anything else is "not found", whether or not it exists.
 */
export async function resolveDocument(db: Queryable, assemblyId: string, docId: string): Promise<{ locked: boolean }> {
  const [kind, id] = docId.split(':');
  if (kind === 'standard' && id) {
    const standard = await findStandard(db, assemblyId, id);
    if (standard) return { locked: standard.status !== 'drafting' };
  }
  throw new AppError(ErrorCode.notFound, 'No such document in this assembly');
}
