import { describe, expect, it } from 'vitest';
import { instantToWallTime, wallTimeToInstant } from '@moot/protocol';
import { sittingTimes } from './programmeFormat.ts';

describe('sitting times', () => {
  it('shows a sitting in the assembly’s zone, in English and Welsh, whatever the device’s zone', () => {
    const startsAt = Date.UTC(2027, 2, 6, 10, 0); // 6 March 2027, 10:00 in London (GMT)
    const endsAt = Date.UTC(2027, 2, 6, 16, 30);
    expect(sittingTimes(startsAt, endsAt, 'Europe/London', 'en')).toEqual({
      date: 'Saturday, 6 March 2027',
      start: '10:00',
      end: '16:30',
    });
    expect(sittingTimes(startsAt, endsAt, 'Europe/London', 'cy')).toEqual({
      date: 'Dydd Sadwrn, 6 Mawrth 2027',
      start: '10:00',
      end: '16:30',
    });
    expect(sittingTimes(startsAt, endsAt, 'America/New_York', 'en').start).toBe('05:00');
  });

  it('turns a local date and time into the instant and back, across a clock change', () => {
    // Summer time in London: 10:00 is 09:00 UTC.
    expect(wallTimeToInstant('2027-06-05', '10:00', 'Europe/London')).toBe(Date.UTC(2027, 5, 5, 9));
    expect(wallTimeToInstant('2027-01-09', '10:00', 'Europe/London')).toBe(Date.UTC(2027, 0, 9, 10));
    expect(wallTimeToInstant('2027-06-05', '10:00', 'Australia/Sydney')).toBe(Date.UTC(2027, 5, 5, 0));
    for (const [date, time, zone] of [
      ['2027-03-28', '10:00', 'Europe/London'],
      ['2027-10-31', '18:45', 'Europe/London'],
      ['2027-11-07', '09:15', 'America/New_York'],
    ] as const) {
      expect(instantToWallTime(wallTimeToInstant(date, time, zone), zone)).toEqual({ date, time });
    }
  });
});
