import { ErrorCode, quorumReason, receiptModeOf, refusal } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { findStandard } from '../charter/charterStore.ts';
import { refuseOffPanel } from '../panels/panelVote.ts';
import { openVoteInSession } from './openVote.ts';
import { openFinalBallot } from './finalBallotOpen.ts';
import { validateBallot } from './tally.ts';
import * as ballots from './ballotStore.ts';
import * as store from './voteStore.ts';
import * as paper from './paperStore.ts';
import { closeVoteNow } from './closeVote.ts';
import { registerQuorumCommands } from './quorumCommands.ts';
import { writeQuestion } from './voteQuestions.ts';

/** Secret votes: opened by a moderator, cast by members (stored before the ack), closed once. */
/** Decisions on a text (adoption, amendment) are yes/no or consent votes. */
export function requireYesNoOrConsent(method: string): void {
  if (method !== 'yes_no' && method !== 'consent') {
    throw new AppError(
      ErrorCode.badRequest,
      'A decision on a text is a yes/no or consent vote',
      refusal('vote', 'yesNoOrConsentOnly'),
    );
  }
}

export function registerVoteCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'vote:open', logger, async ({ subject, rules, quorumShare, closesInSeconds }) => {
    const voteId = await db.transaction(async (tx) => {
      if (subject.kind === 'final_ballot')
        return openFinalBallot(tx, { assemblyId, actorId: me.id, items: subject.items, rules, quorumShare });
      if (subject.kind === 'question') {
        return openVoteInSession(tx, {
          assemblyId,
          actorId: me.id,
          subject: 'question',
          subjectId: null,
          question: subject.question,
          rules,
          quorumShare,
          closesInSeconds,
        });
      }
      const standard = await findStandard(tx, assemblyId, subject.standardId);
      if (!standard)
        throw new AppError(ErrorCode.notFound, 'No such standard in this charter', refusal('vote', 'standardNotFound'));
      if (standard.status !== 'locked')
        throw new AppError(
          ErrorCode.badRequest,
          'Lock the standard before voting on it',
          refusal('vote', 'standardNotLocked'),
        );
      requireYesNoOrConsent(rules.method);
      const pending = await tx.query(
        `SELECT 1 FROM votes WHERE subject = 'adopt_standard' AND subject_id = $1 AND status = 'open'`,
        [standard.id],
      );
      if (pending.length > 0)
        throw new AppError(
          ErrorCode.badRequest,
          'A vote on this standard is already open',
          refusal('vote', 'alreadyOpen'),
        );
      return openVoteInSession(tx, {
        assemblyId,
        actorId: me.id,
        subject: 'adopt_standard',
        subjectId: standard.id,
        question: writeQuestion('adopt_standard', { title: standard.title }),
        rules,
        quorumShare,
        closesInSeconds,
      });
    });
    await ctx.votes.publish(assemblyId);
    // Whether enough members are present for it, and its deadline, on this node's clock.
    ctx.quorum.changed(assemblyId);
    return { voteId };
  });

  on('assembly', socket, 'vote:cast', logger, async ({ voteId, ballotId, choice, reason }) => {
    const receipt = await db.transaction(async (tx) => {
      const vote = await store.lockVote(tx, assemblyId, voteId, 'share');
      if (vote.status !== 'open')
        throw new AppError(
          ErrorCode.voteClosed,
          'This vote has closed; your ballot was not counted',
          refusal('vote', 'voteClosed'),
        );
      if (vote.pastDeadline)
        throw new AppError(
          ErrorCode.deadlinePassed,
          'This vote’s deadline has passed; your ballot was not counted',
          quorumReason('deadlinePassed'),
        );
      if (vote.pausedAt)
        throw new AppError(
          ErrorCode.votePaused,
          `This vote is paused: quorum lost (${vote.pausedPresent ?? 0} of ${vote.quorumNeeded} needed present); your ballot was not counted`,
          quorumReason('quorumLost', { present: vote.pausedPresent ?? 0, needed: vote.quorumNeeded }),
        );
      await refuseOffPanel(tx, vote, me.id);
      // Ticked for paper (FOR UPDATE when ticked, so never racing this cast): one ballot, on paper.
      if (await paper.isPaperVoter(tx, voteId, me.id))
        throw new AppError(
          ErrorCode.badRequest,
          'You are voting on paper in this vote, so you cannot also vote online',
          refusal('paper', 'votingOnPaper'),
        );
      const problem = validateBallot(vote.rules, choice);
      if (problem) throw new AppError(ErrorCode.badRequest, problem, refusal('vote', 'ballotInvalid'));
      if (reason && receiptModeOf(vote.rules) === 'none')
        throw new AppError(
          ErrorCode.badRequest,
          'This vote gives no receipts, so its ballots take no reason',
          refusal('vote', 'noReceiptNoReason'),
        );
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
    return (await closeVoteNow(ctx, assemblyId, voteId, { actorId: me.id })).result;
  });

  registerQuorumCommands(ctx, socket);
}
