import type { VoteView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BallotBox } from '../votes/ballotBox.ts';
import { useBallot } from '../votes/useBallotBox.ts';
import { openVotes, voteHref } from './view.ts';
import { questionText, usePhraseWording } from '../../i18n/phrases.ts';

/**
 * Each open vote in one line, with a clear button into its ballot (a ballot with its rules and
 * options does not fit the first screen of a phone beside the floor and the text).
 */
export function OpenVotesNow({
  votes,
  ballots,
}: {
  votes: readonly VoteView[] | undefined;
  ballots: BallotBox | null;
}) {
  const { t } = useTranslation();
  const open = openVotes(votes);
  if (open.length === 0) return null;
  return (
    <ul className="now-votes" aria-label={t('member.tabs.votes')} data-testid="open-votes">
      {open.map((vote) => (
        <OpenVoteLine key={vote.id} vote={vote} ballots={ballots} />
      ))}
    </ul>
  );
}

function OpenVoteLine({ vote, ballots }: { vote: VoteView; ballots: BallotBox | null }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const mine = useBallot(ballots, vote.id);
  const voted = mine.counted !== null;
  return (
    <li className="now-vote" data-testid="open-vote" data-vote-id={vote.id}>
      <p className="now-vote-question">{t('member.now.openVote', { question: questionText(vote, wording) })}</p>
      {voted && <p className="now-aside">{t('member.now.voted')}</p>}
      <Link className={ballots && !voted ? 'button-link' : 'button-link secondary'} to={voteHref(vote)}>
        {ballots && !voted ? t('member.now.goVote') : t('member.now.seeVote')}
      </Link>
    </li>
  );
}
