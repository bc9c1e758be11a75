import type { DocumentRule } from '../../collab/resolveDocument.ts';
import { findStandard } from './charterStore.ts';

/** Who writes the assembly's own texts (standards, case reasoning): members and moderators. */
export const draftsCharter = (role: string): boolean => role === 'moderator' || role === 'member';

/**
 * A standard (`standard:<id>`) and its easy-read version (`easy:<id>`), through the assembly that
 * owns it: everyone reads it; members and moderators edit it while it is drafting (facilitators
 * and note-takers steer and write notes, never the charter).
 */
export const standardDocument: DocumentRule = async (db, who, id) => {
  const standard = await findStandard(db, who.assembly.id, id);
  return standard ? { locked: standard.status !== 'drafting' || !draftsCharter(who.role) } : null;
};
