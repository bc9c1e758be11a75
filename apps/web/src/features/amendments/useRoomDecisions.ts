import type { AmendmentView, DissentView, VoteView } from '@moot/protocol';
import { useMemo } from 'react';
import type { DecisionsStore } from '../votes/decisionsStore.ts';
import { useDecisions } from '../votes/useDecisions.ts';
import { byStandard, of } from './view.ts';

export interface RoomDecisions {
  votes: readonly VoteView[] | undefined;
  amendments: readonly AmendmentView[] | undefined;
  amendmentsOf: (standardId: string) => readonly AmendmentView[];
  dissentsOf: (standardId: string) => readonly DissentView[];
}

/** The room's decisions, with each standard's amendments and minority reports at hand. */
export function useRoomDecisions(store: DecisionsStore | null): RoomDecisions {
  const { votes, amendments, dissents } = useDecisions(store);
  return useMemo(() => {
    const amendmentGroups = byStandard(amendments);
    const dissentGroups = byStandard(dissents);
    return {
      votes,
      amendments,
      amendmentsOf: (standardId) => of(amendmentGroups, standardId),
      dissentsOf: (standardId) => of(dissentGroups, standardId),
    };
  }, [votes, amendments, dissents]);
}
