import type { Attendee, ParticipantView, VoteView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';
import { useChoiceText } from '../votes/labels.ts';
import { paperChoicesOf } from './view.ts';

interface Props {
  vote: VoteView;
  members: readonly Attendee[];
  me: ParticipantView;
  runner: CommandRunner;
}

/**
 * One open vote's paper count at this table: tick who votes on paper (present members only), then
 * enter the totals; a second facilitator enters theirs independently, and only matching totals count.
 */
export function PaperCount({ vote, members, me, runner }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const choiceText = useChoiceText();
  const choices = paperChoicesOf(vote.rules) ?? [];
  const [counts, setCounts] = useState<Record<string, string>>({});
  const paper = vote.paper;
  const ticked = new Set(paper?.voterIds ?? []);
  const counting = paper !== null && paper.status !== 'open';
  const label = (choice: string) =>
    choiceText(
      vote.rules.method === 'consent'
        ? { kind: 'consent', choice: choice as never }
        : { kind: 'yes_no', choice: choice as never },
    );
  const status =
    paper?.status === 'agreed'
      ? t('facilitator.statusAgreed')
      : paper?.status === 'awaiting_second'
        ? paper.firstEnteredBy === me.id
          ? t('facilitator.statusAwaitingMine')
          : t('facilitator.statusAwaiting')
        : t('facilitator.statusOpen');
  return (
    <section className="paper-count" aria-labelledby={`${id}-h`} data-testid="paper-count" data-vote-id={vote.id}>
      <h3 id={`${id}-h`}>{t('facilitator.paperHeading', { question: vote.question })}</h3>
      <p className="hint">{t('facilitator.paperHint')}</p>
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
      {ticked.size > 0 && paper?.status !== 'agreed' && (
        <form
          className="paper-totals"
          onSubmit={(e) => {
            e.preventDefault();
            const entered = Object.fromEntries(choices.map((c) => [c, Number(counts[c] || 0)]));
            void runner.run('vote:enterPaperTotals', { voteId: vote.id, counts: entered }).then((done) => {
              if (done) setCounts({});
            });
          }}
        >
          <fieldset>
            <legend>{t('facilitator.totalsLegend')}</legend>
            {choices.map((choice) => (
              <p key={choice} className="field">
                <label htmlFor={`${id}-${choice}`}>{label(choice)}</label>
                <input
                  id={`${id}-${choice}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  value={counts[choice] ?? ''}
                  data-choice={choice}
                  onChange={(e) => setCounts((c) => ({ ...c, [choice]: e.target.value }))}
                />
              </p>
            ))}
          </fieldset>
          <button type="submit" disabled={runner.busy}>
            {t('facilitator.enterTotals')}
          </button>
        </form>
      )}
    </section>
  );
}
