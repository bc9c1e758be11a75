import { ErrorCode } from '@moot/protocol';
import type { DocumentRule } from '../../collab/resolveDocument.ts';
import { AppError } from '../../realtime/appError.ts';
import { findGroup } from './groupStore.ts';

/**
 * A group's notes pad (`pad:<groupId>`): while groups run, only that group's members and the
 * moderators open it (and write); once the groups have ended, everyone reads it.
 */
export const groupPad: DocumentRule = async (db, who, id) => {
  const group = await findGroup(db, id);
  if (!group || group.assemblyId !== who.assembly.id) return null;
  if (group.ended) return { locked: true };
  if (who.role === 'moderator' || (who.participant && group.memberIds.includes(who.participant.id))) {
    return { locked: false };
  }
  throw new AppError(ErrorCode.forbidden, "While groups run, only a group's members read its notes");
};
