import { ErrorCode, evidenceReason } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { findExpertSession } from './evidenceStore.ts';
import * as store from './questionStore.ts';

/**
 * Questions to an expert session's speaker: members ask and support them (not while muted);
 * the lead moderator puts the chosen ones to the speaker, records the answers, and may hide one.
 */
export function registerQuestionCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'question:ask', logger, async ({ itemId, text }) => {
    await ctx.silence.refuse(me.id, 'your question was not sent');
    const questionId = await db.transaction(async (tx) => {
      const session = await findExpertSession(tx, assemblyId, itemId);
      if (!session) {
        throw new AppError(
          ErrorCode.notFound,
          'That agenda item is not an expert session in this assembly',
          evidenceReason('sessionNotFound'),
        );
      }
      if (session.status === 'done') {
        throw new AppError(ErrorCode.badRequest, 'This expert session is over', evidenceReason('sessionOver'));
      }
      const id = await store.askQuestion(tx, { assemblyId, itemId, authorId: me.id, text });
      await recordAudit(tx, { assemblyId, actorId: me.id, action: 'question.submitted', target: id });
      return id;
    });
    await ctx.evidence.publish(assemblyId);
    return { questionId };
  });

  on('assembly', socket, 'question:support', logger, async ({ questionId }) => {
    await ctx.silence.refuse(me.id, 'your support was not counted');
    const result = await db.transaction(async (tx) => {
      const done = await store.supportQuestion(tx, { assemblyId, questionId, memberId: me.id });
      // Without the actor: the record shows that a question gained support, never whose (only counts are shown).
      if (done.added)
        await recordAudit(tx, { assemblyId, actorId: null, action: 'question.supported', target: questionId });
      return done;
    });
    if (result.added) await ctx.evidence.publish(assemblyId);
    return { supports: result.supports };
  });

  on('assembly', socket, 'question:answer', logger, async ({ questionId, answer }) => {
    await db.transaction(async (tx) => {
      const { firstAsked } = await store.answerQuestion(tx, { assemblyId, questionId, answer });
      if (firstAsked)
        await recordAudit(tx, { assemblyId, actorId: me.id, action: 'question.asked', target: questionId });
      if (answer) {
        await recordAudit(tx, { assemblyId, actorId: me.id, action: 'question.answered', target: questionId });
      }
    });
    await ctx.evidence.publish(assemblyId);
    return null;
  });

  on('assembly', socket, 'question:hide', logger, async ({ questionId, reason }) => {
    await db.transaction(async (tx) => {
      await store.hideQuestion(tx, { assemblyId, questionId, reason, by: me.id });
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'question.hidden',
        target: questionId,
        detail: { reason },
      });
    });
    await ctx.evidence.publish(assemblyId);
    return null;
  });
}
