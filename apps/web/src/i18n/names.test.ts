import { describe, expect, it } from 'vitest';
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
});
