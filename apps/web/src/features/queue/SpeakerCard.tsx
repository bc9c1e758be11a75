import type { Attendee, TurnView } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TurnCountdown } from '../session/Countdown.tsx';
import { inTurnWarning, turnTimer } from '../session/countdown.ts';
import { useNameWithRole } from '../../i18n/names.ts';

interface Props {
  turn: TurnView | null;
  serverNow: number;
  myId?: string | null;
  /** "Yield the floor" for the speaker, "End turn" for moderators. */
  action?: ReactNode;
  /** Who is here, for the speaker's role: a moderator or facilitator is named with it. */
  attendees?: readonly Attendee[];
}

/** Who has the floor and for how long; the speaker alone sees the gentle warning near the end. */
export function SpeakerCard({ turn, serverNow, myId = null, action, attendees = [] }: Props) {
  const { t } = useTranslation();
  const named = useNameWithRole();
  const role = attendees.find((a) => a.participantId === turn?.participantId)?.role;
  const mine = !!turn && turn.participantId === myId;
  const timer = turn ? turnTimer(turn, serverNow) : null;
  return (
    <section className="speaker" aria-labelledby="speaker-heading">
      <h3 id="speaker-heading">{t('queue.speakerHeading')}</h3>
      {turn ? (
        <div data-testid="speaker" data-participant-id={turn.participantId} data-name={turn.name}>
          <p className="speaker-name">
            {mine ? t('session.youAreSpeaking') : t('queue.speaker', { name: named(turn.name, role) })}
          </p>
          <TurnCountdown turn={turn} serverNow={serverNow} />
          {mine && timer && inTurnWarning(timer) && (
            <p className="notice notice-warn" role="status" data-testid="turn-warning">
              {t('queue.warning')}
            </p>
          )}
          {action}
        </div>
      ) : (
        <p className="empty">{t('queue.noSpeaker')}</p>
      )}
    </section>
  );
}
