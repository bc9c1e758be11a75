import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { labelTextColor, safeColor } from './caretColor.ts';

interface CaretUser {
  name?: unknown;
  color?: unknown;
}

/**
 * The caret is an empty, aria-hidden span whose name label is drawn by CSS from `data-name`:
 * no text node enters the editor, so the document's text (what a screen reader reads and what
 * tests assert) is never polluted by co-editors' names.
 */
export function renderCaret(user: CaretUser): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset['testid'] = 'caret';
  caret.dataset['name'] = typeof user.name === 'string' ? user.name : '';
  caret.style.setProperty('--caret-color', color);
  caret.style.setProperty('--caret-text', labelTextColor(color));
  return caret;
}

function renderSelection(user: CaretUser) {
  // 0x33 alpha keeps selected text readable under the tint.
  return { style: `background-color: ${safeColor(user.color)}33`, class: 'collab-selection' };
}

export interface CaretsOptions {
  awareness: Awareness | null;
}

/**
 * Co-editors' carets and selections, like @tiptap/extension-collaboration-caret (not installed:
 * its peer range conflicts), built on the same y-tiptap plugin. The local `user` field is set by
 * the provider, not here.
 */
export const CollaborationCarets = Extension.create<CaretsOptions>({
  name: 'collaborationCarets',
  priority: 999,

  addOptions() {
    return { awareness: null };
  },

  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [yCursorPlugin(awareness, { cursorBuilder: renderCaret, selectionBuilder: renderSelection })];
  },
});
