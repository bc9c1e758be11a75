import { useSyncExternalStore } from 'react';
import type { CommentsSnapshot, CommentsStore } from './commentsStore.ts';

const noop = () => () => {};
const nothing = (): CommentsSnapshot => undefined;

/** The comments store's current list, re-rendering on every change (undefined until there is one). */
export function useComments(store: CommentsStore | null): CommentsSnapshot {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? nothing);
}
