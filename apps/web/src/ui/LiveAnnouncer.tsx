import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LiveMessageLimiter } from './liveMessages.ts';

/** Screen readers cannot follow faster than this; sighted users see the changes anyway. */
export const LIVE_MESSAGE_INTERVAL_MS = 4000;

type Announce = (key: string, message: string) => void;
const AnnounceContext = createContext<Announce>(() => {});

/**
 * One polite live region for the page's live changes (others' edits, carets arriving),
 * rate-limited by `LiveMessageLimiter`. Components announce through `useAnnounce()`.
 */
export function LiveAnnouncer({ children }: { children: ReactNode }) {
  const limiter = useMemo(() => new LiveMessageLimiter(LIVE_MESSAGE_INTERVAL_MS), []);
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const schedule = useCallback(() => {
    if (timer.current) return;
    const at = limiter.nextAt();
    if (at === null) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        const due = limiter.flush(Date.now());
        if (due) setMessage(due);
        schedule();
      },
      Math.max(0, at - Date.now()),
    );
  }, [limiter]);

  const announce = useCallback<Announce>(
    (key, next) => {
      const due = limiter.offer(key, next, Date.now());
      if (due) setMessage(due);
      else schedule();
    },
    [limiter, schedule],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p className="visually-hidden" aria-live="polite" data-testid="live-changes">
        {message}
      </p>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
