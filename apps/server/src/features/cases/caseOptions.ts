import { LIMITS, NO_BREACH_FOUND } from '@moot/protocol';

/**
 * The options of a case's consequence vote, built on the server so no client can invent one:
 * `NO_BREACH_FOUND` first, then each cited standard's ladder in the order the standards were
 * cited, each ladder mildest first. A step worded like one already listed (the same words,
 * ignoring case and runs of spaces) is listed once, where it first appeared.
 */
export function consequenceOptions(ladders: readonly (readonly string[])[]): string[] {
  const key = (step: string) => step.trim().replace(/\s+/g, ' ').toLowerCase();
  const seen = new Set([key(NO_BREACH_FOUND)]);
  const options = [NO_BREACH_FOUND];
  for (const ladder of ladders) {
    for (const step of ladder) {
      if (seen.has(key(step))) continue;
      seen.add(key(step));
      options.push(step.trim());
    }
  }
  return options;
}

/** Why these options cannot be voted on, or null if they can. */
export function optionsProblem(options: readonly string[]): string | null {
  if (options.length < 2)
    return 'The cited standards have no consequence ladder, so there is nothing to decide between';
  if (options.length > LIMITS.maxVoteOptions) {
    return `The cited ladders give ${options.length} options; a vote has at most ${LIMITS.maxVoteOptions}. Cite fewer standards`;
  }
  return null;
}
