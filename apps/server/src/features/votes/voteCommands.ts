import { ErrorCode, standardDocId } from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { saveMilestone } from '../../collab/documentStore.ts';
import { AppError } from '../../realtime/appError.ts';
import { on } from '../../realtime/on.ts';
import type { AssemblySocket } from '../../realtime/socketData.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { publishCharter } from '../charter/charterCommands.ts';
import { CharterError, findStandard, setStandardStatus } from '../charter/charterStore.ts';
import { listAttendance } from '../sessions/floorStore.ts';
import { currentSession } from '../sessions/sessionStore.ts';
import { tally, validateBallot } from './tally.ts';
import * as store from './voteStore.ts';

/** Secret votes: opened by a moderator, cast by members (stored before the ack), closed once. */
export function registerVoteCommands(ctx: AppContext, socket: AssemblySocket): void {
  const { db, logger } = ctx;
  const assemblyId = socket.data.assembly.id;
  const me = socket.data.participant!;

  on('assembly', socket, 'vote:open', logger, async ({ subject, rules, quorumShare }) => {
    const voteId = await db.transaction(async (tx) => {
      const session = await currentSession(tx, assemblyId);
      if (session?.status !== 'live') throw new AppError(ErrorCode.badRequest, 'Votes are held in a live session');
      let question: string;
      let subjectId: string | null = null;
      if (subject.kind === 'adopt_standard') {
        const standard = await findStandard(tx, assemblyId, subject.standardId);
        if (!standard) throw new AppError(ErrorCode.notFound, 'No such standard in this charter');
        if (standard.status !== 'locked')
          throw new AppError(ErrorCode.badRequest, 'Lock the standard before voting on it');
        if (rules.method !== 'yes_no' && rules.method !== 'consent') {
          throw new AppError(ErrorCode.badRequest, 'Adopting a standard is a yes/no or consent vote');
        }
        const pending = await tx.query(
          `SELECT 1 FROM votes WHERE subject = 'adopt_standard' AND subject_id = $1 AND status = 'open'`,
          [standard.id],
        );
        if (pending.length > 0) throw new AppError(ErrorCode.badRequest, 'A vote on this standard is already open');
        question = `Adopt “${standard.title}”?`;
        subjectId = standard.id;
      } else {
        question = subject.question;
      }
      const memberIds = new Set(
        (
          await tx.query<{ id: string }>(`SELECT id FROM participants WHERE assembly_id = $1 AND role = 'member'`, [
            assemblyId,
          ])
        ).map((r) => r.id),
      );
      // Quorum is counted from the members checked in (and not removed) when the vote opens.
      const eligible = (await listAttendance(tx, session.id)).filter(
        (a) => !a.removed && memberIds.has(a.participantId),
      ).length;
      const id = await store.openVote(tx, {
        assemblyId,
        sessionId: session.id,
        subject: subject.kind,
        subjectId,
        question,
        rules,
        eligible,
        quorumNeeded: Math.ceil(quorumShare * eligible),
      });
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'vote.opened',
        target: id,
        detail: { question, method: rules.method },
      });
      return id;
    });
    await ctx.votes.publish(assemblyId);
    return { voteId };
  });

  on('assembly', socket, 'vote:cast', logger, async ({ voteId, ballotId, choice, reason }) => {
    const receipt = await db.transaction(async (tx) => {
      const vote = await store.lockVote(tx, assemblyId, voteId, 'share');
      if (vote.status !== 'open')
        throw new AppError(ErrorCode.voteClosed, 'This vote has closed; your ballot was not counted');
      const problem = validateBallot(vote.rules, choice);
      if (problem) throw new AppError(ErrorCode.badRequest, problem);
      const result = await store.castBallot(tx, {
        voteId,
        key: store.ballotKey(ctx.ballotSecret, voteId, me.id),
        participantId: me.id,
        ballotId,
        choice,
        reason: reason || null,
      });
      // Who voted is public record; how is not.
      await recordAudit(tx, { assemblyId, actorId: me.id, action: 'vote.cast', target: voteId });
      return result;
    });
    ctx.votes.changed(assemblyId);
    return { receipt };
  });

  on('assembly', socket, 'vote:close', logger, async ({ voteId }) => {
    const { result, adopted } = await db.transaction(async (tx) => {
      const vote = await store.lockVote(tx, assemblyId, voteId, 'update');
      if (vote.status === 'closed') return { result: vote.result!, adopted: null };
      const ballots = await store.ballotsOf(tx, voteId);
      const outcome = tally(
        vote.rules,
        ballots.map((b) => b.choice),
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
      await recordAudit(tx, {
        assemblyId,
        actorId: me.id,
        action: 'vote.closed',
        target: voteId,
        detail: { passed: outcome.passed, ballots: outcome.ballots },
      });
      return { result: outcome, adopted: decided };
    });
    if (adopted) await saveMilestone(db, standardDocId(adopted), 'adopted');
    await Promise.all([ctx.votes.publish(assemblyId), publishCharter(ctx, assemblyId)]);
    return result;
  });
}
