const plurals = new Intl.PluralRules('en');

/** "1 member", "3 members": the count with the noun in its right number. */
export const count = (n: number, one: string, other: string): string =>
  `${n} ${plurals.select(n) === 'one' ? one : other}`;

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as people read it, in UTC and saying so ("6 December 2026, 18:02 UTC"): an assembly
 * has no time zone of its own, and Markdown is read far from the server. JSON keeps ISO 8601.
 */
export const readableTime = (at: string | Date): string => `${clock.format(new Date(at)).replace(' at ', ', ')} UTC`;
