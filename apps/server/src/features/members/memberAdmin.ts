import { ErrorCode, type Role } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';

/** Who is asking: their role in the assembly (an organiser session will be one more kind of actor). */
export interface MemberAdminActor {
  role: Role;
}

/**
 * The one guard in front of every action on members' names, contact details, demographics,
 * needs and cards. For now the assembly's moderators pass it; when the instance-level organiser
 * role lands, this function (and only this one) changes to let organisers through instead.
 */
export function canManageMembers(actor: MemberAdminActor): boolean {
  return actor.role === 'moderator';
}

export function requireMemberAdmin(actor: MemberAdminActor): void {
  if (!canManageMembers(actor))
    throw new AppError(ErrorCode.forbidden, 'Only the assembly’s organisers manage members');
}
