import { ErrorCode, LIMITS, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { inviteParticipant } from '../identity/participantStore.ts';
import { publishRoster } from '../identity/rosterCommands.ts';
import * as store from './trackerStore.ts';

/** An adopted standard of this assembly, or a refusal that says why not. */
async function answerable(tx: Queryable, assemblyId: string, standardId: string): Promise<void> {
  const standard = await store.adoptedStandard(tx, assemblyId, standardId);
  if (!standard)
    throw new AppError(
      ErrorCode.notFound,
      'No such standard in this assembly',
      refusal('accountability', 'standardNotFound'),
    );
  if (standard.status !== 'adopted') {
    throw new AppError(
      ErrorCode.badRequest,
      `Only adopted standards are answered; this one is ${standard.status}`,
      refusal('accountability', 'notAdopted'),
    );
  }
}

/**
 * The institution's response: a moderator invites the commissioning body (a respondent seat,
 * named after the body); the body answers each adopted standard and posts dated progress
 * updates. Each change is one transaction with its audit entry, then the tracker goes to everyone.
 */
export function registerAccountabilityCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  on('assembly', socket, 'respondent:invite', logger, async ({ body }) => {
    const { participant, inviteSecret } = await db.transaction(async (tx) => {
      await tx.query('SELECT id FROM assemblies WHERE id = $1 FOR UPDATE', [assemblyId]);
      if ((await store.countRespondents(tx, assemblyId)) >= LIMITS.maxRespondents) {
        throw new AppError(
          ErrorCode.limitReached,
          `An assembly has at most ${LIMITS.maxRespondents} respondent seats`,
          refusal('accountability', 'respondentsFull', { max: LIMITS.maxRespondents }),
        );
      }
      const invited = await inviteParticipant(tx, assemblyId, 'respondent', body);
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'respondent.invited',
        target: invited.participant.id,
        detail: { body },
      });
      return invited;
    });
    await Promise.all([publishRoster(ctx, assemblyId), ctx.tracker.publish(assemblyId)]);
    return { participantId: participant.id, inviteSecret };
  });

  on('assembly', socket, 'response:publish', logger, async ({ standardId, stance, reasons, timeline }) => {
    await db.transaction(async (tx) => {
      await answerable(tx, assemblyId, standardId);
      const before = await store.currentResponse(tx, standardId);
      await store.saveResponse(tx, { assemblyId, standardId, stance, reasons, timeline, by: actorId });
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: before ? 'response.revised' : 'response.published',
        target: standardId,
        // A revision keeps what it replaced in the record: rowing back stays visible.
        detail: before ? { stance, was: before.stance, wasReasons: before.reasons } : { stance },
      });
    });
    await ctx.tracker.publish(assemblyId);
    return null;
  });

  on('assembly', socket, 'response:update', logger, async ({ standardId, state, on: day, note, links }) => {
    const updateId = await db.transaction(async (tx) => {
      await answerable(tx, assemblyId, standardId);
      if (!(await store.currentResponse(tx, standardId))) {
        throw new AppError(
          ErrorCode.badRequest,
          'Publish a response to this standard before reporting progress',
          refusal('accountability', 'respondFirst'),
        );
      }
      if ((await store.countUpdates(tx, standardId)) >= LIMITS.maxProgressUpdates) {
        throw new AppError(
          ErrorCode.limitReached,
          `A standard holds at most ${LIMITS.maxProgressUpdates} updates`,
          refusal('accountability', 'updatesFull', { max: LIMITS.maxProgressUpdates }),
        );
      }
      const id = await store.insertUpdate(tx, { assemblyId, standardId, state, on: day, note, links, by: actorId });
      await recordAudit(tx, {
        assemblyId,
        actorId,
        action: 'response.progress',
        target: standardId,
        detail: { state, on: day, links },
      });
      return id;
    });
    await ctx.tracker.publish(assemblyId);
    return { updateId };
  });
}
