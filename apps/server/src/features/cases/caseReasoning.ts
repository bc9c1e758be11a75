import type { DocumentRule } from '../../collab/resolveDocument.ts';
import { caseStatus } from './caseStore.ts';
import { draftsCharter } from '../charter/standardDocument.ts';

/**
 * A breach case's reasoning (`case:<caseId>`): everyone reads it; members and moderators write
 * only while the case is deliberated.
 */
export const caseReasoning: DocumentRule = async (db, who, id) => {
  const status = await caseStatus(db, who.assembly.id, id);
  return status ? { locked: status !== 'deliberating' || !draftsCharter(who.role) } : null;
};
