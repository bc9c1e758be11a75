import { ErrorCode, type ModerationNotice, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { participantRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { publishAppeals } from '../appeals/appealPublisher.ts';
import { markRemoved } from './floorStore.ts';
import * as moderation from './moderationStore.ts';
import { sessionMutator } from './mutate.ts';
import { lockSession } from './sessionStore.ts';

/** Announcements, and mute / unmute / remove — always with a reason, recorded, and told to the member. */
export function registerModerationCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const by = socket.data.participant!.id;
  const mutate = sessionMutator(ctx, socket);

  const requireMember = async (tx: Queryable, participantId: string) => {
    const found = await tx.query(`SELECT 1 FROM participants WHERE id = $1 AND assembly_id = $2 AND role = 'member'`, [
      participantId,
      assemblyId,
    ]);
    if (found.length === 0)
      throw new AppError(ErrorCode.notFound, 'No such member in this assembly', refusal('member', 'notFound'));
  };
  const tell = (participantId: string, notice: ModerationNotice) => {
    ctx.silence.forget(participantId);
    ctx.io.to(participantRoom(participantId)).emit('moderation:notice', notice);
    // The member's list of what they may appeal (nothing of theirs is appealed yet: moderators' lists stand).
    if (notice.action !== 'unmute') {
      publishAppeals(ctx, assemblyId, participantId).catch((err: unknown) =>
        logger.error({ err, assemblyId }, 'sending appeals after a moderation action failed'),
      );
    }
  };

  on('assembly', socket, 'announcement:post', logger, ({ text }) =>
    mutate({ action: 'announcement.posted', detail: { text } }, async (tx) => {
      await moderation.postAnnouncement(tx, assemblyId, text, by);
      return null;
    }),
  );
  on('assembly', socket, 'announcement:clear', logger, ({ announcementId }) =>
    mutate({ action: 'announcement.cleared', target: announcementId }, async (tx) => {
      if (!(await moderation.clearAnnouncement(tx, assemblyId, announcementId))) {
        throw new AppError(
          ErrorCode.notFound,
          'No such announcement showing',
          refusal('moderation', 'announcementNotFound'),
        );
      }
      return null;
    }),
  );

  on('assembly', socket, 'moderation:mute', logger, async ({ participantId, minutes, reason }) => {
    const until = new Date(Date.now() + minutes * 60_000);
    await mutate(
      { action: 'moderation.muted', target: participantId, detail: { minutes, reason: reason.code } },
      async (tx) => {
        await requireMember(tx, participantId);
        await moderation.setMutedUntil(tx, participantId, until);
        await moderation.recordModeration(tx, {
          assemblyId,
          sessionId: null,
          participantId,
          action: 'mute',
          reason: reason.code,
          note: reason.note || null,
          until,
          by,
        });
        return null;
      },
    );
    tell(participantId, { action: 'mute', reason: reason.code, note: reason.note || null, until: until.getTime() });
    return null;
  });

  on('assembly', socket, 'moderation:unmute', logger, async ({ participantId }) => {
    await mutate({ action: 'moderation.unmuted', target: participantId }, async (tx) => {
      await requireMember(tx, participantId);
      await moderation.setMutedUntil(tx, participantId, null);
      await moderation.recordModeration(tx, {
        assemblyId,
        sessionId: null,
        participantId,
        action: 'unmute',
        reason: null,
        note: null,
        until: null,
        by,
      });
      return null;
    });
    tell(participantId, { action: 'unmute', reason: null, note: null, until: null });
    return null;
  });

  on('assembly', socket, 'moderation:remove', logger, async ({ sessionId, participantId, reason }) => {
    await mutate(
      { action: 'moderation.removed', target: participantId, detail: { sessionId, reason: reason.code } },
      async (tx) => {
        await lockSession(tx, assemblyId, sessionId);
        await requireMember(tx, participantId);
        await markRemoved(tx, sessionId, participantId);
        await moderation.recordModeration(tx, {
          assemblyId,
          sessionId,
          participantId,
          action: 'remove',
          reason: reason.code,
          note: reason.note || null,
          until: null,
          by,
        });
        return null;
      },
    );
    tell(participantId, { action: 'remove', reason: reason.code, note: reason.note || null, until: null });
    return null;
  });
}
