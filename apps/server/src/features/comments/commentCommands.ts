import { ErrorCode, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import { participantRoom, type AssemblySocket } from '../../realtime/socketData.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { findStandard } from '../charter/charterStore.ts';
import { recordModeration } from '../sessions/moderationStore.ts';
import { publishAppeals } from '../appeals/appealPublisher.ts';
import * as store from './commentStore.ts';

/** Comments on standards; a moderator may hide one, with a reason its author is told. */
export function registerCommentCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'comment:post', logger, async ({ standardId, text }) => {
    await ctx.silence.refuse(me.id, 'your comment was not posted');
    const commentId = await db.transaction(async (tx) => {
      if (!(await findStandard(tx, assemblyId, standardId)))
        throw new AppError(
          ErrorCode.notFound,
          'No such standard in this charter',
          refusal('charter', 'standardNotFound'),
        );
      const id = await store.postComment(tx, { assemblyId, standardId, authorId: me.id, text });
      await recordAudit(tx, { assemblyId, actorId: me.id, action: 'comment.posted', target: id });
      return id;
    });
    await ctx.comments.publish(assemblyId);
    return { commentId };
  });

  on('assembly', socket, 'comment:hide', logger, async ({ commentId, reason }) => {
    const note = reason.note || null;
    const author = await db.transaction(async (tx) => {
      const authorId = await store.hideComment(tx, { assemblyId, commentId, reason: reason.code, note, by: me.id });
      await recordModeration(tx, {
        assemblyId,
        sessionId: null,
        participantId: authorId,
        action: 'hide_comment',
        reason: reason.code,
        note,
        until: null,
        by: me.id,
        commentId,
      });
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'comment.hidden',
        target: commentId,
        detail: { reason: reason.code },
      });
      return authorId;
    });
    ctx.io
      .to(participantRoom(author))
      .emit('moderation:notice', { action: 'hide_comment', reason: reason.code, note, until: null });
    await Promise.all([
      ctx.comments.publish(assemblyId),
      ctx.sessions.publish(assemblyId),
      publishAppeals(ctx, assemblyId, author),
    ]);
    return null;
  });
}
