/**
 * The console's keyboard shortcuts: single keys, no modifier, never while typing. Each action's
 * button carries the same key in `aria-keyshortcuts`, and the "Keyboard shortcuts" panel lists them.
 */
export const SHORTCUTS = [
  // `aria`: the key as `aria-keyshortcuts` names it (the plus key is "Plus": "+" joins modifiers there).
  { action: 'nextSpeaker', keys: ['n'], aria: 'N' },
  { action: 'endTurn', keys: ['e'], aria: 'E' },
  { action: 'toggleTimer', keys: ['t'], aria: 'T' },
  { action: 'extendTimer', keys: ['+', '='], aria: 'Plus =' },
  { action: 'shortenTimer', keys: ['-'], aria: '-' },
  { action: 'nextItem', keys: ['a'], aria: 'A' },
  { action: 'openVote', keys: ['v'], aria: 'V' },
  { action: 'closeVote', keys: ['c'], aria: 'C' },
  { action: 'help', keys: ['?'], aria: '?' },
  { action: 'pane', keys: ['1', '2', '3', '4', '5', '6'], aria: '1 2 3 4 5 6' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** The `aria-keyshortcuts` value of an action's button. */
export function ariaKeys(action: ShortcutAction): string {
  return SHORTCUTS.find((s) => s.action === action)!.aria;
}

/** What a key press asks for, or null (modifiers other than Shift, or a key that is no shortcut). */
export function shortcutOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): { action: ShortcutAction; key: string } | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const found = SHORTCUTS.find((s) => (s.keys as readonly string[]).includes(key));
  return found ? { action: found.action, key } : null;
}

/** Minimal view of an event target, so this can be tested without a DOM. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

const TYPING_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'spinbutton', 'slider', 'listbox', 'radiogroup']);

/**
 * Whether the key press belongs to what has focus: a field, a select, an editor (ProseMirror is
 * contenteditable), or a widget that uses letters or arrows itself. Shortcuts never fire there.
 */
export function isTypingTarget(target: TargetLike | null): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select') return true;
  if (target.isContentEditable) return true;
  const role = target.getAttribute?.('role');
  if (role && TYPING_ROLES.has(role)) return true;
  return !!target.closest?.('[contenteditable="true"], [contenteditable=""]');
}
