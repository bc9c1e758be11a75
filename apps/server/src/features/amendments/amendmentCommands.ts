import { ErrorCode } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { findStandard } from '../charter/charterStore.ts';
import { openVoteInSession } from '../votes/openVote.ts';
import { requireYesNoOrConsent } from '../votes/voteCommands.ts';
import * as store from './amendmentStore.ts';

/** Amendments to locked or adopted standards, and minority reports on decided ones. */
export function registerAmendmentCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const actorId = socket.data.participant!.id;

  const change = async <T>(action: string, work: (tx: Queryable) => Promise<{ target: string; value: T }>) => {
    const value = await db.transaction(async (tx) => {
      const done = await work(tx);
      await recordAudit(tx, { assemblyId, actorId, action, target: done.target });
      return done.value;
    });
    await ctx.amendments.publish(assemblyId);
    return value;
  };
  const standardIn = async (tx: Queryable, standardId: string, statuses: string[], why: string) => {
    const standard = await findStandard(tx, assemblyId, standardId);
    if (!standard) throw new AppError(ErrorCode.notFound, 'No such standard in this charter');
    if (!statuses.includes(standard.status)) throw new AppError(ErrorCode.badRequest, why);
    return standard;
  };

  on('assembly', socket, 'amendment:propose', logger, ({ standardId, text, reason }) =>
    change('amendment.proposed', async (tx) => {
      await standardIn(
        tx,
        standardId,
        ['locked', 'adopted'],
        'Amend a locked or adopted standard; a drafting one is edited directly',
      );
      const amendmentId = await store.proposeAmendment(tx, {
        assemblyId,
        standardId,
        proposerId: actorId,
        text,
        reason,
      });
      return { target: amendmentId, value: { amendmentId } };
    }),
  );
  on('assembly', socket, 'amendment:cosign', logger, ({ amendmentId }) =>
    change('amendment.cosigned', async (tx) => {
      const amendment = await store.lockAmendment(tx, assemblyId, amendmentId);
      if (amendment.status !== 'proposed')
        throw new AppError(ErrorCode.badRequest, 'Only a proposed amendment can be co-signed');
      await store.cosign(tx, 'amendment', amendmentId, actorId);
      return { target: amendmentId, value: null };
    }),
  );
  on('assembly', socket, 'amendment:table', logger, async ({ amendmentId, rules, quorumShare }) => {
    requireYesNoOrConsent(rules.method);
    const voteId = await change('amendment.tabled', async (tx) => {
      const amendment = await store.lockAmendment(tx, assemblyId, amendmentId);
      if (amendment.status !== 'proposed')
        throw new AppError(ErrorCode.badRequest, 'This amendment was already tabled');
      const standard = await standardIn(
        tx,
        amendment.standardId,
        ['locked', 'adopted'],
        'The standard is no longer locked or adopted',
      );
      const id = await openVoteInSession(tx, {
        assemblyId,
        actorId,
        subject: 'amendment',
        subjectId: amendmentId,
        question: `Amend “${standard.title}”?`,
        rules,
        quorumShare,
      });
      await store.setAmendmentStatus(tx, amendmentId, 'tabled', id);
      return { target: amendmentId, value: id };
    });
    await ctx.votes.publish(assemblyId);
    return { voteId };
  });

  on('assembly', socket, 'dissent:write', logger, ({ standardId, text }) =>
    change('dissent.written', async (tx) => {
      await standardIn(tx, standardId, ['adopted', 'rejected'], 'A minority report follows a decision on the standard');
      const dissentId = await store.writeDissent(tx, assemblyId, standardId, text);
      await store.cosign(tx, 'dissent', dissentId, actorId);
      return { target: dissentId, value: { dissentId } };
    }),
  );
  on('assembly', socket, 'dissent:cosign', logger, ({ dissentId }) =>
    change('dissent.cosigned', async (tx) => {
      await store.findDissent(tx, assemblyId, dissentId);
      await store.cosign(tx, 'dissent', dissentId, actorId);
      return { target: dissentId, value: null };
    }),
  );
}
