import type { AccessNeed, Attendee, TableNeeds as Needs } from '@moot/protocol';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { sendCommand } from '../session/commands.ts';

interface Props {
  socket: AssemblySocket;
  sessionId: string;
  /** The members this facilitator steers now; the list is asked again whenever it changes. */
  members: readonly Attendee[];
}

/**
 * The access needs of the members at this table, in plain words, recorded with their consent.
 * The server decides whose (`members:tableNeeds`: this facilitator's group, or the room at the
 * door) and sends needs only: no contact detail or demographic ever comes with them.
 */
export function TableNeeds({ socket, sessionId, members }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [needs, setNeeds] = useState<Needs['members'] | null>(null);
  const steered = members.map((m) => m.participantId).join(',');
  useEffect(() => {
    let current = true;
    void sendCommand(socket, 'members:tableNeeds', { sessionId }).then(
      (ack) => current && ack.ok && setNeeds(ack.data.members),
    );
    return () => {
      current = false;
    };
  }, [socket, sessionId, steered]);
  if (needs === null) return null;
  const nameOf = new Map(members.map((m) => [m.participantId, m.name]));
  const shown = needs.filter((n) => nameOf.has(n.participantId));
  const words = (list: AccessNeed[]) => list.map((need) => t(`tableNeeds.kinds.${need}`)).join(', ');
  return (
    <section aria-labelledby={`${id}-h`} data-testid="table-needs">
      <h3 id={`${id}-h`}>{t('tableNeeds.heading')}</h3>
      <p className="hint">{t('tableNeeds.intro')}</p>
      {shown.length === 0 ? (
        <p className="empty">{t('tableNeeds.none')}</p>
      ) : (
        <ul>
          {shown.map((n) => (
            <li key={n.participantId} data-participant-id={n.participantId}>
              {t('tableNeeds.needsOf', { name: nameOf.get(n.participantId), needs: words(n.needs) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
