import { useSyncExternalStore } from 'react';
import type { SessionFeed, SessionStore } from './sessionStore.ts';

export type { SessionFeed } from './sessionStore.ts';

const NOTHING_YET: SessionFeed = { state: undefined, offset: 0, notice: null };
const noop = () => () => {};

/** The session store's current feed, re-rendering on every change (nothing until there is a store). */
export function useSessionFeed(store: SessionStore | null): SessionFeed {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? (() => NOTHING_YET));
}
