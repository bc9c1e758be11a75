import { LIMITS } from '@moot/protocol';
import type { CaseView } from '@moot/protocol';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';
import { evidenceFromDraft } from './caseDrafts.ts';

/** The moderator adds evidence found after the case was opened, until deliberation starts. */
export function AddEvidenceForm({ commands, case: c }: { commands: CommandRunner; case: CaseView }) {
  const { t } = useTranslation();
  const id = useId();
  const [description, setDescription] = useState('');
  const [link, setLink] = useState('');
  const [problem, setProblem] = useState<'description' | 'link' | null>(null);
  // The number this piece will have in the case's list.
  const number = c.evidence.length + 1;

  if (c.evidence.length >= LIMITS.maxCaseEvidence) {
    return <p className="hint">{t('cases.evidenceFull', { max: LIMITS.maxCaseEvidence })}</p>;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const checked = evidenceFromDraft(description, link);
    if (!checked.ok) return setProblem(checked.field);
    setProblem(null);
    if (await commands.run('case:addEvidence', { caseId: c.id, evidence: checked.evidence })) {
      setDescription('');
      setLink('');
    }
  }

  return (
    <form className="decision-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('cases.evidenceLegend')}</legend>
        <label htmlFor={`${id}-description`}>{t('cases.evidenceDescriptionLabel', { number })}</label>
        <input
          id={`${id}-description`}
          type="text"
          value={description}
          maxLength={LIMITS.maxNoteLength}
          autoComplete="off"
          aria-invalid={problem === 'description' ? true : undefined}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label htmlFor={`${id}-link`}>{t('cases.evidenceLinkLabel', { number })}</label>
        <input
          id={`${id}-link`}
          type="url"
          inputMode="url"
          value={link}
          maxLength={LIMITS.maxLinkLength}
          autoComplete="off"
          aria-invalid={problem === 'link' ? true : undefined}
          onChange={(e) => setLink(e.target.value)}
        />
        <button type="submit" aria-disabled={commands.busy}>
          {t('cases.addEvidence')}
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {t(problem === 'link' ? 'cases.problems.evidenceLink' : 'cases.problems.evidenceDescription', { number })}
          </p>
        )}
      </fieldset>
    </form>
  );
}
