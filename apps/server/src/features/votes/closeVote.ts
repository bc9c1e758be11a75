import { ErrorCode, refusal, standardDocId, type VoteResult } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { saveMilestone } from '../../collab/documentStore.ts';
import { AppError } from '../../realtime/appError.ts';
import { decideAmendment } from '../amendments/decideAmendment.ts';
import { decideCase } from '../cases/decideCase.ts';
import { publishCharter } from '../charter/charterCommands.ts';
import { CharterError, setStandardStatus } from '../charter/charterStore.ts';
import * as ballots from './ballotStore.ts';
import { combinedTally } from './combinedTally.ts';
import * as paper from './paperStore.ts';
import * as store from './voteStore.ts';

/**
 * Closes a vote once: under the vote's row lock, so of a moderator's `vote:close` and the
 * deadline firing on every node at once, one closes it and the others read its result. `by`: the
 * moderator who closed it, or `deadline` when it closed itself (no actor; its own audit action).
 * Returns the result, and whether this call closed it.
 */
export async function closeVoteNow(
  ctx: AppContext,
  assemblyId: string,
  voteId: string,
  by: { actorId: string } | 'deadline',
): Promise<{ result: VoteResult; closedNow: boolean }> {
  const { db, logger } = ctx;
  const actorId = by === 'deadline' ? null : by.actorId;
  await decideCase.prepare(ctx, voteId);
  const { result, adopted, amendment, breachCase, closedNow } = await db.transaction(async (tx) => {
    const vote = await store.lockVote(tx, assemblyId, voteId, 'update');
    if (vote.status === 'closed')
      return { result: vote.result!, adopted: null, amendment: null, breachCase: null, closedNow: false };
    const paperVoters = await paper.paperVoterIds(tx, voteId);
    const totals = paperVoters.length > 0 ? await paper.paperTotals(tx, voteId) : null;
    if (paperVoters.length > 0 && !totals?.agreedCounts) {
      throw new AppError(
        ErrorCode.badRequest,
        `${paperVoters.length} voted on paper, but their totals are not agreed yet: two facilitators must enter matching counts before the vote closes`,
        refusal('paper', 'notAgreedYet', { voters: paperVoters.length }),
      );
    }
    const { ballots: published, participants } = await ballots.unsealBallots(tx, ctx.ballotSecret, voteId, paperVoters);
    const outcome = combinedTally(
      vote.rules,
      published.map((b) => b.choice),
      totals?.agreedCounts ?? null,
      { eligible: vote.eligible, quorumNeeded: vote.quorumNeeded },
    );
    await store.closeVote(tx, voteId, outcome);
    let decided: string | null = null;
    if (vote.subject === 'adopt_standard' && vote.subjectId) {
      await setStandardStatus(
        tx,
        assemblyId,
        vote.subjectId,
        ['locked'],
        outcome.passed ? 'adopted' : 'rejected',
      ).catch((error: unknown) => {
        if (!(error instanceof CharterError)) throw error;
        // The standard was removed, or is no longer locked, since the vote opened: nothing to adopt.
        const why = error.reason === 'not_found' ? 'standardNotFound' : 'standardChanged';
        throw new AppError(ErrorCode.badRequest, error.message, refusal('vote', why));
      });
      decided = outcome.passed ? vote.subjectId : null;
    }
    const amendment =
      vote.subject === 'amendment' && vote.subjectId
        ? await decideAmendment.record(tx, vote.subjectId, outcome.passed)
        : null;
    const breachCase =
      vote.subject === 'consequence' && vote.subjectId && vote.rules.method === 'ranked'
        ? await decideCase.record(tx, {
            assemblyId,
            actorId,
            caseId: vote.subjectId,
            voteId,
            options: vote.rules.options,
            result: outcome,
          })
        : null;
    await recordAudit(tx, {
      assemblyId,
      actorId,
      action: by === 'deadline' ? 'vote.closed_at_deadline' : 'vote.closed',
      target: voteId,
      detail: { passed: outcome.passed, ballots: outcome.ballots, online: outcome.online, paper: outcome.paper },
    });
    // Who took part: one entry at close, in id order — never one per cast, in casting order.
    await recordAudit(tx, {
      assemblyId,
      actorId,
      action: 'vote.participants',
      target: voteId,
      detail: { participantIds: participants },
    });
    return { result: outcome, adopted: decided, amendment, breachCase, closedNow: true };
  });
  await ballots
    .sweepSealedBallots(db)
    .catch((error: unknown) => logger.warn({ err: error }, 'VACUUM after a vote failed'));
  if (adopted) await saveMilestone(db, standardDocId(adopted), 'adopted');
  if (amendment) await decideAmendment.apply(ctx, amendment);
  if (breachCase) await decideCase.apply(ctx, assemblyId, breachCase);
  await Promise.all([
    ctx.votes.publish(assemblyId),
    publishCharter(ctx, assemblyId),
    ctx.amendments.publish(assemblyId),
  ]);
  return { result, closedNow };
}
