import { describe, expect, it } from 'vitest';
import { evidenceReason, quorumReason, refusal } from '@moot/protocol';
import { i18n } from '../i18n/index.ts';
import { enEvidence } from '../i18n/enEvidence.ts';
import { cyEvidence } from '../i18n/cyEvidence.ts';
import { cy } from '../i18n/cy.ts';
import { enQuorum } from '../i18n/enQuorum.ts';
import { refusalWordsLoaded } from '../i18n/refusalWords.ts';
import { wordError } from './ErrorNotice.tsx';

const wording = () => ({ t: i18n.t.bind(i18n), exists: (key: string) => i18n.exists(key) });

describe('a refusal worded in the reader’s language', () => {
  it('words a reason code with its parameters, the field too, in English and in Welsh', async () => {
    i18n.addResourceBundle('en', 'translation', enEvidence, true, false);
    i18n.addResourceBundle('cy', 'translation', cyEvidence, true, false);
    const refusal = {
      code: 'bad_request' as const,
      message: 'summary is at most 5000 characters',
      reason: evidenceReason('tooLong', { field: 'summary', max: 5000 }),
    };
    await i18n.changeLanguage('en');
    expect(wordError(refusal, wording())).toBe('A summary is too long: at most 5000 characters.');
    await i18n.changeLanguage('cy');
    expect(wordError(refusal, wording())).toBe('Mae crynodeb yn rhy hir: 5000 nod ar y mwyaf.');
    await i18n.changeLanguage('en');
  });

  it('words a refusal in the room (a sitting’s limit) with its number, in English and in Welsh', async () => {
    await refusalWordsLoaded(); // the room's English, loaded at a page's first refusal
    i18n.addResourceBundle('cy', 'translation', cy, true, false);
    const full = {
      code: 'limit_reached' as const,
      message: 'An agenda holds at most 50 items (this one has 50, 1 more asked)',
      reason: refusal('session', 'agendaFull', { max: 50, has: 50, more: 1 }),
    };
    await i18n.changeLanguage('en');
    expect(wordError(full, wording())).toBe('An agenda holds at most 50 items.');
    await i18n.changeLanguage('cy');
    expect(wordError(full, wording())).toBe('Mae lle i 50 eitem ar y mwyaf ar agenda.');
    await i18n.changeLanguage('en');
  });

  it('words the decision features’ refusals, a vote’s beside the quorum’s (both under reasons.vote)', async () => {
    await refusalWordsLoaded(); // the decision features' English, as for the room's
    i18n.addResourceBundle('en', 'translation', enQuorum, true, false);
    i18n.addResourceBundle('cy', 'translation', cy, true, false);
    const mismatch = {
      code: 'bad_request' as const,
      message: 'These totals add up to 3 paper ballots, but 2 members are ticked as voting on paper',
      reason: refusal('paper', 'totalsMismatch', { total: 3, voters: 2 }),
    };
    const closed = {
      code: 'vote_closed' as const,
      message: 'This vote has closed',
      reason: refusal('vote', 'voteClosed'),
    };
    const paused = { code: 'vote_paused' as const, message: '', reason: quorumReason('notPaused') };
    await i18n.changeLanguage('en');
    expect(wordError(mismatch, wording())).toBe(
      'These totals add up to 3 paper ballots, but the number ticked as voting on paper is 2.',
    );
    expect(wordError(closed, wording())).toBe('This vote has closed, so that was not recorded.');
    expect(wordError(paused, wording())).toBe('This vote is not paused, so there is nothing to continue.');
    await i18n.changeLanguage('cy');
    expect(wordError(mismatch, wording())).toBe(
      'Mae’r cyfansymiau hyn yn dod i 3 papur pleidleisio, ond nifer y rhai a diciwyd fel pleidleiswyr papur yw 2.',
    );
    expect(wordError(closed, wording())).toBe('Mae’r bleidlais hon wedi cau, felly ni chafodd hynny ei gofnodi.');
    expect(wordError(paused, wording())).toBe('Dydy’r bleidlais hon ddim wedi oedi, felly does dim i’w barhau.');
    await i18n.changeLanguage('en');
  });

  it('falls back to the code’s sentence and the server’s message for a reason this page has no words for', () => {
    const refusal = { code: 'bad_request' as const, message: 'title: too long', reason: { key: 'elsewhere.unknown' } };
    expect(wordError(refusal, wording())).toBe('That was not accepted: title: too long');
    expect(wordError({ code: 'forbidden', message: '' }, wording())).toBe('Your role does not allow that.');
  });
});
