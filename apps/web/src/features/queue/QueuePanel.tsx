import type { ParticipantView, SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { myHand } from '../session/view.ts';
import { HandControls } from './HandControls.tsx';
import { QueueList } from './QueueList.tsx';
import { SpeakerCard } from './SpeakerCard.tsx';

interface Props {
  socket: AssemblySocket;
  state: SessionState;
  serverNow: number;
  me: ParticipantView;
  muted: boolean;
  removed: boolean;
}

/** A member's view of the floor: who speaks, the queue, and their own hand. */
export function QueuePanel({ socket, state, serverNow, me, muted, removed }: Props) {
  const { t } = useTranslation();
  const hands = useCommands(socket);
  const turn = useCommands(socket);
  const hand = myHand(state, me.id);
  const place = hand ? state.queue.indexOf(hand) + 1 : 0;
  const blockedReason = removed
    ? t('session.removedNotice')
    : muted
      ? t('queue.muted')
      : state.status !== 'live'
        ? t('session.statusLabel', { status: t(`session.statuses.${state.status}`) })
        : null;
  const mine = state.turn?.participantId === me.id;

  return (
    <section className="queue" aria-labelledby="queue-heading">
      <SpeakerCard
        turn={state.turn}
        serverNow={serverNow}
        myId={me.id}
        action={
          mine && (
            <>
              <button
                type="button"
                disabled={turn.busy}
                onClick={() => void turn.run('queue:endTurn', { sessionId: state.id })}
              >
                {t('queue.yield')}
              </button>
              {turn.error && <ErrorNotice error={turn.error} />}
            </>
          )
        }
      />
      <h3 id="queue-heading">{t('queue.heading')}</h3>
      <QueueList queue={state.queue} myId={me.id} />
      <HandControls
        key={hand?.kind ?? 'none'}
        sessionId={state.id}
        hand={hand}
        place={place}
        commands={hands}
        blockedReason={blockedReason}
      />
    </section>
  );
}
