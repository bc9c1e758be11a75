import { LIMITS } from '@moot/protocol';
import type { StandardView } from '@moot/protocol';
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { moveItem } from '../votes/ranking.ts';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A standard's consequence ladder, mildest first: add, reorder and remove steps with buttons, then
 * save the whole list. Until then the edits are local; a change saved by someone else replaces an
 * unedited list.
 */
export function LadderEditor({ socket, standard }: { socket: AssemblySocket; standard: StandardView }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const input = useRef<HTMLInputElement>(null);
  const [base, setBase] = useState<readonly string[]>(standard.ladder);
  const [steps, setSteps] = useState<readonly string[]>(standard.ladder);
  const [step, setStep] = useState('');
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { title } = standard;

  // Someone else saved: take their list unless this one has unsaved edits.
  if (!same(base, standard.ladder)) {
    setBase(standard.ladder);
    if (same(steps, base)) setSteps(standard.ladder);
  }
  const dirty = !same(steps, standard.ladder);

  const edit = (next: readonly string[]) => {
    setSteps(next);
    setSaved(false);
  };

  function add(event: FormEvent) {
    event.preventDefault();
    const text = step.trim();
    if (!text) return;
    if (steps.length >= LIMITS.maxLadderSteps)
      return setProblem(t('lifecycle.ladderFull', { max: LIMITS.maxLadderSteps }));
    setProblem(null);
    edit([...steps, text]);
    setStep('');
    input.current?.focus();
  }

  async function save() {
    if (commands.busy) return;
    const ok = await commands.run('standard:setLadder', { standardId: standard.id, steps: [...steps] });
    setSaved(ok);
  }

  return (
    <div className="ladder-editor" role="group" aria-label={t('lifecycle.ladderLabel', { title })}>
      <h4>{t('lifecycle.ladderHeading')}</h4>
      <p className="hint">{t('lifecycle.ladderHint')}</p>
      {steps.length === 0 ? (
        <p className="empty">{t('lifecycle.ladderEmpty')}</p>
      ) : (
        <ol className="ladder-list" data-testid="ladder-steps">
          {steps.map((text, index) => (
            <li key={`${index}-${text}`}>
              <span className="ranking-text">
                {index + 1}. {text}
              </span>
              <span className="ranking-tools">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('lifecycle.stepMoveUp', { step: text })}
                  disabled={index === 0}
                  onClick={() => edit(moveItem(steps, index, index - 1))}
                >
                  {t('votes.moveUp')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('lifecycle.stepMoveDown', { step: text })}
                  disabled={index === steps.length - 1}
                  onClick={() => edit(moveItem(steps, index, index + 1))}
                >
                  {t('votes.moveDown')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('lifecycle.stepRemove', { step: text })}
                  onClick={() => {
                    edit(steps.filter((_, i) => i !== index));
                    input.current?.focus();
                  }}
                >
                  {t('votes.unrank')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <form className="inline-form" onSubmit={add}>
        <label htmlFor={`${id}-step`} className="visually-hidden">
          {t('lifecycle.stepLabel', { title })}
        </label>
        <input
          ref={input}
          id={`${id}-step`}
          type="text"
          value={step}
          maxLength={LIMITS.maxTitleLength}
          autoComplete="off"
          onChange={(e) => setStep(e.target.value)}
        />
        <button type="submit" className="secondary">
          {t('lifecycle.addStep')}
        </button>
      </form>
      <div className="button-row">
        <button
          type="button"
          aria-label={t('lifecycle.saveLadderLabel', { title })}
          aria-disabled={commands.busy || !dirty}
          onClick={() => dirty && void save()}
        >
          {t('lifecycle.saveLadder')}
        </button>
        <span role="status" className="hint">
          {dirty ? t('lifecycle.ladderUnsaved') : saved ? t('lifecycle.ladderSaved') : ''}
        </span>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </div>
  );
}
