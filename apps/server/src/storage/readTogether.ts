/**
 * Runs named reads at once and gives their results under the same names: one list of what a
 * view is made of, where a `Promise.all` over an array would name each read twice (once in the
 * array, once in the destructuring, in the same order). Plain values pass through.
 */
export async function readTogether<Reads extends Record<string, unknown>>(
  reads: Reads,
): Promise<{ [Name in keyof Reads]: Awaited<Reads[Name]> }> {
  const names = Object.keys(reads);
  const values = await Promise.all(names.map((name) => reads[name]));
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as {
    [Name in keyof Reads]: Awaited<Reads[Name]>;
  };
}
