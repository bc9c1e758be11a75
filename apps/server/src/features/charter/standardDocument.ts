import type { DocumentRule } from '../../collab/resolveDocument.ts';
import { findStandard } from './charterStore.ts';

/**
 * A standard (`standard:<id>`) and its easy-read version (`easy:<id>`), through the assembly that
 * owns it: everyone reads it; it is editable while it is drafting.
 */
export const standardDocument: DocumentRule = async (db, who, id) => {
  const standard = await findStandard(db, who.assembly.id, id);
  return standard ? { locked: standard.status !== 'drafting' } : null;
};
