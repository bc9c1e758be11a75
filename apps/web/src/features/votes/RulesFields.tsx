import { LIMITS } from '@moot/protocol';
import type { VoteMethod } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ReceiptsChoice } from './ReceiptsChoice.tsx';
import type { RulesDraft, RulesProblem } from './rulesDraft.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enVoteForm } from '../../i18n/enVoteForm.ts';

addEnglish(enVoteForm);

interface Props {
  draft: RulesDraft;
  onChange: (draft: RulesDraft) => void;
  methods: readonly VoteMethod[];
  problem: RulesProblem | null;
}

/** How a vote is decided: method, threshold and abstentions, consent share, options, receipts, quorum. */
export function RulesFields({ draft, onChange, methods, problem }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const set = (change: Partial<RulesDraft>) => onChange({ ...draft, ...change });
  const invalid = (field: RulesProblem | RulesProblem[]) =>
    problem !== null && (Array.isArray(field) ? field.includes(problem) : field === problem) ? true : undefined;
  return (
    <>
      <label htmlFor={`${id}-method`}>{t('votes.methodLabel')}</label>
      <select id={`${id}-method`} value={draft.method} onChange={(e) => set({ method: e.target.value as VoteMethod })}>
        {methods.map((method) => (
          <option key={method} value={method}>
            {t(`votes.methods.${method}`)}
          </option>
        ))}
      </select>
      {draft.method === 'yes_no' && (
        <>
          <label htmlFor={`${id}-threshold`}>{t('votes.thresholdLabel')}</label>
          <select
            id={`${id}-threshold`}
            value={draft.threshold}
            onChange={(e) => set({ threshold: e.target.value as RulesDraft['threshold'] })}
          >
            <option value="simple">{t('votes.thresholds.simple')}</option>
            <option value="two_thirds">{t('votes.thresholds.two_thirds')}</option>
            <option value="share">{t('votes.thresholdShareOption')}</option>
          </select>
          {draft.threshold === 'share' && (
            <>
              <label htmlFor={`${id}-share`}>{t('votes.thresholdPercentLabel')}</label>
              <input
                id={`${id}-share`}
                type="text"
                inputMode="decimal"
                value={draft.thresholdPercent}
                aria-invalid={invalid('thresholdPercent')}
                onChange={(e) => set({ thresholdPercent: e.target.value })}
              />
            </>
          )}
          <div className="check">
            <input
              id={`${id}-abstentions`}
              type="checkbox"
              checked={draft.abstentionsCount}
              onChange={(e) => set({ abstentionsCount: e.target.checked })}
            />
            <label htmlFor={`${id}-abstentions`}>{t('votes.abstentionsLabel')}</label>
          </div>
        </>
      )}
      {draft.method === 'consent' && (
        <>
          <label htmlFor={`${id}-agree`}>{t('votes.agreePercentLabel')}</label>
          <input
            id={`${id}-agree`}
            type="text"
            inputMode="decimal"
            value={draft.agreePercent}
            aria-invalid={invalid('agreePercent')}
            onChange={(e) => set({ agreePercent: e.target.value })}
          />
        </>
      )}
      {(draft.method === 'approval' || draft.method === 'ranked') && (
        <>
          <label htmlFor={`${id}-options`}>{t('votes.optionsLabel')}</label>
          <p id={`${id}-options-hint`} className="hint">
            {t('votes.optionsHint', { max: LIMITS.maxVoteOptions, length: LIMITS.maxTitleLength })}
          </p>
          <textarea
            id={`${id}-options`}
            rows={4}
            value={draft.options}
            aria-describedby={`${id}-options-hint`}
            aria-invalid={invalid(['options', 'optionTooLong'])}
            onChange={(e) => set({ options: e.target.value })}
          />
        </>
      )}
      <ReceiptsChoice value={draft.receipts} onChange={(receipts) => set({ receipts })} />
      <label htmlFor={`${id}-quorum`}>{t('votes.quorumLabel')}</label>
      <p id={`${id}-quorum-hint`} className="hint">
        {t('votes.quorumHint')}
      </p>
      <input
        id={`${id}-quorum`}
        type="text"
        inputMode="decimal"
        value={draft.quorumPercent}
        aria-describedby={`${id}-quorum-hint`}
        aria-invalid={invalid('quorumPercent')}
        onChange={(e) => set({ quorumPercent: e.target.value })}
      />
    </>
  );
}

/** The sentence for a rules problem. */
export function useRulesProblemText(): (problem: RulesProblem) => string {
  const { t } = useTranslation();
  return (problem) =>
    problem === 'options'
      ? t('votes.problems.options', { max: LIMITS.maxVoteOptions })
      : problem === 'optionTooLong'
        ? t('votes.problems.optionTooLong', { max: LIMITS.maxTitleLength })
        : t(`votes.problems.${problem}`);
}
