import { describe, expect, it } from 'vitest';
import { WORDS_ENGLISH, WORDS_WELSH } from '@moot/protocol';
import { enNames } from './enNames.ts';
import { cyWords } from './cyWords.ts';
import { i18n } from './index.ts';
import { nameWithRole } from './names.ts';

describe('naming people on public pages', () => {
  it('names a moderator or facilitator by role and name, a pseudonym in the reader’s words, a member as they chose', async () => {
    const t = i18n.t.bind(i18n);
    expect(nameWithRole(t, 'Alex Smith', 'moderator')).toBe('moderator Alex Smith');
    expect(nameWithRole(t, 'Fay', 'facilitator')).toBe('facilitator Fay');
    expect(nameWithRole(t, 'Ada', 'member')).toBe('Ada');
    expect(nameWithRole(t, 'Member 4', 'member')).toBe('Member 4');
    i18n.addResourceBundle('cy', 'translation', cyWords, true, false);
    await i18n.changeLanguage('cy');
    expect(nameWithRole(t, 'Alex Smith', 'moderator')).toBe('y cymedrolwr Alex Smith');
    expect(nameWithRole(t, 'Member 4', 'note_taker')).toBe('Aelod 4');
    await i18n.changeLanguage('en');
  });

  // The pages keep their own copy (the protocol's whole table would cost the watch page 1.1 KB of
  // its budget); the server's downloads name people from the protocol's: the two must agree.
  it('uses the same words as the server’s downloads, in both languages', () => {
    expect(enNames.words.named).toEqual(WORDS_ENGLISH.named);
    expect(enNames.words.pseudonym).toBe(WORDS_ENGLISH.pseudonym);
    expect(cyWords.words.named).toEqual(WORDS_WELSH.named);
    expect(cyWords.words.pseudonym).toBe(WORDS_WELSH.pseudonym);
  });
});
