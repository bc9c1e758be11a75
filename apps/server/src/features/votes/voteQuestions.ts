import { phrase, WORDS_ENGLISH, type Phrase, type VoteSubject } from '@moot/protocol';

/**
 * The questions the server writes for a vote it opens from a subject (adopting or amending a
 * standard, a case's consequence, the final ballot). The English is stored as the vote's
 * question (the exports and audit log read it); pages read the code with its parameters
 * (`questionPhrase`) and word it in their reader's language. Each template is read back by the
 * same table, so votes opened before the code existed get one too. A free question is the
 * moderator's own words: no code. The English is the protocol's one table (`wordsEnglish.ts`).
 */
const { question } = WORDS_ENGLISH;
const QUESTIONS = {
  adopt_standard: { key: 'question.adopt', english: question.adopt },
  amendment: { key: 'question.amend', english: question.amend },
  consequence: { key: 'question.consequence', english: question.consequence },
  final_ballot: { key: 'question.finalBallot', english: question.finalBallot },
} as const satisfies Partial<Record<VoteSubject, { key: string; english: string }>>;
type Written = keyof typeof QUESTIONS;
type Params = Record<string, string | number>;

/** The English question for a subject the server words. */
export function writeQuestion(subject: Written, params: Params): string {
  return QUESTIONS[subject].english.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBERS = new Set(['number', 'count']);
const readers = Object.fromEntries(
  Object.entries(QUESTIONS).map(([subject, { english }]) => {
    const names = [...english.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    const pattern = escape(english).replace(/\\\{\\\{(\w+)\\\}\\\}/g, (_, name: string) =>
      NUMBERS.has(name) ? '(\\d+)' : '(.*)',
    );
    return [subject, { names, pattern: new RegExp(`^${pattern}$`, 's') }];
  }),
) as Record<Written, { names: string[]; pattern: RegExp }>;

/** The code of a stored question the server wrote, or null (a moderator's own question). */
export function questionPhrase(subject: VoteSubject, question: string): Phrase | null {
  if (!(subject in QUESTIONS)) return null;
  const { names, pattern } = readers[subject as Written];
  const match = pattern.exec(question);
  if (!match) return null;
  const params: Params = {};
  names.forEach((name, i) => (params[name] = NUMBERS.has(name) ? Number(match[i + 1]) : match[i + 1]!));
  return phrase(QUESTIONS[subject as Written].key, params);
}
