import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, loadDraft, saveDraft, type DraftStorage } from './draft.ts';

function memory(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('a half-finished final ballot on this device', () => {
  it('is kept per vote and seat, and read back only by the same vote and seat', () => {
    const storage = memory();
    saveDraft(storage, 'vote-1', 'seat-a', [0, null, 3]);
    expect(loadDraft(storage, 'vote-1', 'seat-a', 3)).toEqual([0, null, 3]);
    expect(loadDraft(storage, 'vote-1', 'seat-b', 3)).toBeNull();
    expect(loadDraft(storage, 'vote-2', 'seat-a', 3)).toBeNull();
    expect([...storage.items.keys()]).toEqual([draftKey('vote-1', 'seat-a')]);
  });

  it('is cleared after casting, and leaves nothing for an empty ballot', () => {
    const storage = memory();
    saveDraft(storage, 'vote-1', 'seat-a', [1, 2]);
    clearDraft(storage, 'vote-1', 'seat-a');
    expect(storage.items.size).toBe(0);
    saveDraft(storage, 'vote-1', 'seat-a', [null, null]);
    expect(storage.items.size).toBe(0);
  });

  it('ignores a draft that does not fit the ballot, and survives a storage that refuses', () => {
    const storage = memory();
    storage.setItem(draftKey('v', 's'), JSON.stringify([0, 1]));
    expect(loadDraft(storage, 'v', 's', 3)).toBeNull();
    storage.setItem(draftKey('v', 's'), JSON.stringify([0, 7, null]));
    expect(loadDraft(storage, 'v', 's', 3)).toBeNull();
    storage.setItem(draftKey('v', 's'), '{not json');
    expect(loadDraft(storage, 'v', 's', 3)).toBeNull();
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveDraft(refusing, 'v', 's', [1])).not.toThrow();
    expect(loadDraft(refusing, 'v', 's', 1)).toBeNull();
    expect(() => clearDraft(refusing, 'v', 's')).not.toThrow();
    expect(loadDraft(null, 'v', 's', 1)).toBeNull();
  });
});
