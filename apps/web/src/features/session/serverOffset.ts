import { useServerNow } from './useServerNow.ts';

/**
 * The last clock offset this tab measured (server clock − local clock), for countdowns far from
 * the session feed (a vote's deadline, on any page that shows a vote). The feed sets it.
 */
let lastOffset = 0;

export function noteServerOffset(offset: number): void {
  lastOffset = offset;
}

/** The server's clock as this tab estimates it, re-read while `active`. */
export function useServerClock(active = true): number {
  return useServerNow(lastOffset, active);
}
