import type { Attendee, HandView } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../session/commands.ts';

interface Props {
  sessionId: string;
  live: boolean;
  members: readonly Attendee[];
  queue: readonly HandView[];
  runner: CommandRunner;
  /** While the group runs: its facilitator calls a chosen hand to speak. */
  onCall?: (hand: HandView) => void;
}

/** The members at this table: checked in or out here, hands raised and lowered for them. */
export function TableMembers({ sessionId, live, members, queue, runner, onCall }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const handUp = new Set(queue.map((h) => h.participantId));
  return (
    <>
      <section aria-labelledby={`${id}-m`}>
        <h3 id={`${id}-m`}>{t('facilitator.membersHeading')}</h3>
        {members.length === 0 ? (
          <p className="empty">{t('facilitator.noMembers')}</p>
        ) : (
          <ul className="table-members" data-testid="table-members">
            {members.map((m) => {
              const payload = { sessionId, participantId: m.participantId };
              const status = m.checkedIn ? 'present' : m.checkedOut ? 'checkedOut' : 'absent';
              return (
                <li
                  key={m.participantId}
                  data-testid="table-member"
                  data-participant-id={m.participantId}
                  data-status={status}
                >
                  <span>
                    {m.name} <span className="tag">{t(`facilitator.${status}`)}</span>
                  </span>
                  <span className="row-actions">
                    {m.checkedIn ? (
                      <button
                        type="button"
                        className="secondary"
                        disabled={runner.busy}
                        onClick={() => void runner.run('attendance:checkOutFor', payload)}
                      >
                        {t('facilitator.checkOut', { name: m.name })}
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={runner.busy}
                        onClick={() => void runner.run('attendance:checkInFor', payload)}
                      >
                        {t('facilitator.checkIn', { name: m.name })}
                      </button>
                    )}
                    {live &&
                      m.checkedIn &&
                      (handUp.has(m.participantId) ? (
                        <button
                          type="button"
                          className="secondary"
                          disabled={runner.busy}
                          onClick={() => void runner.run('queue:lowerFor', payload)}
                        >
                          {t('facilitator.lowerFor', { name: m.name })}
                        </button>
                      ) : (
                        <button
                          type="button"
                          disabled={runner.busy}
                          onClick={() => void runner.run('queue:raiseFor', { ...payload, kind: 'new_point' })}
                        >
                          {t('facilitator.raiseFor', { name: m.name })}
                        </button>
                      ))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${id}-q`}>
        <h3 id={`${id}-q`}>{t('facilitator.queueHeading')}</h3>
        {queue.length === 0 ? (
          <p className="empty">{t('facilitator.queueEmpty')}</p>
        ) : (
          <ol className="queue-list" data-testid="table-queue">
            {queue.map((hand) => (
              <li key={hand.id} data-testid="table-hand" data-participant-id={hand.participantId}>
                {t('queue.entry', { name: hand.name, kind: t(`queue.kinds.${hand.kind}`) })}
                {hand.raisedBy && (
                  <span className="hint"> ({t('facilitator.raisedBy', { name: hand.raisedBy.name })})</span>
                )}
                {onCall && live && (
                  <button type="button" className="secondary" disabled={runner.busy} onClick={() => onCall(hand)}>
                    {t('groupFloor.call', { name: hand.name })}
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
