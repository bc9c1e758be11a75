import { useSyncExternalStore } from 'react';
import { NO_DECISIONS, type Decisions, type DecisionsStore } from './decisionsStore.ts';

const noop = () => () => {};
const nothing = (): Decisions => NO_DECISIONS;

/** The decisions store's current lists, re-rendering on every change. */
export function useDecisions(store: DecisionsStore | null): Decisions {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? nothing);
}
