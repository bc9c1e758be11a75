import { ErrorCode, refusal } from '@moot/protocol';
import type { DocumentRule } from '../../collab/resolveDocument.ts';
import { AppError } from '../../realtime/appError.ts';
import { findGroup } from './groupStore.ts';

/**
 * A group's notes pad (`pad:<groupId>`): while groups run, only that group's members, its hosts
 * (its facilitator and note-taker) and the moderators open it (and write); a facilitator or
 * note-taker of another group is refused like anyone else. Once the groups have ended, everyone
 * reads it.
 */
export const groupPad: DocumentRule = async (db, who, id) => {
  const group = await findGroup(db, id);
  if (!group || group.assemblyId !== who.assembly.id) return null;
  if (group.ended) return { locked: true };
  const me = who.participant?.id;
  if (who.role === 'moderator' || (me && (group.memberIds.includes(me) || group.hostIds.includes(me)))) {
    return { locked: false };
  }
  throw new AppError(
    ErrorCode.forbidden,
    "While groups run, only a group's members and hosts read its notes",
    refusal('group', 'notInGroup'),
  );
};
