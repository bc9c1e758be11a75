import type { AmendmentView, StandardView, VoteView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { useCommands } from '../session/commands.ts';
import type { BallotBox } from './ballotBox.ts';
import { BallotForm } from './BallotForm.tsx';
import { useRulesText } from './labels.ts';
import { useBallot } from './useBallotBox.ts';
import { VoteResult } from './VoteResult.tsx';
import { QuorumState } from './QuorumState.tsx';
import { SupportBallot } from '../finalBallot/SupportBallot.tsx';
import { SupportResult } from '../finalBallot/SupportResult.tsx';
import { isFinalBallot } from '../finalBallot/view.ts';
import { questionText, usePhraseWording } from '../../i18n/phrases.ts';

/** What a vote is about, where the page has it: an amendment's wording, the standard in the charter. */
export interface VoteSubjects {
  amendments?: readonly AmendmentView[] | undefined;
  /** Standards whose article is on this page, to link an adoption vote to its text. */
  standards?: readonly StandardView[] | undefined;
}

export interface VoteActions {
  /** Members: their ballot box. */
  ballots?: BallotBox | null;
  /** Moderators: the socket "Close vote" goes on. */
  closeWith?: AssemblySocket | null;
  /** Members: their seat, which keys a half-finished final ballot saved on this device. */
  seat?: string | undefined;
}

/**
 * One vote, for anyone: the question and how it is decided; while open, the turnout only (and the
 * member's ballot, or the moderator's "Close vote"); once closed, the result. Nothing here is
 * specific to a subject, so a vote on a breach's consequence shows the same way.
 */
export function VoteCard({
  vote,
  actions = {},
  subjects = {},
}: {
  vote: VoteView;
  actions?: VoteActions;
  subjects?: VoteSubjects;
}) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const rulesText = useRulesText();
  const headingId = `vote-${vote.id}-question`;
  const { ballots, closeWith, seat } = actions;
  const final = isFinalBallot(vote) ? vote : null;
  const mine = useBallot(ballots ?? null, vote.id);
  return (
    <article
      className="vote"
      aria-labelledby={headingId}
      data-testid="vote"
      data-vote-id={vote.id}
      data-status={vote.status}
      data-subject={vote.subject}
    >
      <header className="vote-header">
        <h3 id={headingId} className="vote-question">
          {final ? t('finalBallot.heading', { count: final.rules.items.length }) : questionText(vote, wording)}
        </h3>
        <p className="vote-tags">
          <span className="tag">{t(`votes.subjects.${vote.subject}`)}</span>
          <span className={vote.status === 'open' ? 'tag tag-now' : 'tag'}>{t(`votes.statuses.${vote.status}`)}</span>
          <span className="tag">{t(`votes.methods.${vote.rules.method}`)}</span>
        </p>
      </header>
      <VoteSubject vote={vote} subjects={subjects} />
      <p className="hint">{rulesText(vote.rules)}</p>
      <QuorumState vote={vote} continueWith={closeWith ?? null} />
      {vote.status === 'open' ? (
        <>
          <p data-testid="turnout" data-turnout={vote.turnout} data-eligible={vote.eligible}>
            {t('votes.turnout', { turnout: vote.turnout, eligible: vote.eligible, quorum: vote.quorumNeeded })}
          </p>
          <p className="hint">{t('votes.secretNote')}</p>
          {ballots &&
            (final ? (
              seat && <SupportBallot vote={final} box={ballots} seat={seat} />
            ) : (
              <BallotForm vote={vote} box={ballots} />
            ))}
          {closeWith && <CloseVote socket={closeWith} vote={vote} />}
        </>
      ) : final ? (
        <SupportResult vote={final} myReceipt={mine.counted?.receipt ?? null} />
      ) : (
        <VoteResult vote={vote} myReceipt={mine.counted?.receipt ?? null} />
      )}
    </article>
  );
}

function VoteSubject({ vote, subjects }: { vote: VoteView; subjects: VoteSubjects }) {
  const { t } = useTranslation();
  if (vote.subject === 'amendment') {
    const amendment = subjects.amendments?.find((a) => a.voteId === vote.id);
    if (!amendment) return null;
    return (
      <div className="vote-subject" data-testid="vote-subject">
        <p className="hint">{t('votes.proposedWording')}</p>
        <blockquote className="amendment-text">{amendment.text}</blockquote>
      </div>
    );
  }
  const standard = vote.standardId ? subjects.standards?.find((s) => s.id === vote.standardId) : undefined;
  if (!standard) return null;
  return (
    <p className="vote-subject" data-testid="vote-subject">
      <a href={`#standard-${standard.id}-title`}>{t('votes.readStandard', { title: standard.title })}</a>
    </p>
  );
}

function CloseVote({ socket, vote }: { socket: AssemblySocket; vote: VoteView }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const commands = useCommands(socket);
  return (
    <div className="button-row">
      <ActionButton
        className="danger"
        unavailable={commands.busy}
        aria-label={t('votes.closeLabel', { question: questionText(vote, wording) })}
        onClick={() => void commands.run('vote:close', { voteId: vote.id })}
      >
        {t('votes.close')}
      </ActionButton>
      {commands.error && <ErrorNotice error={commands.error} />}
    </div>
  );
}
