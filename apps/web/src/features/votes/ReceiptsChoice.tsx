import { RECEIPT_MODES } from '@moot/protocol';
import type { ReceiptMode } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../../i18n/index.ts';
import { enVoteForm } from '../../i18n/enVoteForm.ts';

addEnglish(enVoteForm);

interface Props {
  value: ReceiptMode;
  onChange: (mode: ReceiptMode) => void;
}

/** The moderator's per-vote choice: verifiable receipts or none, each with its trade-off said. */
export function ReceiptsChoice({ value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset data-testid="receipts-choice">
      <legend>{t('votes.receiptsLabel')}</legend>
      {RECEIPT_MODES.map((mode) => (
        <div className="check" key={mode}>
          <input
            type="radio"
            id={`${id}-${mode}`}
            name={`${id}-receipts`}
            value={mode}
            checked={value === mode}
            aria-describedby={`${id}-${mode}-hint`}
            onChange={() => onChange(mode)}
          />
          <label htmlFor={`${id}-${mode}`}>
            {mode === 'verifiable' ? t('votes.receiptsVerifiable') : t('votes.receiptsNone')}
          </label>
          <p id={`${id}-${mode}-hint`} className="hint">
            {mode === 'verifiable' ? t('votes.receiptsVerifiableHint') : t('votes.receiptsNoneHint')}
          </p>
        </div>
      ))}
      <p className="hint">{t('votes.receiptsRecast')}</p>
    </fieldset>
  );
}
