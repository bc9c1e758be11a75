import type { VoteView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';
import { ballotLinesOf, type BallotLineDraft } from './paperBallots.ts';

interface Props {
  vote: VoteView & { rules: { method: 'approval' | 'ranked'; options: string[] } };
  runner: CommandRunner;
}

const blank = (): BallotLineDraft => ({ picks: [], count: '' });

/**
 * The paper ballots of an approval or ranked vote, entered as counted: each different ballot (the
 * options ticked, or the preferences in order) with how many read exactly so. A ranking is
 * entered whole, since instant runoff moves an eliminated option's ballots to their next preference.
 */
export function PaperBallotsForm({ vote, runner }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [lines, setLines] = useState<BallotLineDraft[]>([blank()]);
  const { method, options } = vote.rules;
  const update = (i: number, line: BallotLineDraft) => setLines((all) => all.map((l, j) => (j === i ? line : l)));
  return (
    <form
      className="paper-ballots"
      data-testid="paper-ballots"
      onSubmit={(e) => {
        e.preventDefault();
        void runner.run('vote:enterPaperBallots', { voteId: vote.id, ballots: ballotLinesOf(lines) }).then((done) => {
          if (done) setLines([blank()]);
        });
      }}
    >
      <p className="hint">
        {t(method === 'ranked' ? 'groupFloor.ballotsHintRanked' : 'groupFloor.ballotsHintApproval')}
      </p>
      {lines.map((line, i) => (
        <fieldset key={i} data-testid="paper-ballot-line">
          <legend>{t('groupFloor.ballotLine', { n: i + 1 })}</legend>
          {method === 'approval'
            ? options.map((option, o) => (
                <p key={o} className="field field-check">
                  <input
                    id={`${id}-${i}-${o}`}
                    type="checkbox"
                    checked={line.picks.includes(o)}
                    onChange={(e) =>
                      update(i, {
                        ...line,
                        picks: e.target.checked ? [...line.picks, o] : line.picks.filter((p) => p !== o),
                      })
                    }
                  />
                  <label htmlFor={`${id}-${i}-${o}`}>{option}</label>
                </p>
              ))
            : options.map((_, rank) =>
                rank > line.picks.length ? null : (
                  <p key={rank} className="field">
                    <label htmlFor={`${id}-${i}-r${rank}`}>{t('groupFloor.preference', { n: rank + 1 })}</label>
                    <select
                      id={`${id}-${i}-r${rank}`}
                      data-rank={rank}
                      value={line.picks[rank] ?? ''}
                      onChange={(e) => {
                        const value = e.target.value;
                        const before = line.picks.slice(0, rank);
                        update(i, { ...line, picks: value === '' ? before : [...before, Number(value)] });
                      }}
                    >
                      <option value="">{t('groupFloor.noPreference')}</option>
                      {options.map((option, o) =>
                        line.picks.slice(0, rank).includes(o) ? null : (
                          <option key={o} value={o}>
                            {option}
                          </option>
                        ),
                      )}
                    </select>
                  </p>
                ),
              )}
          <p className="field">
            <label htmlFor={`${id}-${i}-n`}>{t('groupFloor.count')}</label>
            <input
              id={`${id}-${i}-n`}
              type="number"
              inputMode="numeric"
              min={1}
              data-testid="paper-ballot-count"
              value={line.count}
              onChange={(e) => update(i, { ...line, count: e.target.value })}
            />
          </p>
          {lines.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
            >
              {t('groupFloor.removeLine', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <p className="row-actions">
        <button type="button" className="secondary" onClick={() => setLines((all) => [...all, blank()])}>
          {t('groupFloor.addLine')}
        </button>
        <button type="submit" disabled={runner.busy}>
          {t('groupFloor.enterBallots')}
        </button>
      </p>
    </form>
  );
}
