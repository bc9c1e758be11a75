import { SUPPORT_SCALE, type VoteView } from '@moot/protocol';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BallotStatus } from '../votes/BallotForm.tsx';
import type { BallotBox } from '../votes/ballotBox.ts';
import { useBallot } from '../votes/useBallotBox.ts';
import { clearDraft, deviceStorage, loadDraft, saveDraft, type Answers } from './draft.ts';
import './strings.ts';
import type { SupportRules } from './view.ts';
import './finalBallot.css';

/**
 * A member's final ballot: every recommendation with the five answers of the support scale (or
 * none). The answers so far are saved on this device as they change and sent only when cast;
 * casting clears the saved copy. Casting again before close replaces the ballot.
 */
export function SupportBallot({
  vote,
  box,
  seat,
}: {
  vote: VoteView & { rules: SupportRules };
  box: BallotBox;
  seat: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const state = useBallot(box, vote.id);
  const items = vote.rules.items;
  const counted = state.counted?.ballot.choice;
  const [restored] = useState(() => loadDraft(deviceStorage(), vote.id, seat, items.length));
  const [answers, setAnswers] = useState<Answers>(
    () => restored ?? (counted?.method === 'support' ? [...counted.answers] : items.map(() => null)),
  );
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (edited) saveDraft(deviceStorage(), vote.id, seat, answers);
  }, [answers, edited, vote.id, seat]);
  const answered = answers.filter((a) => a !== null).length;
  const blanks = items.length - answered;

  function answer(index: number, value: number | null) {
    setEdited(true);
    setAnswers((all) => all.map((a, i) => (i === index ? value : a)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    box.cast(vote.id, { method: 'support', answers }, '');
    clearDraft(deviceStorage(), vote.id, seat);
    setEdited(false);
  }

  return (
    <form className="ballot support-ballot" onSubmit={submit} noValidate data-testid="support-ballot">
      <p className="hint">{t('finalBallot.savedOnDevice')}</p>
      {restored && (
        <p className="notice" data-testid="draft-restored">
          {t('finalBallot.restored')}
        </p>
      )}
      <ol className="support-items">
        {items.map((item, index) => {
          const name = `${id}-${index}`;
          return (
            <li key={`${item.standardId}-${item.part}`}>
              <fieldset className="support-item" data-testid="support-item" data-index={index}>
                <legend>
                  {t('finalBallot.itemLegend', {
                    number: index + 1,
                    part: t(`finalBallot.parts.${item.part}`),
                    title: item.title,
                  })}
                </legend>
                <div className="support-scale">
                  {SUPPORT_SCALE.map((point, value) => (
                    <span key={point} className="support-point">
                      <input
                        type="radio"
                        id={`${name}-${value}`}
                        name={name}
                        value={value}
                        checked={answers[index] === value}
                        data-answer={point}
                        onChange={() => answer(index, value)}
                      />
                      <label htmlFor={`${name}-${value}`}>{t(`finalBallot.scale.${point}`)}</label>
                    </span>
                  ))}
                  <span className="support-point support-point-none">
                    <input
                      type="radio"
                      id={`${name}-none`}
                      name={name}
                      value=""
                      checked={answers[index] === null}
                      data-answer="none"
                      onChange={() => answer(index, null)}
                    />
                    <label htmlFor={`${name}-none`}>{t('finalBallot.noAnswer')}</label>
                  </span>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="support-ballot-footer">
        <p role="status" data-testid="support-progress" data-answered={answered}>
          {t('finalBallot.progress', { answered, total: items.length })}
        </p>
        {blanks > 0 && <p className="hint">{t('finalBallot.blanksLeft', { count: blanks })}</p>}
        <button type="submit">
          {state.counted || state.sending ? t('finalBallot.castAgain') : t('finalBallot.cast')}
        </button>
      </div>
      <BallotStatus vote={vote} state={state} />
    </form>
  );
}
