import { invitePath, PARTICIPANT_ROLES } from '@moot/protocol';
import type { OrganisedAssemblyDetail, ParticipantRole, RosterEntry } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { LinkToSend, type FreshLink } from './LinkToSend.tsx';
import { appoint, reissue, revoke } from './organiseApi.ts';

interface Props {
  detail: OrganisedAssemblyDetail;
  onChanged: () => Promise<void>;
}

/**
 * Who holds a seat: organisers appoint anyone to any participant role (the protocol's
 * `PARTICIPANT_ROLES`, so a new role appears here by itself), make a new link for someone who
 * lost theirs, and remove someone. Invite links are shown once, when made.
 */
export function PeopleSection({ detail, onChanged }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const assemblyId = detail.assembly.id;
  const archived = detail.assembly.archived;
  const [role, setRole] = useState<ParticipantRole>(PARTICIPANT_ROLES[0]);
  const [fresh, setFresh] = useState<FreshLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const link = (secret: string) => window.location.origin + invitePath(secret);

  /** Runs one request at a time; a refusal is shown, a success reloads the roster. */
  async function run<T>(request: () => Promise<{ ok: true; data: T } | { ok: false; error: RequestError }>) {
    if (busy) return null;
    setBusy(true);
    setError(null);
    const result = await request();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    await onChanged();
    return result.data;
  }

  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="people">
      <h2 id={`${id}-h`}>{t('organise.people.heading')}</h2>
      {!archived && (
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => appoint(assemblyId, role)).then((data) => {
              if (data)
                setFresh({
                  href: link(data.inviteSecret),
                  note: t('organise.people.appointed', { seat: data.entry.seat, role: t(`roles.${data.role}`) }),
                  once: true,
                });
            });
          }}
        >
          <label htmlFor={`${id}-role`}>{t('organise.people.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" aria-disabled={busy}>
            {t('organise.people.appoint')}
          </button>
        </form>
      )}
      {fresh && <LinkToSend link={fresh} onDone={() => setFresh(null)} />}
      {error && <ErrorNotice error={error} />}
      {detail.roster.length === 0 ? (
        <p>{t('organise.people.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="roster">
            <caption className="visually-hidden">{t('organise.people.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organise.people.seat')}</th>
                <th scope="col">{t('organise.people.name')}</th>
                <th scope="col">{t('organise.people.role')}</th>
                <th scope="col">{t('organise.people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.roster.map((entry) => (
                <SeatRow
                  key={entry.participantId}
                  entry={entry}
                  busy={busy}
                  onReissue={(name) =>
                    void run(() => reissue(assemblyId, entry.participantId)).then((data) => {
                      if (data)
                        setFresh({
                          href: link(data.inviteSecret),
                          note: t('organise.people.reissued', { name }),
                          once: true,
                        });
                    })
                  }
                  onRevoke={() => void run(() => revoke(assemblyId, entry.participantId))}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SeatRow({
  entry,
  busy,
  onReissue,
  onRevoke,
}: {
  entry: RosterEntry;
  busy: boolean;
  onReissue: (name: string) => void;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const name = entry.displayName ?? t('organise.people.seatName', { seat: entry.seat });
  return (
    <tr data-testid="seat" data-role={entry.role}>
      <td>{entry.seat}</td>
      <td>{entry.displayName ?? <span className="hint">{t('organise.people.notJoined')}</span>}</td>
      <td>{t(`roles.${entry.role}`)}</td>
      <td>
        {confirming ? (
          <div className="button-row" role="group" aria-label={t('organise.people.confirmRemove', { name })}>
            <span>{t('organise.people.confirmRemove', { name })}</span>
            <button type="button" className="danger" aria-disabled={busy} onClick={() => !busy && onRevoke()}>
              {t('organise.people.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('organise.people.cancel')}
            </button>
          </div>
        ) : (
          <div className="button-row">
            <button type="button" aria-disabled={busy} onClick={() => !busy && onReissue(name)}>
              {t('organise.people.newLink', { name })}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t('organise.people.remove', { name })}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
