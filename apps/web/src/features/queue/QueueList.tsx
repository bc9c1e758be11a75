import type { HandView } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  queue: readonly HandView[];
  myId?: string | null;
  /** Moderator: a "Call" button per hand. */
  renderAction?: (hand: HandView) => ReactNode;
}

/** The waiting hands, in the order the server sends them (which already applies the session's rule). */
export function QueueList({ queue, myId = null, renderAction }: Props) {
  const { t } = useTranslation();
  if (queue.length === 0) return <p className="empty">{t('queue.empty')}</p>;
  return (
    <ol className="queue-list" data-testid="queue">
      {queue.map((hand) => (
        <li key={hand.id} data-testid="hand" data-participant-id={hand.participantId} data-kind={hand.kind}>
          <span>
            {t('queue.entry', {
              name: hand.participantId === myId ? t('session.you', { name: hand.name }) : hand.name,
              kind: t(`queue.kinds.${hand.kind}`),
            })}
            {hand.raisedBy && <span className="hint"> ({t('queue.raisedBy', { name: hand.raisedBy.name })})</span>}
          </span>
          {renderAction?.(hand)}
        </li>
      ))}
    </ol>
  );
}
