import { describe, expect, it } from 'vitest';
import { lastSeen, rememberSeen, wordChanges } from './sinceLastLooked.ts';

const words = (text: string) => text.split(' ').filter(Boolean);

describe('what changed since I last looked', () => {
  it('counts words added and removed around an edit', () => {
    expect(wordChanges(words('Leaders tell the truth.'), words('Leaders tell the truth.'))).toEqual({
      added: 0,
      removed: 0,
    });
    expect(wordChanges(words('Leaders tell the truth.'), words('Leaders always tell the whole truth.'))).toEqual({
      added: 2,
      removed: 0,
    });
    expect(wordChanges(words('Leaders tell the truth.'), words('Leaders tell the facts.'))).toEqual({
      added: 1,
      removed: 1,
    });
    expect(wordChanges([], words('A new standard'))).toEqual({ added: 3, removed: 0 });
    expect(wordChanges(words('All of it gone'), [])).toEqual({ added: 0, removed: 4 });
  });

  it('counts a moved word as removed and added', () => {
    expect(wordChanges(words('a b c d'), words('b c d a'))).toEqual({ added: 1, removed: 1 });
  });

  it('stays close on texts too long to compare exactly', () => {
    const long = Array.from({ length: 1500 }, (_, i) => `w${i % 700}`);
    const edited = [...long.slice(0, 10), 'new', ...long.slice(10).reverse()];
    const { added, removed } = wordChanges(long, edited);
    expect(added - removed).toBe(1);
  });

  it('remembers the words seen per document, and reads nothing it cannot trust', () => {
    const store = new Map<string, string>();
    const local = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(lastSeen(local, 'standard:1')).toBeNull();
    rememberSeen(local, 'standard:1', ['Leaders', 'tell']);
    expect(lastSeen(local, 'standard:1')).toEqual(['Leaders', 'tell']);
    expect(lastSeen(local, 'standard:2')).toBeNull();
    store.set('moot.seen:standard:3', '{not json');
    store.set('moot.seen:standard:4', '[1,2]');
    expect(lastSeen(local, 'standard:3')).toBeNull();
    expect(lastSeen(local, 'standard:4')).toBeNull();
  });
});
