import { useTranslation } from 'react-i18next';
import { votesOutsideCases } from '../../cases/view.ts';
import { VotesPanel } from '../../votes/VotesPanel.tsx';
import type { MemberRoom } from '../memberRoom.ts';
import { useVoteInHash } from '../useVoteInHash.ts';

/** `/assembly/votes`: every vote, open ones first; `#vote-<id>` brings one vote into view and focus. */
export function VotesSection({ live }: { live: MemberRoom }) {
  const { t } = useTranslation();
  const { decided, ballots, room, isModerator } = live;
  useVoteInHash(decided.votes !== undefined);
  return (
    <VotesPanel
      votes={votesOutsideCases(decided.votes)}
      actions={{ ballots, seat: live.me.id }}
      subjects={{ amendments: decided.amendments, standards: room.standards }}
      {...(isModerator ? { note: t('votes.moderatorsDoNotVote') } : {})}
    />
  );
}
