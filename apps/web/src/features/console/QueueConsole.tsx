import type { SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ActionButton } from '../../ui/ActionButton.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { QueueList } from '../queue/QueueList.tsx';
import { SpeakerCard } from '../queue/SpeakerCard.tsx';
import { useCommands } from '../session/commands.ts';
import { ariaKeys } from './shortcuts.ts';

/** The floor: the speaker and their time, "End turn", the queue with "Call next" and "Call" per hand. */
export function QueueConsole({
  socket,
  state,
  serverNow,
}: {
  socket: AssemblySocket;
  state: SessionState;
  serverNow: number;
}) {
  const { t } = useTranslation();
  const commands = useCommands(socket);
  const sessionId = state.id;
  return (
    <section className="console-section" aria-labelledby="console-queue-heading">
      <h3 id="console-queue-heading">{t('queue.heading')}</h3>
      <SpeakerCard
        turn={state.turn}
        serverNow={serverNow}
        action={
          <button
            type="button"
            aria-keyshortcuts={ariaKeys('endTurn')}
            onClick={() =>
              void commands
                .run('queue:endTurn', { sessionId })
                .then(() => document.getElementById('console-call-next')?.focus())
            }
          >
            {t('queue.endTurn')}
          </button>
        }
      />
      <ActionButton
        id="console-call-next"
        aria-keyshortcuts={ariaKeys('nextSpeaker')}
        unavailable={state.queue.length === 0}
        onClick={() => void commands.run('queue:next', { sessionId })}
      >
        {t('queue.callNext')}
      </ActionButton>
      {commands.error && <ErrorNotice error={commands.error} />}
      <QueueList
        queue={state.queue}
        renderAction={(hand) => (
          <button
            type="button"
            className="secondary"
            onClick={() => void commands.run('queue:next', { sessionId, participantId: hand.participantId })}
          >
            {t('queue.call', { name: hand.name })}
          </button>
        )}
      />
    </section>
  );
}
