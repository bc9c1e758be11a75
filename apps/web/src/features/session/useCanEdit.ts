import { useEffect, useState } from 'react';
import type { SessionFeed } from './useSessionFeed.ts';
import { attendeeOf } from './view.ts';

/**
 * Whether this member may edit documents now: not while muted (until the mute ends, by the
 * server clock) and not after being removed from a live session. Re-evaluated when the mute ends.
 */
export function useCanEdit(feed: SessionFeed, myId: string): boolean {
  const state = feed.state ?? null;
  const me = attendeeOf(state, myId);
  const removed = !!me?.removed && state?.status === 'live';
  const mutedUntil = me?.mutedUntil ?? null;
  const [now, setNow] = useState(() => Date.now() + feed.offset);
  useEffect(() => {
    if (mutedUntil === null) return;
    const wait = mutedUntil - (Date.now() + feed.offset);
    if (wait <= 0) return;
    const timer = setTimeout(() => setNow(Date.now() + feed.offset), wait + 50);
    return () => clearTimeout(timer);
  }, [mutedUntil, feed.offset]);
  const muted = mutedUntil !== null && mutedUntil > Math.max(now, Date.now() + feed.offset);
  return !muted && !removed;
}
