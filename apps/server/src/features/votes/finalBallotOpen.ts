import {
  ErrorCode,
  LIMITS,
  refusal,
  type Recommendation,
  type RecommendationPart,
  type VoteRulesInput,
} from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { findStandard } from '../charter/charterStore.ts';
import { openVoteInSession } from './openVote.ts';
import { writeQuestion } from './voteQuestions.ts';

/**
 * Opens the final ballot: one secret vote of method `support` over the recommendations the
 * moderator listed (a standard's text, or its consequence ladder), in that order. Their titles
 * are copied from the charter now, so the ballot and its result read the same later.
 */
export async function openFinalBallot(
  tx: Queryable,
  ballot: {
    assemblyId: string;
    actorId: string;
    items: readonly { standardId: string; part: RecommendationPart }[];
    rules: VoteRulesInput;
    quorumShare: number;
  },
): Promise<string> {
  const { rules } = ballot;
  if (rules.method !== 'support')
    throw new AppError(
      ErrorCode.badRequest,
      'A final ballot is answered on the support scale (method "support")',
      refusal('finalBallot', 'supportOnly'),
    );
  if (ballot.items.length > LIMITS.maxFinalBallotItems)
    throw new AppError(
      ErrorCode.tooLarge,
      `A final ballot lists at most ${LIMITS.maxFinalBallotItems} recommendations`,
      refusal('finalBallot', 'tooManyItems', { max: LIMITS.maxFinalBallotItems }),
    );
  const seen = new Set<string>();
  const items: Recommendation[] = [];
  for (const { standardId, part } of ballot.items) {
    const key = `${standardId}:${part}`;
    if (seen.has(key))
      throw new AppError(
        ErrorCode.badRequest,
        'A recommendation is listed twice on this ballot',
        refusal('finalBallot', 'listedTwice'),
      );
    seen.add(key);
    const standard = await findStandard(tx, ballot.assemblyId, standardId);
    if (!standard)
      throw new AppError(ErrorCode.notFound, 'No such standard in this charter', refusal('vote', 'standardNotFound'));
    if (part === 'ladder' && standard.ladder.length === 0)
      throw new AppError(
        ErrorCode.badRequest,
        `“${standard.title}” has no consequence ladder to vote on`,
        refusal('finalBallot', 'noLadder', { title: standard.title }),
      );
    items.push({ standardId, part, title: standard.title });
  }
  const pending = await tx.query(
    `SELECT 1 FROM votes WHERE assembly_id = $1 AND subject = 'final_ballot' AND status = 'open'`,
    [ballot.assemblyId],
  );
  if (pending.length > 0)
    throw new AppError(ErrorCode.badRequest, 'A final ballot is already open', refusal('finalBallot', 'alreadyOpen'));
  return openVoteInSession(tx, {
    assemblyId: ballot.assemblyId,
    actorId: ballot.actorId,
    subject: 'final_ballot',
    subjectId: null,
    question: writeQuestion('final_ballot', { count: items.length }),
    rules: { ...rules, items },
    quorumShare: ballot.quorumShare,
  });
}
