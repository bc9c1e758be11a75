import { ErrorCode, refusal } from '@moot/protocol';
import { AppError } from '../../realtime/appError.ts';
import type { Queryable } from '../../storage/database.ts';
import { panelOf } from './panelStore.ts';

/** The participants on a case's drawn panel; null when the case has no panel (the whole assembly votes). */
export async function panelVoters(db: Queryable, caseId: string): Promise<string[] | null> {
  const panel = await panelOf(db, caseId);
  if (!panel) return null;
  if (!panel.panel) {
    throw new AppError(
      ErrorCode.badRequest,
      'The panel for this case is prepared but not drawn yet: draw it first',
      refusal('panel', 'notDrawn'),
    );
  }
  return panel.panel.map((poolId) => panel.pool[poolId]!);
}

/**
 * Inside the transaction that opens a case's consequence vote: with a drawn panel, only the panel
 * counts towards quorum (`quorumNeeded = ceil(share × panel size)`); a panel prepared and not yet
 * drawn refuses the vote (the transaction rolls back).
 */
export async function restrictVoteToPanel(
  tx: Queryable,
  caseId: string,
  voteId: string,
  quorumShare: number,
): Promise<void> {
  const voters = await panelVoters(tx, caseId);
  if (!voters) return;
  await tx.query('UPDATE votes SET eligible = $2, quorum_needed = $3 WHERE id = $1', [
    voteId,
    voters.length,
    Math.ceil(quorumShare * voters.length),
  ]);
}

/** Inside `vote:cast`: a consequence vote on a case with a panel takes ballots from the panel alone. */
export async function refuseOffPanel(
  tx: Queryable,
  vote: { subject: string; subjectId: string | null },
  participantId: string,
): Promise<void> {
  if (vote.subject !== 'consequence' || !vote.subjectId) return;
  const voters = await panelVoters(tx, vote.subjectId);
  if (voters && !voters.includes(participantId)) {
    throw new AppError(
      ErrorCode.forbidden,
      'Only the panel drawn for this case votes on its consequence; you follow the vote as everyone else does',
      refusal('panel', 'notOnPanel'),
    );
  }
}
