import { lazy } from 'react';

/** The consensus map's panel, loaded only where a standard is shown (its own chunk, strings and styles). */
export const LazyConsensusPanel = lazy(() =>
  import('./ConsensusPanel.tsx').then((m) => ({ default: m.ConsensusPanel })),
);
