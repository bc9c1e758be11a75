import type { SessionState } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { ItemCountdown, TurnCountdown } from '../session/Countdown.tsx';
import { currentItem } from '../session/view.ts';
import { useAutoFit } from './useAutoFit.ts';
import { useNameWithRole } from '../../i18n/names.ts';

/** The current item and its countdown, who has the floor and their time, and how many wait. */
export function PresentFloor({ state, serverNow }: { state: SessionState | null; serverNow: number }) {
  const { t } = useTranslation();
  const box = useAutoFit<HTMLElement>({ max: 4 });
  const item = currentItem(state);
  const turn = state?.turn ?? null;
  const named = useNameWithRole();
  const role = state?.attendees.find((a) => a.participantId === turn?.participantId)?.role;
  return (
    <section className="present-box present-floor" aria-labelledby="present-floor-h" ref={box}>
      <h2 id="present-floor-h" className="present-label">
        {t('present.current')}
      </h2>
      {item && item.status !== 'done' ? (
        <div className="present-item">
          <p className="present-item-title" data-testid="current-item-title" data-item-id={item.id}>
            {item.title}
          </p>
          <ItemCountdown item={item} serverNow={serverNow} />
        </div>
      ) : (
        <p className="present-empty">{state ? t('session.noCurrentItem') : t('present.noSession')}</p>
      )}
      <div className="present-turn">
        <h3 className="present-label">{t('present.speaker')}</h3>
        {turn ? (
          <div data-testid="speaker" data-participant-id={turn.participantId} data-name={turn.name}>
            <p className="present-speaker-name">{named(turn.name, role)}</p>
            <TurnCountdown turn={turn} serverNow={serverNow} />
          </div>
        ) : (
          <p className="present-empty">{t('present.nobodySpeaking')}</p>
        )}
        {state && state.queue.length > 0 && (
          <p className="present-queue" data-testid="present-queue" data-count={state.queue.length}>
            {t('present.nextUp', { count: state.queue.length })}
          </p>
        )}
      </div>
    </section>
  );
}
