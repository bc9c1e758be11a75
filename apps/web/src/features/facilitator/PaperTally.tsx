import type { Attendee, ParticipantView, VoteView } from '@moot/protocol';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';

/** What a table's paper count of one open vote is given. */
export interface PaperCountProps<V extends VoteView = VoteView> {
  vote: V;
  /** The table's members; those checked in may be ticked. */
  members: readonly Attendee[];
  me: ParticipantView;
  runner: CommandRunner;
}

interface Props extends PaperCountProps {
  heading: string;
  hint: string;
  testId: string;
  /** How this vote's paper ballots are entered: shown once someone is ticked, until two entries agree. */
  children: ReactNode;
}

/**
 * What every paper count at a table shares, whatever the vote: tick who votes on paper (present
 * members only, `vote:markPaper`), where the two facilitators' entries stand, and a mismatch
 * that discarded both. The entry form is the vote's own.
 */
export function PaperTally({ vote, members, me, runner, heading, hint, testId, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const paper = vote.paper;
  const ticked = new Set(paper?.voterIds ?? []);
  const counting = paper !== null && paper.status !== 'open';
  const status =
    paper?.status === 'agreed'
      ? t('facilitator.statusAgreed')
      : paper?.status === 'awaiting_second'
        ? paper.firstEnteredBy === me.id
          ? t('facilitator.statusAwaitingMine')
          : t('facilitator.statusAwaiting')
        : t('facilitator.statusOpen');
  return (
    <section className="paper-count" aria-labelledby={`${id}-h`} data-testid={testId} data-vote-id={vote.id}>
      <h3 id={`${id}-h`}>{heading}</h3>
      <p className="hint">{hint}</p>
      <p data-testid="paper-voters" data-count={ticked.size}>
        {t('facilitator.paperVoters', { count: ticked.size })}
      </p>
      <ul className="table-members">
        {members
          .filter((m) => m.checkedIn)
          .map((m) => (
            <li key={m.participantId}>
              {ticked.has(m.participantId) ? (
                <span data-testid="paper-ticked">{t('facilitator.paperMarked', { name: m.name })}</span>
              ) : (
                <button
                  type="button"
                  className="secondary"
                  disabled={runner.busy || counting}
                  onClick={() => void runner.run('vote:markPaper', { voteId: vote.id, participantId: m.participantId })}
                >
                  {t('facilitator.markPaper', { name: m.name })}
                </button>
              )}
            </li>
          ))}
      </ul>
      {paper?.lastMismatchAt && paper.status === 'open' && (
        <p className="notice notice-error" role="alert" data-testid="paper-mismatch">
          {t('facilitator.mismatch')}
        </p>
      )}
      <p role="status" data-testid="paper-status" data-status={paper?.status ?? 'open'}>
        {status}
      </p>
      {ticked.size > 0 && paper?.status !== 'agreed' && children}
    </section>
  );
}
