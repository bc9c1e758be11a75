import { phrase, type Phrase, type PhraseParam, type TallyKey } from '@moot/protocol';
import { wordPhrase } from './phraseWords.ts';

/**
 * The tally's sentences: the result carries codes (`because`) that every page words in its
 * reader's language; the English sentence (`explanation`) is made from them here, with the
 * protocol's one table of server-authored words, for the exports and the audit log (`phraseWords.ts`
 * words the same codes in Welsh for a Markdown download asked for in Welsh).
 */

/** A tally sentence (or part of one) by its code. */
export const says = (key: TallyKey, params?: Record<string, PhraseParam>): Phrase => phrase(key, params);

/** One phrase in English (the vote's stored `explanation`, the English exports). */
export const inEnglish = (p: Phrase): string => wordPhrase(p, 'en');

/** The sentences, one after another, as the English explanation. */
export const explanationOf = (because: readonly Phrase[]) => because.map(inEnglish).join(' ');
