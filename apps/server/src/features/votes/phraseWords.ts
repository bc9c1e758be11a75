import {
  isPhrase,
  NO_BREACH_FOUND,
  WORDS_ENGLISH,
  WORDS_WELSH,
  type MarkdownLanguage,
  type Phrase,
  type PhraseParam,
  type ServerWords,
} from '@moot/protocol';

/**
 * A sentence the server authors (`Phrase`), worded in English or Welsh from the protocol's one
 * table (`wordsEnglish.ts`, `wordsWelsh.ts`), as the web's `phrases.ts` words it for pages:
 * i18next-style `{{name}}` parameters, `_one`/`_other`… forms chosen by a `count` parameter,
 * a list of the assembly's texts quoted and joined the reader's way, a phrase inside a phrase
 * worded first. The assembly's own texts stay as written, except the case option the server
 * wrote ("No breach found"), worded as the pages word it. A code the table lacks is a
 * programming error.
 */
/** Each language's table by full code ("tally.passed", "noBreachFound"). */
const flat = (words: ServerWords): Map<string, string> =>
  new Map(
    Object.entries(words).flatMap(([group, entry]) =>
      typeof entry === 'string'
        ? [[group, entry] as const]
        : Object.entries(entry as Record<string, string>).map(([name, text]) => [`${group}.${name}`, text] as const),
    ),
  );
const TABLES: Record<MarkdownLanguage, Map<string, string>> = { en: flat(WORDS_ENGLISH), cy: flat(WORDS_WELSH) };
const plurals = { en: new Intl.PluralRules('en'), cy: new Intl.PluralRules('cy') };

/** "“a”, “b” and “c”"; Welsh "“a”, “b” a “c”" (or "ac" before a vowel, as the web's `format.ts`). */
function quotedList(texts: readonly string[], language: MarkdownLanguage): string {
  const quoted = texts.map((text) => `“${optionText(text, language)}”`);
  if (quoted.length <= 1) return quoted.join('');
  const and = language === 'en' ? 'and' : /^[aeiouwyâêîôûŵŷ]/i.test(texts.at(-1)!) ? 'ac' : 'a';
  return `${quoted.slice(0, -1).join(', ')} ${and} ${quoted.at(-1)}`;
}

function template(key: string, language: MarkdownLanguage, count: PhraseParam | undefined): string | undefined {
  const table = TABLES[language];
  const form = typeof count === 'number' ? plurals[language].select(count) : null;
  return (form && (table.get(`${key}_${form}`) ?? table.get(`${key}_other`))) ?? table.get(key);
}

/** A case option or outcome: "No breach found" is the server's, worded; a ladder's step is the assembly's own. */
export const optionText = (option: string, language: MarkdownLanguage): string =>
  option === NO_BREACH_FOUND ? TABLES[language].get('noBreachFound')! : option;

/** One phrase in a language. */
export function wordPhrase(p: Phrase, language: MarkdownLanguage): string {
  const words = template(p.key, language, p.params?.['count']);
  if (words === undefined) throw new RangeError(`No ${language} words for ${p.key}`);
  return words.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = p.params?.[name];
    if (value === undefined) throw new RangeError(`${p.key} needs {{${name}}}`);
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') return optionText(value, language);
    if (isPhrase(value)) return wordPhrase(value, language);
    return quotedList(value as readonly string[], language);
  });
}

/** Several sentences, one after another (a tally's `because`). */
export const wordPhrases = (phrases: readonly Phrase[], language: MarkdownLanguage): string =>
  phrases.map((p) => wordPhrase(p, language)).join(' ');
