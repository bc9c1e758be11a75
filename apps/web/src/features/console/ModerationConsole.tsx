import { MODERATION_REASONS } from '@moot/protocol';
import type { ModerationReason, SessionState } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';

/** Mute, unmute or remove a member, always with a reason from the list and an optional note. */
export function ModerationConsole({ socket, state }: { socket: AssemblySocket; state: SessionState }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const members = state.attendees.filter((a) => a.role === 'member');
  const [participantId, setParticipantId] = useState('');
  const [code, setCode] = useState<ModerationReason>('off_topic');
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState('10');
  const chosen = members.some((m) => m.participantId === participantId)
    ? participantId
    : (members[0]?.participantId ?? '');
  const reason = { code, note };
  const done = (ok: boolean) => ok && setNote('');

  return (
    <section className="console-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('console.moderationHeading')}</h2>
      {members.length === 0 ? (
        <p className="empty">{t('console.noMembers')}</p>
      ) : (
        <form className="moderation-form" onSubmit={(e) => e.preventDefault()}>
          <div className="form-row">
            <label htmlFor={`${id}-who`}>{t('console.member')}</label>
            <select id={`${id}-who`} value={chosen} onChange={(e) => setParticipantId(e.target.value)}>
              {members.map((m) => (
                <option key={m.participantId} value={m.participantId}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-reason`}>{t('console.reason')}</label>
            <select id={`${id}-reason`} value={code} onChange={(e) => setCode(e.target.value as ModerationReason)}>
              {MODERATION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`session.reasons.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-note`}>{t('console.note')}</label>
            <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-minutes`}>{t('console.minutes')}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              min={1}
              max={1440}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              onClick={() =>
                void commands
                  .run('moderation:mute', { participantId: chosen, minutes: Number(minutes), reason })
                  .then(done)
              }
            >
              {t('console.mute')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void commands.run('moderation:unmute', { participantId: chosen })}
            >
              {t('console.unmute')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void commands
                  .run('moderation:remove', { sessionId: state.id, participantId: chosen, reason })
                  .then(done)
              }
            >
              {t('console.remove')}
            </button>
          </div>
        </form>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </section>
  );
}
