/**
 * A sentence the server authors for people (a tally's explanation, a vote's standing question),
 * sent as a code with parameters so each reader's page words it in their own language. A
 * parameter is a number, a piece of the assembly's own text (an option's title: never
 * translated), a list of such texts (joined the reader's way), or another phrase (worded the
 * same way, then put in place).
 */
export interface Phrase {
  key: string;
  params?: Record<string, PhraseParam>;
}
export type PhraseParam = string | number | readonly string[] | Phrase;

export const phrase = (key: string, params?: Record<string, PhraseParam>): Phrase =>
  params ? { key, params } : { key };

export const isPhrase = (value: PhraseParam): value is Phrase =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'key' in value;
