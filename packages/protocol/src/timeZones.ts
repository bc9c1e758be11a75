/**
 * Wall-clock times in an assembly's time zone (an IANA name such as "Europe/London"), through
 * `Intl` only: a sitting is planned as a local date and times, stored as instants, and shown
 * again in the assembly's zone whatever the reader's device says.
 */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** Whether `Intl` knows `name` as a time zone. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name) && name !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at `instant`, as its fields. */
function wallClock(instant: number, timeZone: string) {
  const parts = formatIn(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const whole = Math.floor(instant / 60_000) * 60_000;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - whole;
}

/**
 * The instant (ms since epoch) a wall-clock `date` ("2027-03-06") and `time` ("10:30") name in
 * `timeZone`. A time skipped by a clock change lands just after it; a repeated one on its first.
 */
export function wallTimeToInstant(date: string, time: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(first, timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock date ("2027-03-06") and time ("10:30") of `instant` in `timeZone`: the inverse of the above. */
export function instantToWallTime(instant: number, timeZone: string): { date: string; time: string } {
  const w = wallClock(instant, timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}
