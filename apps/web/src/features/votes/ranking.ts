/**
 * Ordered lists edited by buttons rather than by dragging (keyboard and touch alike): a ranked
 * ballot's order of preference and a standard's consequence ladder.
 */

/** `list` with the item at `from` moved to `to` (clamped to the list); the input is not changed. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item as T);
  return next;
}

/** Adds an option at the bottom of the ranking (ignored if already ranked). */
export function rankOption(ranking: readonly number[], option: number): number[] {
  return ranking.includes(option) ? [...ranking] : [...ranking, option];
}

/** Takes an option out of the ranking; the others keep their order. */
export function unrankOption(ranking: readonly number[], option: number): number[] {
  return ranking.filter((o) => o !== option);
}

/** The options not ranked yet, in the order the vote lists them. */
export function unrankedOptions(ranking: readonly number[], optionCount: number): number[] {
  return Array.from({ length: optionCount }, (_, i) => i).filter((o) => !ranking.includes(o));
}
