import type { AgendaItemView, TurnView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { formatSeconds, itemTimer, turnTimer } from './countdown.ts';
import type { Timer } from './countdown.ts';

/**
 * A countdown as one sentence ("4:58 left") whose time is shown large: the digits are part of
 * the words, so they appear once on screen and once to a screen reader. Not a live region: it
 * changes every second, which would drown a screen reader; the start of items and turns is
 * announced instead. `data-seconds` and `data-state` are test hooks.
 */
function TimerText({ timer, testId, running, over }: { timer: Timer; testId: string; running: string; over: string }) {
  const { t } = useTranslation();
  const time = formatSeconds(timer.seconds);
  const text =
    timer.state === 'paused'
      ? t('session.paused', { time: SLOT })
      : timer.state === 'overtime'
        ? t(over as 'session.overtime', { time: SLOT })
        : t(running as 'session.timeLeft', { time: SLOT });
  const [before = '', ...after] = text.split(SLOT);
  return (
    <p
      className={`countdown countdown-${timer.state}`}
      data-testid={testId}
      data-state={timer.state}
      data-seconds={timer.seconds}
    >
      {before}
      <span className="countdown-digits">{time}</span>
      {after.join(time)}
    </p>
  );
}

/** Where the time goes in the translated sentence (a character no translation contains). */
const SLOT = '\u0000';

export function ItemCountdown({ item, serverNow }: { item: AgendaItemView; serverNow: number }) {
  const timer = itemTimer(item, serverNow);
  if (!timer) return null;
  return <TimerText timer={timer} testId="item-countdown" running="session.timeLeft" over="session.overtime" />;
}

export function TurnCountdown({ turn, serverNow }: { turn: TurnView; serverNow: number }) {
  return (
    <TimerText
      timer={turnTimer(turn, serverNow)}
      testId="turn-countdown"
      running="queue.turnLeft"
      over="queue.turnOver"
    />
  );
}
