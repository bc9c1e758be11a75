import { CONSENT_CHOICES, ErrorCode, LIMITS, receiptModeOf, YES_NO_CHOICES } from '@moot/protocol';
import type { BallotChoice, VoteView } from '@moot/protocol';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import type { BallotBox, BallotState } from './ballotBox.ts';
import { RankedBallot } from './RankedBallot.tsx';
import { useBallot } from './useBallotBox.ts';
import { useChoiceText } from './labels.ts';
import { chosenLabels } from './view.ts';

type Draft = { single: string | null; approved: number[]; ranking: number[] };

/** The ballot the form would cast now, or null when nothing is chosen yet. */
function choiceFrom(vote: VoteView, draft: Draft): BallotChoice | null {
  const { rules } = vote;
  switch (rules.method) {
    case 'yes_no': {
      const choice = YES_NO_CHOICES.find((c) => c === draft.single);
      return choice ? { method: 'yes_no', choice } : null;
    }
    case 'consent': {
      const choice = CONSENT_CHOICES.find((c) => c === draft.single);
      return choice ? { method: 'consent', choice } : null;
    }
    case 'approval':
      return { method: 'approval', approved: [...draft.approved].sort((a, b) => a - b) };
    case 'ranked':
      return draft.ranking.length > 0 ? { method: 'ranked', ranking: draft.ranking } : null;
    case 'support':
      return null; // The final ballot has its own form (finalBallot/SupportBallot.tsx).
  }
}

/** What the form starts from: the member's counted ballot, so changing it starts from what counts. */
function draftFrom(choice: BallotChoice | undefined): Draft {
  const draft: Draft = { single: null, approved: [], ranking: [] };
  if (!choice) return draft;
  if (choice.method === 'yes_no' || choice.method === 'consent') draft.single = choice.choice;
  if (choice.method === 'approval') draft.approved = choice.approved;
  if (choice.method === 'ranked') draft.ranking = choice.ranking;
  return draft;
}

/**
 * A member's ballot for one open vote, for every method. Casting again before close replaces the
 * ballot; the box sends each ballot until the server acknowledges it (same id each time).
 */
export function BallotForm({
  vote,
  box,
  compact = false,
}: {
  vote: VoteView;
  box: BallotBox;
  /** A ballot inside a busier screen (the member's "now"): the optional reason folds away until asked for. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const state = useBallot(box, vote.id);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(state.counted?.ballot.choice));
  const [reason, setReason] = useState(() => state.counted?.ballot.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const { rules } = vote;
  // Without receipts a ballot takes no reason: free text would let a voter mark their ballot.
  const withReceipts = receiptModeOf(rules) === 'verifiable';

  function submit(event: FormEvent) {
    event.preventDefault();
    const choice = choiceFrom(vote, draft);
    if (!choice) {
      setProblem(rules.method === 'ranked' ? t('votes.rankFirst') : t('votes.chooseFirst'));
      return;
    }
    setProblem(null);
    box.cast(vote.id, choice, withReceipts ? reason.trim() : '');
  }

  const single = (choices: readonly { value: string; label: string; hint?: string }[]) => (
    <fieldset className="ballot-choices">
      {/* Compact (the now screen), the question beside the ballot says it: the legend is for screen readers. */}
      <legend className={compact ? 'visually-hidden' : undefined}>{t('votes.ballotLegend')}</legend>
      {choices.map(({ value: choice, label, hint }) => (
        <div key={choice} className="check ballot-choice">
          <input
            type="radio"
            id={`${id}-${choice}`}
            name={`${id}-choice`}
            value={choice}
            checked={draft.single === choice}
            aria-describedby={hint ? `${id}-${choice}-hint` : undefined}
            onChange={() => setDraft({ ...draft, single: choice })}
          />
          <label htmlFor={`${id}-${choice}`}>{label}</label>
          {hint && (
            <span id={`${id}-${choice}-hint`} className="hint ballot-choice-hint">
              {hint}
            </span>
          )}
        </div>
      ))}
    </fieldset>
  );

  return (
    <form className="ballot" onSubmit={submit} noValidate data-testid="ballot" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="visually-hidden">
        {t('votes.ballotLegend')}
      </h4>
      {rules.method === 'yes_no' &&
        single(YES_NO_CHOICES.map((value) => ({ value, label: t(`votes.choices.${value}`) })))}
      {rules.method === 'consent' &&
        single(
          CONSENT_CHOICES.map((value) => ({
            value,
            label: t(`votes.consent.${value}`),
            hint: t(`votes.consentHints.${value}`),
          })),
        )}
      {rules.method === 'approval' && (
        <fieldset className="checks ballot-choices">
          <legend>{t('votes.approveLegend')}</legend>
          {rules.options.map((option, index) => (
            <div key={index} className="check">
              <input
                type="checkbox"
                id={`${id}-opt-${index}`}
                checked={draft.approved.includes(index)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    approved: e.target.checked ? [...draft.approved, index] : draft.approved.filter((i) => i !== index),
                  })
                }
              />
              <label htmlFor={`${id}-opt-${index}`}>{option}</label>
            </div>
          ))}
        </fieldset>
      )}
      {rules.method === 'ranked' && (
        <RankedBallot
          options={rules.options}
          ranking={draft.ranking}
          onChange={(ranking) => setDraft({ ...draft, ranking })}
        />
      )}
      {withReceipts && (
        <Foldable folded={compact} summary={t('votes.addReason')} open={reason !== ''}>
          <label htmlFor={`${id}-reason`}>{t('votes.reasonLabel')}</label>
          <p id={`${id}-reason-hint`} className="hint">
            {t('votes.reasonHint', { max: LIMITS.maxNoteLength })}
          </p>
          <textarea
            id={`${id}-reason`}
            rows={2}
            value={reason}
            maxLength={LIMITS.maxNoteLength}
            aria-describedby={`${id}-reason-hint`}
            onChange={(e) => setReason(e.target.value)}
          />
        </Foldable>
      )}
      <button type="submit">{state.counted || state.sending ? t('votes.change') : t('votes.cast')}</button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <BallotStatus vote={vote} state={state} />
    </form>
  );
}

/** Its children as they are, or folded under a summary (open from the start when `open` at first). */
function Foldable({
  folded,
  summary,
  open,
  children,
}: {
  folded: boolean;
  summary: string;
  open: boolean;
  children: ReactNode;
}) {
  // Open from the start only: later the reader folds it, never a keystroke (clearing the reason).
  const [openAtFirst] = useState(open);
  if (!folded) return <>{children}</>;
  return (
    <details className="ballot-reason" open={openAtFirst || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** "Sending…", "Counted" with the receipt, or why not; read out politely as it changes. */
export function BallotStatus({ vote, state }: { vote: VoteView; state: BallotState }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const choiceText = useChoiceText();
  const phase = state.sending ? 'sending' : state.refused ? 'refused' : state.counted ? 'counted' : 'none';
  const summary = (choice: BallotChoice) =>
    chosenLabels(vote.rules, choice)
      .map((label) => choiceText(label))
      .join(', ');
  return (
    <div className="ballot-status" data-testid="ballot-status" data-state={phase}>
      <div role="status" aria-live="polite" aria-atomic="true">
        {state.sending &&
          (state.sending.attempts > 1 ? (
            <p>{t('votes.retrying', { attempts: state.sending.attempts })}</p>
          ) : (
            <p>{t('votes.sending')}</p>
          ))}
        {!state.sending && state.counted && (
          <p>
            {state.counted.receipt === null ? (
              <strong data-testid="ballot-receipt" data-receipt="">
                {t('votes.countedNoReceipt')}
              </strong>
            ) : (
              <strong data-testid="ballot-receipt" data-receipt={state.counted.receipt}>
                {t('votes.counted', { receipt: state.counted.receipt })}
              </strong>
            )}
          </p>
        )}
      </div>
      {state.refused && (
        <p className="field-error" role="alert" data-error-code={state.refused.error.code}>
          {t('votes.refused', {
            error:
              state.refused.error.code === ErrorCode.voteClosed && state.refused.attempts > 1
                ? t('votes.closedBeforeConfirmed')
                : describe(state.refused.error),
          })}{' '}
          {state.counted && t('votes.earlierStillCounts')}
        </p>
      )}
      {state.counted && (
        <>
          <p>
            {state.counted.ballot.choice.method === 'support'
              ? t('finalBallot.yourBallot', {
                  answered: state.counted.ballot.choice.answers.filter((a) => a !== null).length,
                  total: state.counted.ballot.choice.answers.length,
                })
              : t('votes.yourBallot', { choice: summary(state.counted.ballot.choice) })}
          </p>
          {state.counted.receipt !== null && <p className="hint">{t('votes.receiptHint')}</p>}
        </>
      )}
    </div>
  );
}
