import type { AgendaItemView, TurnView } from '@moot/protocol';
import { formatFor } from '../../i18n/format.ts';
import { i18n } from '../../i18n/index.ts';

export type TimerState = 'running' | 'paused' | 'overtime';

export interface Timer {
  state: TimerState;
  /** Whole seconds left (running, paused) or past the deadline (overtime); never negative. */
  seconds: number;
}

/**
 * Seconds shown for `ms` left: rounded up while time remains, so "0:00" appears only when the
 * deadline has passed, and every screen with the same server time shows the same number.
 */
export function secondsLeft(ms: number): number {
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** An agenda item's timer at server time `serverNow`; null when the item is not running or paused. */
export function itemTimer(item: AgendaItemView, serverNow: number): Timer | null {
  if (item.status === 'paused') return { state: 'paused', seconds: secondsLeft(item.remainingMs ?? 0) };
  if (item.status !== 'running' || item.endsAt === null) return null;
  return deadlineTimer(item.endsAt, serverNow);
}

/**
 * A turn's timer. A tab whose estimate of the server clock runs a little behind would otherwise
 * show more time than the turn has (181 s of a 180 s turn); it never starts above the limit.
 */
export function turnTimer(turn: TurnView, serverNow: number): Timer {
  return deadlineTimer(turn.endsAt, Math.max(serverNow, turn.startedAt));
}

function deadlineTimer(endsAt: number, serverNow: number): Timer {
  const left = endsAt - serverNow;
  if (left > 0) return { state: 'running', seconds: secondsLeft(left) };
  return { state: 'overtime', seconds: Math.floor((serverNow - endsAt) / 1000) };
}

/** "m:ss", or "h:mm:ss" from an hour up. */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.floor(total));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "12 mins 5 secs" style duration for the equity table, in the reader's language. */
export function formatDuration(ms: number, language: string = i18n.language): string {
  return formatFor(language).duration(ms);
}

/** The speaker's gentle warning: the last 30 seconds of a turn, before it runs over. */
export const TURN_WARNING_SECONDS = 30;

export function inTurnWarning(timer: Timer): boolean {
  return timer.state === 'running' && timer.seconds <= TURN_WARNING_SECONDS;
}
/** A server-clock instant as a local wall-clock time ("14:05"), in the reader's language. */
export function formatServerTime(serverMs: number, offset: number, language: string = i18n.language): string {
  return formatFor(language).time(new Date(serverMs - offset));
}
