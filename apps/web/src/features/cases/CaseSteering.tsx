import { LIMITS } from '@moot/protocol';
import type { CaseView } from '@moot/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands, type CommandRunner } from '../session/commands.ts';
import { ReceiptsChoice } from '../votes/ReceiptsChoice.tsx';
import { AddEvidenceForm } from './AddEvidenceForm.tsx';
import { LeaderInvite } from '../accountability/NarrowInvites.tsx';
import { consequenceVoteFromDraft, DEFAULT_CONSEQUENCE_VOTE } from './consequenceVote.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enVoteForm } from '../../i18n/enVoteForm.ts';
import { optionText, usePhraseWording } from '../../i18n/phrases.ts';

addEnglish(enVoteForm);

interface Props {
  socket: AssemblySocket;
  case: CaseView;
}

/**
 * The moderator's controls for one case, as its status allows: to hearing, the leader's reply,
 * more evidence, to deliberation, the consequence vote, dismissal. The last refusal shows below them.
 */
export function CaseSteering({ socket, case: c }: Props) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  const { number, status } = c;
  const group = useRef<HTMLDivElement>(null);
  const steered = useRef(false);
  // The control just pressed goes away with the status it applied to: keep focus in the case's controls.
  useEffect(() => {
    if (!steered.current) return;
    steered.current = false;
    if (!group.current?.contains(document.activeElement))
      group.current?.querySelector<HTMLElement>('button, textarea, input, summary')?.focus();
  }, [status]);
  const advance = (to: 'hearing' | 'deliberating') => {
    steered.current = true;
    void commands.run('case:advance', { caseId: c.id, to });
  };
  if (status === 'decided' || status === 'dismissed') return null;
  const voteOpen = c.votes.some((vote) => vote.status === 'open');

  return (
    <div className="case-steering" role="group" aria-label={t('cases.steeringLabel', { number })} ref={group}>
      {status === 'open' && (
        <div className="button-row">
          <ActionButton
            unavailable={commands.busy}
            aria-label={t('cases.toHearingLabel', { number })}
            onClick={() => advance('hearing')}
          >
            {t('cases.toHearing')}
          </ActionButton>
        </div>
      )}
      {(status === 'open' || status === 'hearing') && (
        <>
          <ReplyForm commands={commands} case={c} />
          <AddEvidenceForm commands={commands} case={c} />
          <LeaderInvite commands={commands} case={c} />
        </>
      )}
      {status === 'hearing' && (
        <div className="button-row">
          <ActionButton
            unavailable={commands.busy}
            aria-label={t('cases.toDeliberationLabel', { number })}
            onClick={() => advance('deliberating')}
          >
            {t('cases.toDeliberation')}
          </ActionButton>
        </div>
      )}
      {status === 'deliberating' &&
        (voteOpen ? <p className="hint">{t('cases.voteIsOpen')}</p> : <OpenVoteForm commands={commands} case={c} />)}
      {!voteOpen && <DismissForm commands={commands} case={c} />}
      {commands.error && <ErrorNotice error={commands.error} />}
    </div>
  );
}

type FormProps = { commands: CommandRunner; case: CaseView };

function ReplyForm({ commands, case: c }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reply, setReply] = useState(c.reply?.text ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    if (!reply.trim()) return setProblem(t('cases.replyRequired'));
    setProblem(null);
    await commands.run('case:reply', { caseId: c.id, reply: reply.trim() });
  }

  return (
    <form className="decision-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-reply`}>{t('cases.replyLabel', { number: c.number })}</label>
      <p id={`${id}-hint`} className="hint">
        {t('cases.replyHint', { max: LIMITS.maxCaseTextLength })}
      </p>
      <textarea
        id={`${id}-reply`}
        rows={3}
        value={reply}
        maxLength={LIMITS.maxCaseTextLength}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setReply(e.target.value)}
      />
      <button type="submit" aria-disabled={commands.busy}>
        {c.reply ? t('cases.replaceReply') : t('cases.recordReply')}
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function OpenVoteForm({ commands, case: c }: FormProps) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const id = useId();
  const [draft, setDraft] = useState(DEFAULT_CONSEQUENCE_VOTE);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const payload = consequenceVoteFromDraft(c.id, draft);
    if (payload === null) return setProblem(t('votes.problems.quorumPercent'));
    setProblem(null);
    await commands.run('case:openVote', payload);
  }

  return (
    <form className="decision-form" onSubmit={submit} noValidate>
      <p id={`${id}-options`} className="hint">
        {t('cases.openVoteHint')}
      </p>
      <ul className="case-options" aria-labelledby={`${id}-options`}>
        {c.options.map((option) => (
          <li key={option}>{optionText(option, wording)}</li>
        ))}
      </ul>
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
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setDraft({ ...draft, quorumPercent: e.target.value })}
      />
      <ReceiptsChoice value={draft.receipts} onChange={(receipts) => setDraft({ ...draft, receipts })} />
      <button type="submit" aria-disabled={commands.busy}>
        {t('cases.openVote', { number: c.number })}
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function DismissForm({ commands, case: c }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    if (!reason.trim()) return setProblem(t('cases.reasonRequired'));
    setProblem(null);
    await commands.run('case:dismiss', { caseId: c.id, reason: reason.trim() });
  }

  return (
    <details className="case-dismiss">
      <summary>{t('cases.dismiss', { number: c.number })}</summary>
      <form className="decision-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-reason`}>{t('cases.dismissReasonLabel')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          maxLength={LIMITS.maxNoteLength}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="danger" aria-disabled={commands.busy}>
          {t('cases.dismissSubmit', { number: c.number })}
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </details>
  );
}
