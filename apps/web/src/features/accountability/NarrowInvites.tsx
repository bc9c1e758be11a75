import { invitePath, LIMITS } from '@moot/protocol';
import type { CaseView } from '@moot/protocol';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enAccountability } from '../../i18n/enAccountability.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands, type CommandRunner } from '../session/commands.ts';
import './accountability.css';

addEnglish(enAccountability);

/** A `datetime-local` value (the moderator's clock) a week from now. */
function inAWeek(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function InviteLink({ secret }: { secret: string }) {
  const { t } = useTranslation();
  const link = window.location.origin + invitePath(secret);
  return (
    <p>
      {t('accountability.invite.linkLabel')}:{' '}
      <a className="invite-link" href={link} data-testid="narrow-invite-link">
        {link}
      </a>
    </p>
  );
}

/** Moderators: a link for the commissioning body (a respondent seat, named after the body). */
export function RespondentInvite({ socket }: { socket: AssemblySocket }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [body, setBody] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const ack = await commands.request('respondent:invite', { body });
    if (ack.ok) setSecret(ack.data.inviteSecret);
  }
  return (
    <form className="narrow-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('accountability.invite.respondentLegend')}</legend>
        <label htmlFor={`${id}-body`}>{t('accountability.invite.bodyLabel')}</label>
        <input
          id={`${id}-body`}
          type="text"
          value={body}
          maxLength={LIMITS.maxTitleLength}
          autoComplete="off"
          onChange={(e) => setBody(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" aria-disabled={commands.busy}>
            {t('accountability.invite.respondentButton')}
          </button>
        </div>
        {secret && <InviteLink secret={secret} />}
        {commands.error && <ErrorNotice error={commands.error} />}
      </fieldset>
    </form>
  );
}

/** Moderators, on a case being heard: the leader's link with a reply deadline, and moving that deadline. */
export function LeaderInvite({ commands, case: c }: { commands: CommandRunner; case: CaseView }) {
  const { t } = useTranslation();
  const id = useId();
  const [deadline, setDeadline] = useState(inAWeek);
  const [secret, setSecret] = useState<string | null>(null);
  const at = () => new Date(deadline).getTime();
  async function invite(event: FormEvent) {
    event.preventDefault();
    if (commands.busy || Number.isNaN(at())) return;
    const ack = await commands.request('leader:invite', { caseId: c.id, deadline: at() });
    if (ack.ok) setSecret(ack.data.inviteSecret);
  }
  const move = () => {
    if (!commands.busy && !Number.isNaN(at()))
      void commands.run('leader:setDeadline', { caseId: c.id, deadline: at() });
  };
  return (
    <form className="narrow-form" onSubmit={invite} noValidate data-testid="leader-invite">
      <fieldset>
        <legend>{t('accountability.invite.leaderLegend')}</legend>
        <label htmlFor={`${id}-deadline`}>{t('accountability.invite.deadlineLabel')}</label>
        <input
          id={`${id}-deadline`}
          type="datetime-local"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" aria-disabled={commands.busy}>
            {t('accountability.invite.leaderButton')}
          </button>
          <button type="button" aria-disabled={commands.busy} onClick={move}>
            {t('accountability.invite.moveDeadline')}
          </button>
        </div>
        {secret && <InviteLink secret={secret} />}
      </fieldset>
    </form>
  );
}
