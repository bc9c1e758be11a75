import { invitePath, PARTICIPANT_ROLES } from '@moot/protocol';
import type { ParticipantRole, ParticipantView, RosterEntry } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Page.tsx';
import { useCommands, type CommandRunner } from '../session/commands.ts';
import { inviteLink, useRoster } from './roster.ts';

/** A link just made: shown once, to copy and send. */
interface FreshLink {
  href: string;
  /** What it is for, in words (a new seat, or a replaced link). */
  note: string;
}

/**
 * The roster: every seat with its holder's name and role. Moderators invite members and
 * moderators, make a new link for someone who lost theirs, change a role and remove someone
 * from the assembly (after saying so once more). Their own row has no such controls.
 */
export function RosterConsole({ socket, me }: { socket: AssemblySocket; me: ParticipantView }) {
  const { t } = useTranslation();
  const id = useId();
  const { entries, error } = useRoster(socket);
  const commands = useCommands(socket);
  const [role, setRole] = useState<ParticipantRole>('member');
  const [fresh, setFresh] = useState<FreshLink | null>(null);
  const link = (secret: string) => inviteLink(window.location.origin, invitePath(secret));

  async function invite() {
    const ack = await commands.request('roster:invite', { role });
    if (ack.ok) {
      setFresh({
        href: link(ack.data.inviteSecret),
        note: t('console.roster.invited', { seat: ack.data.entry.seat, role: t(`roles.${role}`) }),
      });
    }
  }

  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="roster">
      <h2 id={`${id}-h`}>{t('console.roster.heading')}</h2>
      {error && <ErrorNotice error={error} />}
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!commands.busy) void invite();
        }}
      >
        <label htmlFor={`${id}-role`}>{t('console.roster.inviteRole')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
          {PARTICIPANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" aria-disabled={commands.busy}>
          {t('console.roster.invite')}
        </button>
      </form>
      {fresh && <LinkToSend link={fresh} onDone={() => setFresh(null)} />}
      {commands.error && <ErrorNotice error={commands.error} />}
      {!entries ? (
        !error && <Loading label={t('console.roster.loading')} />
      ) : (
        <div className="table-scroll">
          <table className="roster">
            <caption className="visually-hidden">{t('console.roster.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.roster.seat')}</th>
                <th scope="col">{t('console.roster.name')}</th>
                <th scope="col">{t('console.roster.role')}</th>
                <th scope="col">{t('console.roster.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <RosterRow
                  key={entry.participantId}
                  entry={entry}
                  mine={entry.participantId === me.id}
                  commands={commands}
                  onLink={(secret, name) =>
                    setFresh({ href: link(secret), note: t('console.roster.reissued', { name }) })
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  entry: RosterEntry;
  mine: boolean;
  commands: CommandRunner;
  onLink: (secret: string, name: string) => void;
}

function RosterRow({ entry, mine, commands, onLink }: RowProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { participantId } = entry;
  const name = entry.displayName ?? t('console.roster.seatName', { seat: entry.seat });
  const other: ParticipantRole = entry.role === 'member' ? 'moderator' : 'member';

  return (
    <tr data-testid="roster-entry" data-role={entry.role}>
      <td>{entry.seat}</td>
      <td>
        {entry.displayName ?? <span className="hint">{t('console.roster.notJoined')}</span>}
        {mine && ` ${t('console.roster.you')}`}
      </td>
      <td>{t(`roles.${entry.role}`)}</td>
      <td>
        {mine ? null : confirming ? (
          <div className="button-row" role="group" aria-label={t('console.roster.confirmLabel', { name })}>
            <span>{t('console.roster.confirmRemove', { name })}</span>
            <button
              type="button"
              className="danger"
              aria-disabled={commands.busy}
              onClick={() => {
                if (!commands.busy) void commands.run('roster:revoke', { participantId });
              }}
            >
              {t('console.roster.remove')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('console.roster.cancel')}
            </button>
          </div>
        ) : (
          <div className="button-row">
            <button
              type="button"
              aria-disabled={commands.busy}
              onClick={() => {
                if (!commands.busy) void commands.run('roster:setRole', { participantId, role: other });
              }}
            >
              {t(other === 'moderator' ? 'console.roster.makeModerator' : 'console.roster.makeMember', { name })}
            </button>
            <button
              type="button"
              aria-disabled={commands.busy}
              onClick={() => {
                if (commands.busy) return;
                void commands.request('roster:reissue', { participantId }).then((ack) => {
                  if (ack.ok) onLink(ack.data.inviteSecret, name);
                });
              }}
            >
              {t('console.roster.newLink', { name })}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t('console.roster.removeFor', { name })}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** The new link, with a copy button; it is not shown again once dismissed. */
function LinkToSend({ link, onDone }: { link: FreshLink; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice invite-link" role="status" data-testid="invite-link">
      <p>{link.note}</p>
      <label htmlFor={`${id}-link`}>{t('console.roster.linkLabel')}</label>
      <input id={`${id}-link`} readOnly value={link.href} onFocus={(e) => e.currentTarget.select()} />
      <p className="hint">{t('console.roster.shownOnce')}</p>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(link.href).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('console.roster.copied') : t('console.roster.copy')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('console.roster.done')}
        </button>
      </div>
    </div>
  );
}
