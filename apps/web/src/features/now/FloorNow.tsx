import type { CaseView, ParticipantView, SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { HandControls } from '../queue/HandControls.tsx';
import { SpeakerCard } from '../queue/SpeakerCard.tsx';
import { useCommands } from '../session/commands.ts';
import { CurrentItem } from '../session/CurrentItem.tsx';
import { attendeeOf, isMuted } from '../session/view.ts';
import { floorOf } from '../groups/groupFloor.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enGroupFloor } from '../../i18n/enGroupFloor.ts';

addEnglish(enGroupFloor);

interface Props {
  socket: AssemblySocket;
  state: SessionState;
  serverNow: number;
  me: ParticipantView;
  cases: readonly CaseView[] | undefined;
}

/**
 * The floor, compactly: the agenda item and its countdown, who speaks and for how long (the same
 * parts as the watch page and the console, laid out tight by now.css), and my own place in the
 * queue with the hand controls (checking in first if need be). While small groups run, the floor
 * and queue are the member's own group's.
 */
export function FloorNow({ socket, state, serverNow, me, cases }: Props) {
  const { t } = useTranslation();
  const hands = useCommands(socket);
  const turnCommands = useCommands(socket);
  const checkIn = useCommands(socket);
  const mine = attendeeOf(state, me.id);
  const muted = isMuted(mine, serverNow);
  const floor = floorOf(state, me.id);
  const hand = floor.queue.find((h) => h.participantId === me.id);
  const place = hand ? floor.queue.indexOf(hand) + 1 : 0;
  const turn = floor.turn;
  const speaking = !!turn && turn.participantId === me.id;
  const blockedReason = mine?.removed
    ? t('session.removedNotice')
    : muted
      ? t('queue.muted')
      : state.status !== 'live'
        ? t('session.statusLabel', { status: t(`session.statuses.${state.status}`) })
        : null;

  return (
    <div className="floor-now">
      <div className="now-cell now-item">
        <CurrentItem state={state} serverNow={serverNow} cases={cases} />
      </div>
      <div className="now-cell now-speaker">
        <SpeakerCard
          turn={turn}
          serverNow={serverNow}
          myId={me.id}
          action={
            speaking && (
              <>
                <button
                  type="button"
                  disabled={turnCommands.busy}
                  onClick={() => void turnCommands.run('queue:endTurn', { sessionId: state.id })}
                >
                  {t('queue.yield')}
                </button>
                {turnCommands.error && <ErrorNotice error={turnCommands.error} />}
              </>
            )
          }
        />
      </div>
      <section className="now-cell now-queue" aria-labelledby="now-queue-heading">
        <h3 id="now-queue-heading" className="now-label" data-testid="now-queue-heading">
          {floor.group ? t('groupFloor.myQueue', { number: floor.group.number }) : t('member.now.queue')}
        </h3>
        {floor.group && <p className="now-aside">{t('groupFloor.memberHint')}</p>}
        {
          <div className="check-in">
            {mine?.checkedIn ? (
              <p className="now-aside" data-testid="checked-in">
                {t('session.checkedIn')}
              </p>
            ) : (
              <button
                type="button"
                disabled={checkIn.busy || !!mine?.removed}
                onClick={() => void checkIn.run('attendance:checkIn', { sessionId: state.id })}
              >
                {t('session.checkIn')}
              </button>
            )}
            {checkIn.error && <ErrorNotice error={checkIn.error} />}
          </div>
        }
        {!hand && (
          <p className="now-aside">
            {t('member.now.notInQueue')} {t('member.now.queueLength', { count: floor.queue.length })}
          </p>
        )}
        <HandControls
          key={hand?.kind ?? 'none'}
          sessionId={state.id}
          hand={hand}
          place={place}
          commands={hands}
          blockedReason={blockedReason}
        />
      </section>
    </div>
  );
}
