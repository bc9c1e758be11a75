import { ASSEMBLY_LANGUAGES, LIMITS } from '@moot/protocol';
import type { AssemblyDetails, AssemblyLanguage } from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, type ShownError } from '../../ui/ErrorNotice.tsx';

export const EMPTY_DETAILS: AssemblyDetails = {
  title: '',
  charge: '',
  description: '',
  languages: ['en'],
  startsOn: null,
  endsOn: null,
  commissionedBy: '',
  listed: false,
};

interface Props {
  initial: AssemblyDetails;
  submitLabel: string;
  busyLabel: string;
  /** Sends the details; resolves with the refusal to show, or null when they were taken. */
  onSubmit: (details: AssemblyDetails) => Promise<ShownError | null>;
  /** Read-only (an archived assembly). */
  readOnly?: boolean;
}

/**
 * An assembly's details. The server checks them with the protocol's schema (kept out of this
 * chunk: the watch page's budget has no room for the code it would share) and names the first
 * problem; every field keeps what was typed.
 */
export function AssemblyForm({ initial, submitLabel, busyLabel, onSubmit, readOnly = false }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [details, setDetails] = useState<AssemblyDetails>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const set = <K extends keyof AssemblyDetails>(key: K, value: AssemblyDetails[K]) =>
    setDetails((d) => ({ ...d, [key]: value }));
  const toggleLanguage = (language: AssemblyLanguage, on: boolean) =>
    set(
      'languages',
      ASSEMBLY_LANGUAGES.filter((l) => (l === language ? on : details.languages.includes(l))),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || readOnly) return;
    // The server parses the details with the protocol's schema and names the first problem.
    setBusy(true);
    setError(null);
    const refused = await onSubmit(details);
    setBusy(false);
    setError(refused);
  }

  const text = (key: 'title' | 'commissionedBy', max: number, required: boolean) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`organise.fields.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        value={details[key]}
        maxLength={max}
        required={required}
        readOnly={readOnly}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );
  const area = (key: 'charge' | 'description', max: number, required: boolean) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`organise.fields.${key}`)}</label>
      <textarea
        id={`${id}-${key}`}
        value={details[key]}
        maxLength={max}
        required={required}
        readOnly={readOnly}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );
  const date = (key: 'startsOn' | 'endsOn') => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`organise.fields.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type="date"
        value={details[key] ?? ''}
        readOnly={readOnly}
        onChange={(e) => set(key, e.target.value === '' ? null : e.target.value)}
      />
    </div>
  );

  return (
    <form className="organise-form" onSubmit={(e) => void submit(e)} aria-busy={busy} noValidate>
      {text('title', LIMITS.maxTitleLength, true)}
      {area('charge', LIMITS.maxChargeLength, true)}
      {area('description', LIMITS.maxDescriptionLength, false)}
      <fieldset className="field">
        <legend>{t('organise.fields.languages')}</legend>
        {ASSEMBLY_LANGUAGES.map((language) => (
          <label key={language} className="check" lang={language}>
            <input
              type="checkbox"
              checked={details.languages.includes(language)}
              disabled={readOnly}
              onChange={(e) => toggleLanguage(language, e.target.checked)}
            />{' '}
            {t(`organise.languageNames.${language}`)}
          </label>
        ))}
      </fieldset>
      <div className="organise-dates">
        {date('startsOn')}
        {date('endsOn')}
      </div>
      {text('commissionedBy', LIMITS.maxCommissionedByLength, false)}
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={details.listed}
            disabled={readOnly}
            aria-describedby={`${id}-listed-hint`}
            onChange={(e) => set('listed', e.target.checked)}
          />{' '}
          {t('organise.fields.listed')}
        </label>
        <p id={`${id}-listed-hint`} className="hint">
          {t('organise.fields.listedHint')}
        </p>
      </div>
      {error && <ErrorNotice error={error} />}
      {!readOnly && (
        <button type="submit" aria-disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      )}
    </form>
  );
}
