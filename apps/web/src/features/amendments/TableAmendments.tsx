import type { AmendmentView, StandardView } from '@moot/protocol';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { TEXT_DECISION_METHODS } from '../votes/OpenVoteForm.tsx';
import { DEFAULT_RULES, rulesFromDraft, type RulesDraft, type RulesProblem } from '../votes/rulesDraft.ts';
import { RulesFields, useRulesProblemText } from '../votes/RulesFields.tsx';
import { proposedAmendments } from './view.ts';
import { SuggestedChange } from './SuggestedChange.tsx';

interface Props {
  socket: AssemblySocket;
  amendments: readonly AmendmentView[] | undefined;
  standards: readonly StandardView[];
}

/** The moderator's list of proposed amendments, each with "Table for a vote" (which opens its vote). */
export function TableAmendments({ socket, amendments, standards }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const waiting = proposedAmendments(amendments);
  const titles = new Map(standards.map((s) => [s.id, s.title]));
  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="table-amendments">
      <h2 id={`${id}-h`}>{t('amendments.tableHeading')}</h2>
      {waiting.length === 0 ? (
        <p className="empty">{t('amendments.noneToTable')}</p>
      ) : (
        <ol className="amendment-list">
          {waiting.map((amendment) => (
            <li key={amendment.id}>
              <TableAmendment socket={socket} amendment={amendment} title={titles.get(amendment.standardId) ?? ''} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TableAmendment({
  socket,
  amendment,
  title,
}: {
  socket: AssemblySocket;
  amendment: AmendmentView;
  title: string;
}) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  const problemText = useRulesProblemText();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RulesDraft>(DEFAULT_RULES);
  const [problem, setProblem] = useState<RulesProblem | null>(null);
  const name = amendment.proposer;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const checked = rulesFromDraft(draft);
    if (!checked.ok) return setProblem(checked.problem);
    setProblem(null);
    await commands.run('amendment:table', {
      amendmentId: amendment.id,
      rules: checked.rules,
      quorumShare: checked.quorumShare,
    });
  }

  return (
    <article className="amendment" data-testid="amendment-to-table" data-amendment-id={amendment.id}>
      <p>{t('amendments.tableFor', { title, name })}</p>
      {amendment.suggestion ? (
        <SuggestedChange suggestion={amendment.suggestion} />
      ) : (
        <p className="amendment-text">{amendment.text}</p>
      )}
      {amendment.reason && <p className="hint">{t('amendments.reason', { reason: amendment.reason })}</p>}
      {!open ? (
        <button
          type="button"
          aria-expanded={false}
          aria-label={t('amendments.tableLabel', { title, name })}
          onClick={() => setOpen(true)}
        >
          {t('amendments.table')}
        </button>
      ) : (
        <form
          className="decision-form"
          onSubmit={submit}
          noValidate
          aria-label={t('amendments.tableLabel', { title, name })}
        >
          <RulesFields draft={draft} onChange={setDraft} methods={TEXT_DECISION_METHODS} problem={problem} />
          <div className="button-row">
            <button type="submit" aria-disabled={commands.busy}>
              {t('amendments.tableSubmit')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('amendments.cancel')}
            </button>
          </div>
          {problem && (
            <p className="field-error" role="alert">
              {problemText(problem)}
            </p>
          )}
        </form>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </article>
  );
}
