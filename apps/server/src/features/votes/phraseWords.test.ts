import { describe, expect, it } from 'vitest';
import { NO_BREACH_FOUND, phrase, WORDS_ENGLISH, WORDS_WELSH } from '@moot/protocol';
import { wordPhrase, wordPhrases } from './phraseWords.ts';
import { questionPhrase, writeQuestion } from './voteQuestions.ts';

describe('a server-authored sentence in either language', () => {
  const tie = phrase('tally.approvalTie', {
    options: ['Un', 'Arall'],
    most: 2,
    from: phrase('tally.fromBallots', { ballots: 3 }),
  });

  it('words the same code in English and in Welsh, phrases inside phrases first, lists the reader’s way', () => {
    expect(wordPhrase(tie, 'en')).toBe(
      'Tie between “Un” and “Arall” with 2 approvals each from 3 ballots; ties are not broken, so the assembly votes again.',
    );
    expect(wordPhrase(tie, 'cy')).toBe(
      'Cyfartal rhwng “Un” ac “Arall” gyda 2 cymeradwyaeth yr un o 3 papur pleidleisio; nid yw’n bosib torri’r cyfartal, felly mae’r cynulliad yn pleidleisio eto.',
    );
    expect(wordPhrases([phrase('tally.passed'), phrase('tally.consentNone')], 'cy')).toBe(
      'Pasiwyd Methodd: ni fwriwyd yr un bleidlais.',
    );
    expect(wordPhrase(phrase('noBreachFound'), 'en')).toBe(NO_BREACH_FOUND);
    const wins = phrase('tally.approvalWins', {
      option: NO_BREACH_FOUND,
      approvals: 2,
      from: phrase('tally.fromBallots', { ballots: 3 }),
    });
    expect(wordPhrase(wins, 'en')).toBe('“No breach found” wins with 2 approvals from 3 ballots.');
    expect(wordPhrase(wins, 'cy')).toBe(
      '“Dim achos o dorri safon” sy’n ennill gyda 2 cymeradwyaeth o 3 papur pleidleisio.',
    );
    expect(wordPhrase(phrase('noBreachFound'), 'cy')).toBe(WORDS_WELSH.noBreachFound);
  });

  it('refuses a code it has no words for, and a missing parameter', () => {
    expect(() => wordPhrase(phrase('tally.nothing'), 'cy')).toThrow(RangeError);
    expect(() => wordPhrase(phrase('tally.atLeast'), 'en')).toThrow(/needs \{\{bar\}\}/);
  });

  it('writes and reads back the questions it words from the one table', () => {
    const question = writeQuestion('consequence', { number: 4, role: 'Cadeirydd' });
    expect(question).toBe('Case 4 (Cadeirydd): what consequence?');
    const code = questionPhrase('consequence', question)!;
    expect(code).toEqual(phrase('question.consequence', { number: 4, role: 'Cadeirydd' }));
    expect(wordPhrase(code, 'cy')).toBe('Achos 4 (Cadeirydd): pa ganlyniad?');
    expect(Object.keys(WORDS_WELSH.question)).toEqual(Object.keys(WORDS_ENGLISH.question));
  });
});
