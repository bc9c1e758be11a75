import type { VoteView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { useChoiceText } from '../votes/labels.ts';
import { verdictOf } from '../votes/view.ts';
import { lastClosedVote, newestOpenVote, resultBars } from './view.ts';
import { useAutoFit } from './useAutoFit.ts';
import { PresentSupport } from '../finalBallot/PresentSupport.tsx';
import { isFinalBallot } from '../finalBallot/view.ts';
import { questionText, usePhraseWording } from '../../i18n/phrases.ts';

/** The last closed vote as a bar chart (every bar labelled in words and numbers), and an open vote's turnout. */
export function PresentVote({ votes }: { votes: readonly VoteView[] | undefined }) {
  const { t } = useTranslation();
  const choiceText = useChoiceText();
  const wording = usePhraseWording();
  const box = useAutoFit<HTMLElement>({ max: 3 });
  const last = lastClosedVote(votes);
  const open = newestOpenVote(votes);
  const verdict = last ? verdictOf(last) : null;
  const verdictText =
    verdict?.kind === 'chosen'
      ? t('votes.verdicts.chosen', { option: choiceText(verdict.label) })
      : verdict && t(`votes.verdicts.${verdict.kind}`);
  return (
    <section className="present-box present-vote" aria-labelledby="present-vote-h" ref={box}>
      <h2 id="present-vote-h" className="present-label">
        {t('present.lastVote')}
      </h2>
      {open && (
        <p className="present-vote-open" data-testid="present-vote-open">
          {questionText(open, wording)} — {t('present.voteOpen', { turnout: open.turnout, eligible: open.eligible })}
        </p>
      )}
      {!last ? (
        <p className="present-empty">{t('present.noVote')}</p>
      ) : isFinalBallot(last) ? (
        <PresentSupport vote={last} />
      ) : (
        <figure className="present-chart" data-testid="present-result" data-vote-id={last.id}>
          <figcaption>
            <span className="present-vote-question">{questionText(last, wording)}</span>
            {verdictText && (
              <span className={last.result?.passed ? 'present-verdict present-passed' : 'present-verdict'}>
                {verdictText}
              </span>
            )}
          </figcaption>
          <ul className="present-bars" aria-label={t('present.chartLabel', { question: questionText(last, wording) })}>
            {resultBars(last).map((bar) => (
              <li key={bar.key} className="present-bar" data-choice={bar.key} data-count={bar.count}>
                <span className="present-bar-label">
                  {t('present.bar', { choice: choiceText(bar.label), count: bar.count, percent: bar.percent })}
                </span>
                <span className="present-bar-track" aria-hidden="true">
                  <span className="present-bar-fill" style={{ width: `${bar.length * 100}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </figure>
      )}
    </section>
  );
}
