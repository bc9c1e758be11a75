import { WORDS_ENGLISH } from './wordsEnglish.ts';

type TallyEnglish = { readonly [K in keyof typeof WORDS_ENGLISH.tally as `tally.${K}`]: string };

/**
 * The tally's sentences in English, by their full code (`VoteResult.because`): the `tally` part
 * of the one table of server-authored words (`wordsEnglish.ts`), keyed as the phrases are.
 * `{{name}}` is a parameter; a list parameter is each text in quotes, joined "a, b and c".
 */
export const TALLY_ENGLISH: TallyEnglish = /* @__PURE__ */ Object.fromEntries(
  Object.entries(WORDS_ENGLISH.tally).map(([key, english]) => [`tally.${key}`, english]),
) as TallyEnglish;
export type TallyKey = keyof TallyEnglish;
