import type { VoteView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BallotBox } from '../votes/ballotBox.ts';
import { BallotForm } from '../votes/BallotForm.tsx';
import { useBallot } from '../votes/useBallotBox.ts';
import '../votes/decisions.css';
import { ballotOnNow, openVotes, voteHref } from './view.ts';
import { questionText, usePhraseWording } from '../../i18n/phrases.ts';

/**
 * Each open vote in one line. A yes/no vote carries its ballot here (three choices and "Cast" fit
 * the first screen of a phone beside the floor and the text); the others (ranked, approval,
 * consent with its six gradients, the final ballot) have a clear button into their own ballot.
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
  const inline = ballots && ballotOnNow(vote);
  return (
    <li className="now-vote" data-testid="open-vote" data-vote-id={vote.id} data-ballot={inline ? 'here' : 'linked'}>
      <p className="now-vote-question">
        {t('member.now.openVote', { question: questionText(vote, wording) })}
        {inline && (
          <>
            {' '}
            <Link className="now-vote-more" to={voteHref(vote)}>
              {t('member.now.seeVote')}
            </Link>
          </>
        )}
      </p>
      {inline ? (
        <BallotForm vote={vote} box={ballots} compact />
      ) : (
        <>
          {voted && <p className="now-aside">{t('member.now.voted')}</p>}
          <Link className={ballots && !voted ? 'button-link' : 'button-link secondary'} to={voteHref(vote)}>
            {ballots && !voted ? t('member.now.goVote') : t('member.now.seeVote')}
          </Link>
        </>
      )}
    </li>
  );
}
