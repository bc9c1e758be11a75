import type { AgendaItemView } from '@moot/protocol';
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatSeconds,
  formatServerTime,
  inTurnWarning,
  itemTimer,
  secondsLeft,
  turnTimer,
} from './countdown.ts';

const item = (over: Partial<AgendaItemView>): AgendaItemView => ({
  id: 'i',
  position: 0,
  title: 'Welcome',
  kind: 'learn',
  plannedMinutes: 10,
  standardIds: [],
  caseId: null,
  status: 'pending',
  endsAt: null,
  remainingMs: null,
  ...over,
});

describe('secondsLeft', () => {
  it('rounds up, so the last second shows 1 until the deadline', () => {
    expect(secondsLeft(60_000)).toBe(60);
    expect(secondsLeft(59_001)).toBe(60);
    expect(secondsLeft(59_000)).toBe(59);
    expect(secondsLeft(1)).toBe(1);
    expect(secondsLeft(0)).toBe(0);
    expect(secondsLeft(-5)).toBe(0);
  });
});

describe('itemTimer', () => {
  it('counts down to the deadline of a running item', () => {
    expect(itemTimer(item({ status: 'running', endsAt: 100_000 }), 40_000)).toEqual({ state: 'running', seconds: 60 });
  });

  it('shows overtime past the deadline, counting up', () => {
    expect(itemTimer(item({ status: 'running', endsAt: 100_000 }), 100_000)).toEqual({
      state: 'overtime',
      seconds: 0,
    });
    expect(itemTimer(item({ status: 'running', endsAt: 100_000 }), 165_500)).toEqual({
      state: 'overtime',
      seconds: 65,
    });
  });

  it('freezes a paused item at the time it had left, whatever the clock says', () => {
    const paused = item({ status: 'paused', endsAt: null, remainingMs: 90_500 });
    expect(itemTimer(paused, 0)).toEqual({ state: 'paused', seconds: 91 });
    expect(itemTimer(paused, 10_000_000)).toEqual({ state: 'paused', seconds: 91 });
  });

  it('has no timer for pending or finished items', () => {
    expect(itemTimer(item({ status: 'pending' }), 0)).toBeNull();
    expect(itemTimer(item({ status: 'done', endsAt: 5 }), 0)).toBeNull();
  });
});

describe('turn timer and warning', () => {
  const turn = { handId: 'h', participantId: 'p', name: 'Ada', startedAt: 0, endsAt: 180_000 };
  it('warns in the last 30 seconds only, not before and not in overtime', () => {
    expect(inTurnWarning(turnTimer(turn, 149_000))).toBe(false);
    expect(inTurnWarning(turnTimer(turn, 150_000))).toBe(true);
    expect(inTurnWarning(turnTimer(turn, 179_999))).toBe(true);
    expect(inTurnWarning(turnTimer(turn, 181_000))).toBe(false);
  });
});

describe('formatting', () => {
  it('formats m:ss and h:mm:ss', () => {
    expect(formatSeconds(0)).toBe('0:00');
    expect(formatSeconds(65)).toBe('1:05');
    expect(formatSeconds(600)).toBe('10:00');
    expect(formatSeconds(3725)).toBe('1:02:05');
  });

  it('formats durations and clock times in the given language, through Intl', () => {
    expect(formatDuration(4_400, 'en')).toBe('4 secs');
    expect(formatDuration(125_000, 'en')).toBe('2 mins 5 secs');
    expect(formatDuration(125_000, 'cy')).toBe('2 mun, 5 eil');
    // Server 15:05 UTC, no clock offset, shown as 24-hour UK time in both languages.
    const at = Date.UTC(2026, 0, 5, 15, 5);
    const local = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    expect(formatServerTime(at, 0, 'en')).toBe(local);
    expect(formatServerTime(at, 0, 'cy')).toBe(local);
  });
});

describe('turnTimer before the turn started (a tab whose clock estimate lags)', () => {
  it('never shows more than the turn limit', () => {
    const turn = { handId: 'h', participantId: 'p', name: 'Ada', startedAt: 10_000, endsAt: 190_000 };
    expect(turnTimer(turn, 9_400)).toEqual({ state: 'running', seconds: 180 });
    expect(turnTimer(turn, 10_000)).toEqual({ state: 'running', seconds: 180 });
  });
});
