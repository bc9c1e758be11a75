import { describe, expect, it } from 'vitest';
import { NO_BREACH_FOUND, phrase, TALLY_ENGLISH, WORDS_WELSH } from '@moot/protocol';
import { wordError } from '../ui/ErrorNotice.tsx';
import { cyWords } from './cyWords.ts';
import { enWords } from './enWords.ts';
import { i18n } from './index.ts';
import { explanationText, optionText, questionText, type PhraseWording } from './phrases.ts';

const wording = (): PhraseWording => ({
  t: i18n.t.bind(i18n),
  exists: (key) => i18n.exists(key),
  language: i18n.language,
});

/** A ranked win after a tie, as the server's tally sends it: nested codes, a list of option texts. */
const because = [
  phrase('tally.rankedWinsAfterSome', {
    option: 'Parc',
    round: 3,
    votes: 5,
    live: 8,
    percent: '62.5%',
    eliminated: ['Llyfrgell', 'Ysgol'],
  }),
  phrase('tally.tieLater', { round: 1, tied: ['Llyfrgell', 'Ysgol'], out: 'Ysgol' }),
];
const yesNo = [
  phrase('tally.yesNoResult', {
    outcome: phrase('tally.passed'),
    yes: 3,
    counted: 4,
    percent: '75%',
    verdict: phrase('tally.atLeast', { bar: phrase('tally.twoThirds') }),
    rest: phrase('tally.yesNoRest', { no: 1, abstain: 0, abstentions: phrase('tally.notCounted') }),
  }),
];

describe('server sentences worded in the reader’s language', () => {
  it('words a tally’s codes in English as the server does, and in Welsh', async () => {
    i18n.addResourceBundle('cy', 'translation', cyWords, true, false);
    await i18n.changeLanguage('en');
    expect(explanationText({ explanation: 'ignored', because: yesNo }, wording())).toBe(
      'Passed: 3 yes of 4 counted (75%) is at least two thirds; 1 no, 0 abstaining (not counted).',
    );
    expect(explanationText({ explanation: 'ignored', because }, wording())).toBe(
      '“Parc” wins in round 3 with 5 of 8 votes (62.5%) after “Llyfrgell” and “Ysgol” were eliminated. ' +
        'Round 1 was tied for fewest votes between “Llyfrgell” and “Ysgol”: “Ysgol” was eliminated, the later-listed of the tied options, as the rules state.',
    );
    await i18n.changeLanguage('cy');
    expect(explanationText({ explanation: 'ignored', because: yesNo }, wording())).toBe(
      'Pasiwyd: mae 3 ie o 4 a gyfrifwyd (75%) yn o leiaf dwy ran o dair; 1 na, 0 yn ymatal (ddim yn cyfrif).',
    );
    // Welsh joins a list with "a", or "ac" before a vowel.
    expect(explanationText({ explanation: 'ignored', because }, wording())).toContain('ar ôl i “Llyfrgell” a “Ysgol”');
    await i18n.changeLanguage('en');
  });

  it('shows the server’s English whole when a code has no words on this page, never half a sentence', () => {
    const unknown = [because[0]!, phrase('tally.fromTheFuture', { n: 1 })];
    expect(explanationText({ explanation: 'The English sentence.', because: unknown }, wording())).toBe(
      'The English sentence.',
    );
    expect(explanationText({ explanation: 'Older vote.' }, wording())).toBe('Older vote.');
  });

  it('words the questions the server wrote and "No breach found"; a moderator’s own question stays as asked', async () => {
    await i18n.changeLanguage('cy');
    const consequence = phrase('question.consequence', { number: 2, role: 'Maer' });
    expect(questionText({ question: 'Case 2 (Maer): what consequence?', questionPhrase: consequence }, wording())).toBe(
      'Achos 2 (Maer): pa ganlyniad?',
    );
    expect(questionText({ question: 'A ddylen ni gwrdd ar ddydd Sadwrn?', questionPhrase: null }, wording())).toBe(
      'A ddylen ni gwrdd ar ddydd Sadwrn?',
    );
    expect(optionText(NO_BREACH_FOUND, wording())).toBe('Dim achos o dorri safon');
    expect(optionText('Rhybudd ffurfiol', wording())).toBe('Rhybudd ffurfiol');
    // Inside a tally's sentence too.
    const won = phrase('tally.rankedWins', { option: NO_BREACH_FOUND, round: 1, votes: 3, live: 3, percent: '100%' });
    expect(explanationText({ explanation: '', because: [won] }, wording())).toBe(
      '“Dim achos o dorri safon” sy’n ennill yn rownd 1 gyda 3 o 3 pleidlais (100%).',
    );
    await i18n.changeLanguage('en');
  });

  it('never puts the server’s English detail into a Welsh refusal that has no reason code', async () => {
    const refusal = { code: 'bad_request' as const, message: 'This case is already decided' };
    expect(wordError(refusal, wording())).toBe('That was not accepted: This case is already decided');
    await i18n.changeLanguage('cy');
    expect(wordError(refusal, wording())).toBe('Chafodd hynny mo’i dderbyn.');
    await i18n.changeLanguage('en');
  });

  it('words each tally code as the server’s English does, so the exports and the pages agree', () => {
    // One table for both ends (the protocol's `WORDS_ENGLISH`), keyed as the server's codes.
    const web = enWords.words.tally as Record<string, string>;
    const server = Object.entries(TALLY_ENGLISH).map(([key, english]) => [key.replace(/^tally\./, ''), english]);
    expect(Object.keys(web).sort()).toEqual(server.map(([key]) => key).sort());
    for (const [key, english] of server) expect(web[key!]).toBe(english);
    expect(cyWords.words.tally).toBe(WORDS_WELSH.tally);
  });
});
