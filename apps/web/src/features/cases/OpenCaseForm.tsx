import { LIMITS } from '@moot/protocol';
import type { StandardView } from '@moot/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { caseFromDraft, EMPTY_CASE, type CaseDraft, type CaseDraftProblem } from './caseDrafts.ts';

/** The sentence for a problem with the draft. */
function useProblemText(): (problem: CaseDraftProblem) => string {
  const { t } = useTranslation();
  return (problem) => {
    switch (problem.field) {
      case 'evidenceDescription':
      case 'evidenceLink':
        return t(`cases.problems.${problem.field}`, { number: problem.index + 1 });
      case 'summary':
        return t('cases.problems.summary', { max: LIMITS.maxCaseTextLength });
      case 'standards':
        return t('cases.problems.standards', { max: LIMITS.maxCaseStandards });
      case 'evidence':
        return t('cases.evidenceFull', { max: LIMITS.maxCaseEvidence });
      default:
        return t(`cases.problems.${problem.field}`);
    }
  };
}

/** The moderator's "Open a breach case": the role concerned, the adopted standards cited, a summary, evidence. */
export function OpenCaseForm({ socket, standards }: { socket: AssemblySocket; standards: readonly StandardView[] }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const problemText = useProblemText();
  const adopted = standards.filter((s) => s.status === 'adopted');
  const [draft, setDraft] = useState<CaseDraft>(EMPTY_CASE);
  const [problem, setProblem] = useState<CaseDraftProblem | null>(null);
  // After adding a row, its first field; after removing one, "Add evidence": focus never drops to the page.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    (document.getElementById(focusTarget) ?? addButton.current)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const set = (change: Partial<CaseDraft>) => setDraft((d) => ({ ...d, ...change }));
  const invalid = (field: CaseDraftProblem['field'], index?: number) =>
    problem?.field === field && (index === undefined || ('index' in problem && problem.index === index))
      ? true
      : undefined;
  const setEvidence = (index: number, change: Partial<CaseDraft['evidence'][number]>) =>
    set({ evidence: draft.evidence.map((e, i) => (i === index ? { ...e, ...change } : e)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    // Only standards still adopted count, should one change while the form is open.
    const checked = caseFromDraft({
      ...draft,
      standardIds: draft.standardIds.filter((s) => adopted.some((a) => a.id === s)),
    });
    if (!checked.ok) return setProblem(checked.problem);
    setProblem(null);
    if (await commands.run('case:open', checked.payload)) setDraft(EMPTY_CASE);
  }

  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="open-case">
      <h2 id={`${id}-h`}>{t('cases.openHeading')}</h2>
      <form className="decision-form" onSubmit={submit} noValidate aria-busy={commands.busy}>
        <label htmlFor={`${id}-role`}>{t('cases.roleLabel')}</label>
        <p id={`${id}-role-hint`} className="hint">
          {t('cases.roleHint')}
        </p>
        <input
          id={`${id}-role`}
          type="text"
          value={draft.role}
          maxLength={LIMITS.maxTitleLength}
          autoComplete="off"
          aria-describedby={`${id}-role-hint`}
          aria-invalid={invalid('role')}
          onChange={(e) => set({ role: e.target.value })}
        />
        <label htmlFor={`${id}-name`}>{t('cases.nameLabel')}</label>
        <p id={`${id}-name-hint`} className="hint">
          {t('cases.nameHint')}
        </p>
        <input
          id={`${id}-name`}
          type="text"
          value={draft.name}
          maxLength={LIMITS.maxTitleLength}
          autoComplete="off"
          aria-describedby={`${id}-name-hint`}
          aria-invalid={invalid('name')}
          onChange={(e) => set({ name: e.target.value })}
        />
        <fieldset>
          <legend>{t('cases.citeLegend')}</legend>
          {adopted.length === 0 ? (
            <p className="hint">{t('cases.noAdopted')}</p>
          ) : (
            adopted.map((s) => (
              <div className="check" key={s.id}>
                <input
                  type="checkbox"
                  id={`${id}-std-${s.id}`}
                  checked={draft.standardIds.includes(s.id)}
                  onChange={(e) =>
                    set({
                      standardIds: e.target.checked
                        ? [...draft.standardIds, s.id]
                        : draft.standardIds.filter((x) => x !== s.id),
                    })
                  }
                />
                <label htmlFor={`${id}-std-${s.id}`}>{s.title}</label>
              </div>
            ))
          )}
        </fieldset>
        <label htmlFor={`${id}-summary`}>{t('cases.summaryLabel')}</label>
        <p id={`${id}-summary-hint`} className="hint">
          {t('cases.summaryHint', { max: LIMITS.maxCaseTextLength })}
        </p>
        <textarea
          id={`${id}-summary`}
          rows={4}
          value={draft.summary}
          maxLength={LIMITS.maxCaseTextLength}
          aria-describedby={`${id}-summary-hint`}
          aria-invalid={invalid('summary')}
          onChange={(e) => set({ summary: e.target.value })}
        />
        <fieldset>
          <legend>{t('cases.evidenceLegend')}</legend>
          {draft.evidence.length > 0 && (
            <ol className="case-evidence-rows">
              {draft.evidence.map((e, index) => {
                const number = index + 1;
                return (
                  <li key={index}>
                    <label htmlFor={`${id}-ev-${index}`}>{t('cases.evidenceDescriptionLabel', { number })}</label>
                    <input
                      id={`${id}-ev-${index}`}
                      type="text"
                      value={e.description}
                      maxLength={LIMITS.maxNoteLength}
                      autoComplete="off"
                      aria-invalid={invalid('evidenceDescription', index)}
                      onChange={(event) => setEvidence(index, { description: event.target.value })}
                    />
                    <label htmlFor={`${id}-link-${index}`}>{t('cases.evidenceLinkLabel', { number })}</label>
                    <input
                      id={`${id}-link-${index}`}
                      type="url"
                      inputMode="url"
                      value={e.link}
                      maxLength={LIMITS.maxLinkLength}
                      autoComplete="off"
                      aria-invalid={invalid('evidenceLink', index)}
                      onChange={(event) => setEvidence(index, { link: event.target.value })}
                    />
                    <div className="button-row">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => {
                          set({ evidence: draft.evidence.filter((_, i) => i !== index) });
                          setFocusTarget(`${id}-add-evidence`);
                        }}
                      >
                        {t('cases.removeEvidence', { number })}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
          {draft.evidence.length < LIMITS.maxCaseEvidence ? (
            <button
              type="button"
              className="secondary"
              id={`${id}-add-evidence`}
              ref={addButton}
              onClick={() => {
                set({ evidence: [...draft.evidence, { description: '', link: '' }] });
                setFocusTarget(`${id}-ev-${draft.evidence.length}`);
              }}
            >
              {t('cases.addEvidence')}
            </button>
          ) : (
            <p className="hint">{t('cases.evidenceFull', { max: LIMITS.maxCaseEvidence })}</p>
          )}
        </fieldset>
        <button type="submit" aria-disabled={commands.busy}>
          {commands.busy ? t('cases.opening') : t('cases.submit')}
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problemText(problem)}
          </p>
        )}
      </form>
      {commands.error && <ErrorNotice error={commands.error} />}
    </section>
  );
}
