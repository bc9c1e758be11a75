import type { Session } from '@moot/protocol';

/**
 * Whether this browser's session may open the members pages: the client's mirror of the
 * server's one guard (`features/members/memberAdmin.ts`), which decides. For now the
 * assembly's moderators; organisers when that role lands.
 */
export const canManageMembers = (session: Session): boolean => session.me.role === 'moderator';
