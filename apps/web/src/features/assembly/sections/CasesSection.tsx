import { lazy, Suspense } from 'react';
import { CasesPanel } from '../../cases/CasesPanel.tsx';
import type { MemberRoom } from '../memberRoom.ts';
import { useVoteInHash } from '../useVoteInHash.ts';

/** The library entries a case cites: the evidence chunk, loaded with the first case shown. */
const CitedEvidence = lazy(() => import('../../evidence/CitedEvidence.tsx'));

/** `/assembly/cases`: the register of breach cases, with their hearings and consequence votes. */
export function CasesSection({ live }: { live: MemberRoom }) {
  useVoteInHash(live.cases !== undefined && live.decided.votes !== undefined);
  return (
    <CasesPanel
      cases={live.cases}
      standards={live.room.standards}
      votes={live.decided.votes}
      provider={live.provider}
      actions={{ canDraft: live.canEdit, votes: { ballots: live.ballots } }}
      citedOf={(caseId) => (
        <Suspense fallback={null}>
          <CitedEvidence socket={live.socket} caseId={caseId} libraryPath="/assembly/evidence" />
        </Suspense>
      )}
    />
  );
}
