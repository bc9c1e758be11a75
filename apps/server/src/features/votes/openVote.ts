import {
  ErrorCode,
  receiptModeOf,
  refusal,
  type VoteRules,
  type VoteRulesInput,
  type VoteSubject,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { recordAudit } from '../../audit/auditLog.ts';
import { isPresent, listAttendance } from '../sessions/floorStore.ts';
import { currentSession } from '../sessions/sessionStore.ts';
import * as store from './voteStore.ts';

/**
 * Opens a vote in the live session. Quorum is counted from the members present now (checked in,
 * not checked out since, not removed): `quorumNeeded = ceil(quorumShare × eligible)`.
 */
export async function openVoteInSession(
  tx: Queryable,
  vote: {
    assemblyId: string;
    actorId: string;
    subject: VoteSubject;
    subjectId: string | null;
    question: string;
    rules: VoteRules | VoteRulesInput;
    quorumShare: number;
    /** The vote closes itself this long after opening (`vote:open` only). */
    closesInSeconds?: number | undefined;
  },
): Promise<string> {
  if (vote.rules.method === 'support' && !('items' in vote.rules))
    throw new AppError(
      ErrorCode.badRequest,
      'A support-scale vote is the final ballot: open it with its recommendations',
      refusal('finalBallot', 'openWithItems'),
    );
  const session = await currentSession(tx, vote.assemblyId);
  if (session?.status !== 'live')
    throw new AppError(ErrorCode.badRequest, 'Votes are held in a live session', refusal('vote', 'noLiveSession'));
  const memberIds = new Set(
    (
      await tx.query<{ id: string }>(`SELECT id FROM participants WHERE assembly_id = $1 AND role = 'member'`, [
        vote.assemblyId,
      ])
    ).map((r) => r.id),
  );
  const eligible = (await listAttendance(tx, session.id)).filter(
    (a) => isPresent(a) && memberIds.has(a.participantId),
  ).length;
  const id = await store.openVote(tx, {
    assemblyId: vote.assemblyId,
    sessionId: session.id,
    subject: vote.subject,
    subjectId: vote.subjectId,
    question: vote.question,
    rules: { ...vote.rules, receipts: receiptModeOf(vote.rules) } as VoteRules,
    eligible,
    quorumNeeded: Math.ceil(vote.quorumShare * eligible),
    closesInSeconds: vote.closesInSeconds,
  });
  await recordAudit(tx, {
    assemblyId: vote.assemblyId,
    actorId: vote.actorId,
    action: 'vote.opened',
    target: id,
    detail: {
      question: vote.question,
      method: vote.rules.method,
      ...(vote.closesInSeconds ? { closesInSeconds: vote.closesInSeconds } : {}),
    },
  });
  return id;
}
