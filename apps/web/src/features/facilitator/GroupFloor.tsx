import type { GroupView } from '@moot/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SpeakerCard } from '../queue/SpeakerCard.tsx';
import type { CommandRunner } from '../session/commands.ts';

interface Props {
  sessionId: string;
  group: GroupView;
  live: boolean;
  serverNow: number;
  runner: CommandRunner;
}

/**
 * The group's own floor, steered by its facilitator: who speaks and for how long, the next
 * speaker called, a turn ended. (A chosen hand is called from the queue in `TableMembers`.)
 */
export function GroupFloor({ sessionId, group, live, serverNow, runner }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const floor = group.floor;
  if (!floor) return null;
  const payload = { sessionId, groupId: group.id };
  return (
    <section className="group-floor" aria-labelledby={`${id}-h`} data-testid="group-floor">
      <h3 id={`${id}-h`}>{t('groupFloor.heading')}</h3>
      <SpeakerCard
        turn={floor.turn}
        serverNow={serverNow}
        action={
          floor.turn && (
            <button
              type="button"
              className="secondary"
              disabled={runner.busy}
              onClick={() => void runner.run('groupQueue:endTurn', payload)}
            >
              {t('groupFloor.endTurn')}
            </button>
          )
        }
      />
      {live && floor.queue.length > 0 && (
        <p className="row-actions">
          <button type="button" disabled={runner.busy} onClick={() => void runner.run('groupQueue:next', payload)}>
            {t('groupFloor.callNext')}
          </button>
        </p>
      )}
    </section>
  );
}
