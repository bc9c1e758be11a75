import type { SessionState, StandardView, VoteView } from '@moot/protocol';
import { currentItem } from '../session/view.ts';

/**
 * The standards under discussion now: those the current agenda item concerns while it runs or is
 * paused, in charter order (not the order the moderator ticked them), each once, and only those
 * still in the charter (a standard removed mid-item drops out).
 */
export function standardsUnderDiscussion(
  state: SessionState | null | undefined,
  standards: readonly StandardView[],
): StandardView[] {
  const item = currentItem(state ?? null);
  if (!item || (item.status !== 'running' && item.status !== 'paused')) return [];
  const wanted = new Set(item.standardIds);
  return [...standards].sort((a, b) => a.position - b.position).filter((s) => wanted.has(s.id));
}

/** The votes open now, oldest first: the ones a member may still have to vote in. */
export function openVotes(votes: readonly VoteView[] | undefined): VoteView[] {
  return (votes ?? []).filter((v) => v.status === 'open').sort((a, b) => a.openedAt - b.openedAt);
}

/**
 * Whether the now screen carries the vote's ballot itself: a yes/no vote (three choices, one row);
 * ranked, approval, consent (six gradients with their hints) and the final ballot need their room.
 */
export const ballotOnNow = (vote: Pick<VoteView, 'rules'>): boolean => vote.rules.method === 'yes_no';

/**
 * The address of one vote: `/assembly/votes#vote-<id>`, or in the cases section for a vote on a
 * breach's consequence (it is held inside its case).
 */
export const voteHref = (vote: Pick<VoteView, 'id' | 'subject'>): string =>
  `/assembly/${vote.subject === 'consequence' ? 'cases' : 'votes'}#vote-${vote.id}`;

/** The vote id a `#vote-<id>` fragment points at, or null. */
export function voteInHash(hash: string): string | null {
  const match = /^#vote-([\w-]+)$/.exec(hash);
  return match ? match[1]! : null;
}
