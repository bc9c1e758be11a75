import { ErrorCode, receiptModeOf, standardDocId } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { saveMilestone } from '../../collab/documentStore.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { publishCharter } from '../charter/charterCommands.ts';
import { CharterError, findStandard, setStandardStatus } from '../charter/charterStore.ts';
import { decideAmendment } from '../amendments/decideAmendment.ts';
import { decideCase } from '../cases/decideCase.ts';
import { openVoteInSession } from './openVote.ts';
import { validateBallot } from './tally.ts';
import * as ballots from './ballotStore.ts';
import * as store from './voteStore.ts';
import { combinedTally } from './combinedTally.ts';
import * as paper from './paperStore.ts';

/** Secret votes: opened by a moderator, cast by members (stored before the ack), closed once. */
/** Decisions on a text (adoption, amendment) are yes/no or consent votes. */
export function requireYesNoOrConsent(method: string): void {
  if (method !== 'yes_no' && method !== 'consent') {
    throw new AppError(ErrorCode.badRequest, 'A decision on a text is a yes/no or consent vote');
  }
}

export function registerVoteCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'vote:open', logger, async ({ subject, rules, quorumShare }) => {
    const voteId = await db.transaction(async (tx) => {
      if (subject.kind === 'question') {
        return openVoteInSession(tx, {
          assemblyId,
          actorId: me.id,
          subject: 'question',
          subjectId: null,
          question: subject.question,
          rules,
          quorumShare,
        });
      }
      const standard = await findStandard(tx, assemblyId, subject.standardId);
      if (!standard) throw new AppError(ErrorCode.notFound, 'No such standard in this charter');
      if (standard.status !== 'locked')
        throw new AppError(ErrorCode.badRequest, 'Lock the standard before voting on it');
      requireYesNoOrConsent(rules.method);
      const pending = await tx.query(
        `SELECT 1 FROM votes WHERE subject = 'adopt_standard' AND subject_id = $1 AND status = 'open'`,
        [standard.id],
      );
      if (pending.length > 0) throw new AppError(ErrorCode.badRequest, 'A vote on this standard is already open');
      return openVoteInSession(tx, {
        assemblyId,
        actorId: me.id,
        subject: 'adopt_standard',
        subjectId: standard.id,
        question: `Adopt “${standard.title}”?`,
        rules,
        quorumShare,
      });
    });
    await ctx.votes.publish(assemblyId);
    return { voteId };
  });

  on('assembly', socket, 'vote:cast', logger, async ({ voteId, ballotId, choice, reason }) => {
    const receipt = await db.transaction(async (tx) => {
      const vote = await store.lockVote(tx, assemblyId, voteId, 'share');
      if (vote.status !== 'open')
        throw new AppError(ErrorCode.voteClosed, 'This vote has closed; your ballot was not counted');
      // Ticked for paper (FOR UPDATE when ticked, so never racing this cast): one ballot, on paper.
      if (await paper.isPaperVoter(tx, voteId, me.id))
        throw new AppError(
          ErrorCode.badRequest,
          'You are voting on paper in this vote, so you cannot also vote online',
        );
      const problem = validateBallot(vote.rules, choice);
      if (problem) throw new AppError(ErrorCode.badRequest, problem);
      if (reason && receiptModeOf(vote.rules) === 'none')
        throw new AppError(ErrorCode.badRequest, 'This vote gives no receipts, so its ballots take no reason');
      // The sealed ballot is all this transaction writes: no participation row, no audit entry —
      // nothing sharing its transaction id names the voter. Who took part is recorded at close.
      return ballots.castBallot(tx, ctx.ballotSecret, {
        voteId,
        participantId: me.id,
        ballotId,
        choice,
        reason: reason || null,
        receipts: receiptModeOf(vote.rules),
      });
    });
    ctx.votes.changed(assemblyId);
    return { receipt };
  });

  on('assembly', socket, 'vote:close', logger, async ({ voteId }) => {
    await decideCase.prepare(ctx, voteId);
    const { result, adopted, amendment, breachCase } = await db.transaction(async (tx) => {
      const vote = await store.lockVote(tx, assemblyId, voteId, 'update');
      if (vote.status === 'closed') return { result: vote.result!, adopted: null, amendment: null, breachCase: null };
      const paperVoters = await paper.paperVoterIds(tx, voteId);
      const totals = paperVoters.length > 0 ? await paper.paperTotals(tx, voteId) : null;
      if (paperVoters.length > 0 && !totals?.agreedCounts) {
        throw new AppError(
          ErrorCode.badRequest,
          `${paperVoters.length} voted on paper, but their totals are not agreed yet: two facilitators must enter matching counts before the vote closes`,
        );
      }
      const { ballots: published, participants } = await ballots.unsealBallots(
        tx,
        ctx.ballotSecret,
        voteId,
        paperVoters,
      );
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
          throw error instanceof CharterError ? new AppError(ErrorCode.badRequest, error.message) : error;
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
              actorId: me.id,
              caseId: vote.subjectId,
              voteId,
              options: vote.rules.options,
              result: outcome,
            })
          : null;
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'vote.closed',
        target: voteId,
        detail: { passed: outcome.passed, ballots: outcome.ballots, online: outcome.online, paper: outcome.paper },
      });
      // Who took part: one entry at close, in id order — never one per cast, in casting order.
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'vote.participants',
        target: voteId,
        detail: { participantIds: participants },
      });
      return { result: outcome, adopted: decided, amendment, breachCase };
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
    return result;
  });
}
