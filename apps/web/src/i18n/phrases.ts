import { isPhrase, NO_BREACH_FOUND, type Phrase, type PhraseParam } from '@moot/protocol';
import { useTranslation } from 'react-i18next';
import { enWords } from './enWords.ts';
import { formatFor, type Format } from './format.ts';
import { addEnglish } from './index.ts';

// The English words load with the code that uses them; Welsh has them in its bundle (`cyWords`).
addEnglish(enWords);

type Words = (key: string, params?: Record<string, unknown>) => string;
/** The part of an i18next instance the wording needs (as `wordError` takes it). */
export interface PhraseWording {
  t: unknown;
  exists(key: string): boolean;
  language: string;
}

/**
 * A server-authored sentence (a code with parameters, `enWords.ts`) in the reader's language, or
 * null when this page has no words for its code (the caller then shows the server's English).
 * The assembly's own texts (option titles) stay as written; a list of them is quoted and joined
 * the reader's way.
 */
export function wordPhrase(
  p: Phrase,
  wording: PhraseWording,
  format: Format = formatFor(wording.language),
): string | null {
  const key = `words.${p.key}`;
  if (!wording.exists(key)) return null;
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(p.params ?? {})) {
    const worded = wordParam(value, wording, format);
    if (worded === null) return null;
    params[name] = worded;
  }
  return (wording.t as Words)(key, params);
}

function wordParam(value: PhraseParam, wording: PhraseWording, format: Format): string | number | null {
  if (typeof value === 'number') return value;
  // An option's text is the assembly's own, except the case option the server wrote ("No breach found").
  if (typeof value === 'string') return optionText(value, wording);
  if (isPhrase(value)) return wordPhrase(value, wording, format);
  return format.list((value as readonly string[]).map((text) => `“${optionText(text, wording)}”`));
}

/** Several sentences, or null if any has no words here (then the English is shown whole, never half). */
export function wordPhrases(phrases: readonly Phrase[], wording: PhraseWording): string | null {
  const worded = phrases.map((p) => wordPhrase(p, wording));
  return worded.every((w) => w !== null) ? worded.join(' ') : null;
}

/** A tally's explanation in the reader's language (its codes), else the server's English sentence. */
export function explanationText(
  result: { explanation: string | null; because?: readonly Phrase[] | null },
  wording: PhraseWording,
): string {
  return (result.because && wordPhrases(result.because, wording)) ?? result.explanation ?? '';
}

/**
 * A recorded vote's result (an export's vote, which carries `explanation` null while open): the
 * tally worded from its codes, else the server's English; null while the vote is open.
 */
export function resultText(
  vote: { explanation: string | null; because?: readonly Phrase[] | null },
  wording: PhraseWording,
): string | null {
  return vote.explanation === null && !vote.because?.length ? null : explanationText(vote, wording);
}

/** A vote's question: the code when the server wrote it, else the moderator's own words. */
export function questionText(
  vote: { question: string; questionPhrase?: Phrase | null },
  wording: PhraseWording,
): string {
  return (vote.questionPhrase && wordPhrase(vote.questionPhrase, wording)) ?? vote.question;
}

/** A case option or outcome: "No breach found" is the server's, worded here; a ladder's step is the assembly's own. */
export function optionText(option: string, wording: PhraseWording): string {
  return option === NO_BREACH_FOUND ? (wording.t as Words)('words.noBreachFound') : option;
}

/** The wording of the current language, for the helpers above. */
export function usePhraseWording(): PhraseWording {
  const { t, i18n } = useTranslation();
  return { t, exists: (key) => i18n.exists(key), language: i18n.language };
}
