import { CODE_LENGTH, normaliseCode } from '@moot/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The join page without a link: the 12-character code printed on an invite card, typed in. */
export function CodeForm({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [wrongLength, setWrongLength] = useState<number | null>(null);
  return (
    <form
      className="join-form"
      data-testid="code-form"
      onSubmit={(e) => {
        e.preventDefault();
        const code = normaliseCode(typed);
        if (code.length !== CODE_LENGTH) return setWrongLength(code.length);
        setWrongLength(null);
        onCode(code);
      }}
    >
      <h2>{t('join.codeHeading')}</h2>
      <p>{t('join.codeIntro')}</p>
      <label htmlFor="card-code">{t('join.codeLabel')}</label>
      <input
        id="card-code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby="card-code-hint"
        aria-invalid={wrongLength !== null}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
      />
      <p id="card-code-hint" className="hint">
        {t('join.codeHint')}
      </p>
      {wrongLength !== null && (
        <p className="notice notice-error" role="alert">
          {t('join.codeWrongLength', { typed: wrongLength })}
        </p>
      )}
      <button type="submit">{t('join.codeSubmit')}</button>
    </form>
  );
}
