import { ErrorCode, type RosterEntry, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { audienceRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { changeRole, revokeParticipant } from './participantAccess.ts';
import { inviteParticipant, listRoster, reissueInvite } from './participantStore.ts';

/** The roster to every moderator of the assembly, on every node (after a change, or someone joining). */
export async function publishRoster(ctx: Pick<AppContext, 'db' | 'io'>, assemblyId: string): Promise<void> {
  ctx.io
    .to(audienceRoom(assemblyId, 'moderator'))
    .emit('roster:state', { participants: await listRoster(ctx.db, assemblyId) });
}

/**
 * The moderators' roster: invite a member or moderator, re-issue a lost link, change a role,
 * revoke a seat. Each change is audited in its own transaction and pushed to every moderator on
 * every node (`roster:state`). A moderator cannot demote or revoke themselves — another
 * moderator must — so an assembly always keeps one who can.
 */
export function registerRosterCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const by = socket.data.participant!.id;
  const publish = () => publishRoster(ctx, assemblyId);
  const seatOf = async (participantId: string): Promise<RosterEntry> => {
    const entry = (await listRoster(db, assemblyId)).find((e) => e.participantId === participantId);
    if (!entry)
      throw new AppError(
        ErrorCode.notFound,
        'Nobody holds that seat in this assembly',
        refusal('roster', 'seatNotFound'),
      );
    return entry;
  };
  const notOneself = (participantId: string) => {
    if (participantId === by)
      throw new AppError(
        ErrorCode.badRequest,
        'Another moderator must change your own seat',
        refusal('roster', 'ownSeat'),
      );
  };

  on('assembly', socket, 'roster:list', logger, async () => ({ participants: await listRoster(db, assemblyId) }));

  on('assembly', socket, 'roster:invite', logger, async ({ role }) => {
    const { participant, inviteSecret } = await db.transaction(async (tx) => {
      const invited = await inviteParticipant(tx, assemblyId, role);
      await recordAudit(tx, {
        assemblyId,
        actorId: by,
        action: 'participant.invited',
        target: invited.participant.id,
        detail: { role },
      });
      return invited;
    });
    await publish();
    return { entry: { participantId: participant.id, seat: participant.seat, role, displayName: null }, inviteSecret };
  });

  on('assembly', socket, 'roster:reissue', logger, async ({ participantId }) => {
    await seatOf(participantId);
    const inviteSecret = await db.transaction(async (tx) => {
      const secret = await reissueInvite(tx, participantId);
      await recordAudit(tx, { assemblyId, actorId: by, action: 'participant.link_reissued', target: participantId });
      return secret;
    });
    return { inviteSecret };
  });

  on('assembly', socket, 'roster:setRole', logger, async ({ participantId, role }) => {
    notOneself(participantId);
    const seat = await seatOf(participantId);
    if (seat.role === role)
      throw new AppError(ErrorCode.badRequest, `Already a ${role}`, refusal('roster', 'alreadyInRole', { role }));
    if (!(await changeRole(ctx, assemblyId, participantId, role, by))) {
      throw new AppError(
        ErrorCode.notFound,
        'Nobody holds that seat in this assembly',
        refusal('roster', 'seatNotFound'),
      );
    }
    await publish();
    return null;
  });

  on('assembly', socket, 'roster:revoke', logger, async ({ participantId }) => {
    notOneself(participantId);
    if (!(await revokeParticipant(ctx, assemblyId, participantId, by))) {
      throw new AppError(
        ErrorCode.notFound,
        'Nobody holds that seat in this assembly',
        refusal('roster', 'seatNotFound'),
      );
    }
    await publish();
    return null;
  });
}
