import { ErrorCode } from '@moot/protocol';
import { findStandard } from '../features/charter/charterStore.ts';
import { findGroup } from '../features/sessions/groupStore.ts';
import { caseStatus } from '../features/cases/caseStore.ts';
import { AppError } from '../realtime/appError.ts';
import type { SocketData } from '../realtime/socketData.ts';
import type { Queryable } from '../storage/database.ts';

/**
 * Who may open which document. A standard (`standard:<id>`) and its easy-read version
 * (`easy:<id>`) through the assembly that owns it, editable while it is drafting; a group's
 * notes pad (`pad:<groupId>`) while groups run only by that group's members and moderators,
 * and read-only by everyone once the groups have ended; a breach case's reasoning
 * (`case:<caseId>`) by everyone, writable only while the case is deliberating. Anything else is "not
 * found", whether or not it exists.
 */
export async function resolveDocument(
  db: Queryable,
  who: Pick<SocketData, 'assembly' | 'role' | 'participant'>,
  docId: string,
): Promise<{ locked: boolean }> {
  const [kind, id] = docId.split(':');
  // A standard's easy-read version follows the standard's own rules.
  if ((kind === 'standard' || kind === 'easy') && id) {
    const standard = await findStandard(db, who.assembly.id, id);
    if (standard) return { locked: standard.status !== 'drafting' };
  }
  if (kind === 'pad' && id) {
    const group = await findGroup(db, id);
    if (group && group.assemblyId === who.assembly.id) {
      if (group.ended) return { locked: true };
      if (who.role === 'moderator' || (who.participant && group.memberIds.includes(who.participant.id))) {
        return { locked: false };
      }
      throw new AppError(ErrorCode.forbidden, "While groups run, only a group's members read its notes");
    }
  }
  if (kind === 'case' && id) {
    // A case's reasoning: everyone reads it; members and moderators write only while it is deliberated.
    const status = await caseStatus(db, who.assembly.id, id);
    if (status) return { locked: status !== 'deliberating' };
  }
  throw new AppError(ErrorCode.notFound, 'No such document in this assembly');
}
