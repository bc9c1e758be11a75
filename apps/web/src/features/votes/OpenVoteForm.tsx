import { LIMITS, VOTE_METHODS } from '@moot/protocol';
import type { StandardView, VoteSubjectInput } from '@moot/protocol';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { DEFAULT_RULES, rulesFromDraft, type RulesDraft, type RulesProblem } from './rulesDraft.ts';
import { RulesFields, useRulesProblemText } from './RulesFields.tsx';
import { addEnglish } from '../../i18n/index.ts';
import { enVoteForm } from '../../i18n/enVoteForm.ts';
import { DeadlineField, deadlineSeconds, MAX_MINUTES } from './DeadlineField.tsx';

addEnglish(enVoteForm);

/** Decisions on a text are yes/no or consent votes (the server refuses the others). */
export const TEXT_DECISION_METHODS = ['yes_no', 'consent'] as const;

interface Props {
  socket: AssemblySocket;
  standards: readonly StandardView[];
  /** Whether a session is live now; votes are held only then. */
  live: boolean;
}

/** The moderator's "Open a vote": adopting a locked standard, or a free question. */
export function OpenVoteForm({ socket, standards, live }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const problemText = useRulesProblemText();
  const locked = standards.filter((s) => s.status === 'locked');
  const [kind, setKind] = useState<'adopt_standard' | 'question'>('adopt_standard');
  const [standardId, setStandardId] = useState('');
  const [question, setQuestion] = useState('');
  const [draft, setDraft] = useState<RulesDraft>(DEFAULT_RULES);
  const [problem, setProblem] = useState<string | null>(null);
  const [rulesProblem, setRulesProblem] = useState<RulesProblem | null>(null);
  const [closesMinutes, setClosesMinutes] = useState('');
  const chosen = locked.find((s) => s.id === standardId) ?? locked[0];
  const methods = kind === 'adopt_standard' ? TEXT_DECISION_METHODS : VOTE_METHODS;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    let subject: VoteSubjectInput;
    if (kind === 'adopt_standard') {
      if (!chosen) return setProblem(t('votes.problems.standard'));
      subject = { kind, standardId: chosen.id };
    } else {
      if (!question.trim()) return setProblem(t('votes.problems.question'));
      subject = { kind, question: question.trim() };
    }
    const checked = rulesFromDraft(draft);
    setRulesProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return setProblem(problemText(checked.problem));
    const closesInSeconds = deadlineSeconds(closesMinutes);
    if (closesInSeconds === null) return setProblem(t('quorum.deadlineProblem', { max: MAX_MINUTES }));
    setProblem(null);
    const opened = await commands.run('vote:open', {
      subject,
      rules: checked.rules,
      quorumShare: checked.quorumShare,
      ...(closesInSeconds ? { closesInSeconds } : {}),
    });
    if (opened) {
      setQuestion('');
      setDraft((d) => ({ ...d, options: '' }));
    }
  }

  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="open-vote">
      <h2 id={`${id}-h`}>{t('votes.openHeading')}</h2>
      {!live && <p className="notice">{t('votes.needsLiveSession')}</p>}
      <form className="decision-form" onSubmit={submit} noValidate aria-busy={commands.busy}>
        <fieldset>
          <legend>{t('votes.subjectLabel')}</legend>
          <div className="check">
            <input
              type="radio"
              id={`${id}-adopt`}
              name={`${id}-kind`}
              checked={kind === 'adopt_standard'}
              onChange={() => {
                setKind('adopt_standard');
                if (draft.method !== 'yes_no' && draft.method !== 'consent') setDraft({ ...draft, method: 'yes_no' });
              }}
            />
            <label htmlFor={`${id}-adopt`}>{t('votes.subjectAdopt')}</label>
          </div>
          <div className="check">
            <input
              type="radio"
              id={`${id}-question`}
              name={`${id}-kind`}
              checked={kind === 'question'}
              onChange={() => setKind('question')}
            />
            <label htmlFor={`${id}-question`}>{t('votes.subjectQuestion')}</label>
          </div>
        </fieldset>
        {kind === 'adopt_standard' ? (
          locked.length === 0 ? (
            <p className="hint">{t('votes.noLockedStandards')}</p>
          ) : (
            <>
              <label htmlFor={`${id}-standard`}>{t('votes.standardLabel')}</label>
              <select id={`${id}-standard`} value={chosen?.id ?? ''} onChange={(e) => setStandardId(e.target.value)}>
                {locked.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
              <p className="hint">{t('votes.decisionMethodsOnly')}</p>
            </>
          )
        ) : (
          <>
            <label htmlFor={`${id}-q`}>{t('votes.questionLabel')}</label>
            <input
              id={`${id}-q`}
              type="text"
              value={question}
              maxLength={LIMITS.maxTitleLength}
              autoComplete="off"
              onChange={(e) => setQuestion(e.target.value)}
            />
          </>
        )}
        <RulesFields draft={draft} onChange={setDraft} methods={methods} problem={rulesProblem} />
        <DeadlineField value={closesMinutes} onChange={setClosesMinutes} />
        {/* Votes are held only in a live session: the server would refuse, so say it here. */}
        <button type="submit" aria-disabled={commands.busy} disabled={!live}>
          {commands.busy ? t('votes.opening') : t('votes.openVote')}
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {commands.error && <ErrorNotice error={commands.error} />}
    </section>
  );
}
