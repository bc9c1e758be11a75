import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChoiceText } from '../votes/labels.ts';
import { PaperBallotsForm } from './PaperBallotsForm.tsx';
import { PaperTally, type PaperCountProps } from './PaperTally.tsx';
import { paperChoicesOf } from './view.ts';
import { questionText, usePhraseWording } from '../../i18n/phrases.ts';

/**
 * One open vote's paper count at this table (`PaperTally`): the totals per choice (approval and
 * ranked: each different ballot and how many); a second facilitator enters theirs independently,
 * and only matching counts count.
 */
export function PaperCount(props: PaperCountProps) {
  const { vote, runner } = props;
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const id = useId();
  const choiceText = useChoiceText();
  const choices = paperChoicesOf(vote.rules) ?? [];
  const [counts, setCounts] = useState<Record<string, string>>({});
  const label = (choice: string) =>
    choiceText(
      vote.rules.method === 'consent'
        ? { kind: 'consent', choice: choice as never }
        : { kind: 'yes_no', choice: choice as never },
    );
  return (
    <PaperTally
      {...props}
      heading={t('facilitator.paperHeading', { question: questionText(vote, wording) })}
      hint={t('facilitator.paperHint')}
      testId="paper-count"
    >
      {(vote.rules.method === 'approval' || vote.rules.method === 'ranked') && (
        <PaperBallotsForm vote={vote as Parameters<typeof PaperBallotsForm>[0]['vote']} runner={runner} />
      )}
      {paperChoicesOf(vote.rules) && (
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
    </PaperTally>
  );
}
