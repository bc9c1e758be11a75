import { addEnglish } from './index.ts';

let loading: Promise<void> | null = null;

/**
 * The English words for why the server refused (`reasons.vote`, `reasons.session`, … — the
 * decisions' and the room's), loaded on the first refusal rather than with every page: the watch
 * page sends commands too (comments) and stays under its size budget. Welsh carries them in its
 * one file. Until they are here a refusal reads as the server's English message, which says the
 * same; a failed load is tried again at the next refusal.
 */
export function refusalWordsLoaded(): Promise<void> {
  loading ??= Promise.all([
    import('./enRefusalsDecisions.ts').then(({ enRefusalsDecisions }) => addEnglish(enRefusalsDecisions)),
    import('./enRefusalsRoom.ts').then(({ enRefusalsRoom }) => addEnglish(enRefusalsRoom)),
  ]).then(
    () => undefined,
    () => {
      loading = null;
    },
  );
  return loading;
}
