import { describe, expect, it } from 'vitest';
import { ariaKeys, isTypingTarget, shortcutOf, SHORTCUTS } from './shortcuts.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('console shortcuts', () => {
  it('maps single keys to actions, either case', () => {
    expect(shortcutOf(key('n'))?.action).toBe('nextSpeaker');
    expect(shortcutOf(key('N'))?.action).toBe('nextSpeaker');
    expect(shortcutOf(key('+'))?.action).toBe('extendTimer');
    expect(shortcutOf(key('='))?.action).toBe('extendTimer');
    expect(shortcutOf(key('?'))?.action).toBe('help');
    expect(shortcutOf(key('3'))).toEqual({ action: 'pane', key: '3' });
    expect(shortcutOf(key('z'))).toBeNull();
    expect(shortcutOf(key('Enter'))).toBeNull();
  });

  it('leaves the browser its own shortcuts (Ctrl, Cmd, Alt)', () => {
    expect(shortcutOf(key('n', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('c', { metaKey: true }))).toBeNull();
    expect(shortcutOf(key('a', { altKey: true }))).toBeNull();
  });

  it('gives each action one key list, no key twice', () => {
    const keys = SHORTCUTS.flatMap((s) => [...s.keys]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ariaKeys('endTurn')).toBe('E');
  });

  it('never fires while typing: fields, selects, editors and letter-using widgets', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(isTypingTarget({ tagName })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', getAttribute: (n) => (n === 'role' ? 'textbox' : null) })).toBe(true);
    expect(isTypingTarget({ tagName: 'SPAN', closest: (s) => (s.includes('contenteditable') ? {} : null) })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON', getAttribute: () => null, closest: () => null })).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
