import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { voteInHash } from '../now/view.ts';

/**
 * On a section reached by `#vote-<id>` (the "Vote now" button): once `ready` (the votes have
 * arrived), bring that vote into view and move focus to it, so the next Tab is its ballot.
 */
export function useVoteInHash(ready: boolean): void {
  const { hash } = useLocation();
  const target = voteInHash(hash);
  useEffect(() => {
    if (!target || !ready) return;
    const vote = document.querySelector<HTMLElement>(`[data-vote-id="${CSS.escape(target)}"]`);
    if (!vote) return;
    vote.tabIndex = -1;
    vote.scrollIntoView({ block: 'start' });
    vote.focus({ preventScroll: true });
  }, [target, ready]);
}
