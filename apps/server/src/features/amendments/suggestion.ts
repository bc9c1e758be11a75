import * as Y from 'yjs';
import type { SuggestedMark, SuggestedText, SuggestionView } from '@moot/protocol';

/** The field of a standard's document that suggestions change (its "breach" field is amended as a whole). */
export const SUGGESTED_FIELD = 'text';

/** Where a suggestion's range lies in the document now: one run of text, `from` to `to`. */
export interface Located {
  text: Y.XmlText;
  from: number;
  to: number;
}

/**
 * A client's relative position, decoded. Only positions that name an item of the document (a
 * character or a run of text) are taken: a root-named one would make `doc.get` create a
 * top-level type of the attacker's choosing in the canonical document.
 */
function decode(anchor: string): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(Buffer.from(anchor, 'base64'));
    if (position.tname !== null || (position.item === null && position.type === null)) return null;
    return position;
  } catch {
    return null;
  }
}

/** True while `type` sits, undeleted, somewhere inside `field`. */
function liveIn(type: Y.XmlText, field: Y.XmlFragment): boolean {
  let item = type._item;
  while (item) {
    if (item.deleted) return false;
    if (item.parent === field) return true;
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return false;
    item = parent._item;
  }
  return false;
}

/**
 * Resolves a suggestion's two anchors in the document: both inside the same run of text of the
 * standard's `text` field, start not after end. Null when they resolve anywhere else (another
 * field, a deleted paragraph, garbage) — the text they named is gone.
 */
export function locate(doc: Y.Doc, start: string, end: string): Located | null {
  const from = decode(start);
  const to = decode(end);
  if (!from || !to) return null;
  const a = Y.createAbsolutePositionFromRelativePosition(from, doc);
  const b = Y.createAbsolutePositionFromRelativePosition(to, doc);
  if (!a || !b || a.type !== b.type || !(a.type instanceof Y.XmlText) || a.index > b.index) return null;
  if (!liveIn(a.type, doc.getXmlFragment(SUGGESTED_FIELD))) return null;
  return { text: a.type, from: a.index, to: b.index };
}

/** A run's characters as the editor counts them (an embed, never written by the editor, counts one). */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');
}

/** The text a located range holds now. */
export const textAt = (at: Located): string => plain(at.text).slice(at.from, at.to);

/** Why a suggestion cannot apply now, or null when it can: its text was deleted, or changed. */
export function staleness(doc: Y.Doc, suggestion: SuggestionView): 'deleted' | 'edited' | null {
  const at = locate(doc, suggestion.start, suggestion.end);
  if (!at) return 'deleted';
  return textAt(at) === suggestion.quote ? null : 'edited';
}

/** Marks as the editor's Yjs binding writes them: the mark's name, its attributes as the value. */
function attributesOf(marks: readonly SuggestedMark[] | undefined): Record<string, object> {
  const attributes: Record<string, object> = {};
  for (const mark of marks ?? []) attributes[mark.type] = mark.type === 'link' ? { href: mark.attrs.href } : {};
  return attributes;
}

/**
 * Applies an adopted suggestion inside the caller's transaction: the anchored range is replaced
 * by its content, each run with exactly its own marks (never the marks of the text around it);
 * everything outside the range is left as it is. Returns why it could not, changing nothing.
 */
export function applySuggestion(doc: Y.Doc, suggestion: SuggestionView): 'deleted' | 'edited' | null {
  const at = locate(doc, suggestion.start, suggestion.end);
  if (!at) return 'deleted';
  if (textAt(at) !== suggestion.quote) return 'edited';
  if (at.to > at.from) at.text.delete(at.from, at.to - at.from);
  let index = at.from;
  for (const run of suggestion.content) {
    at.text.insert(index, run.text, attributesOf(run.marks));
    index += run.text.length;
  }
  return null;
}

/** The plain words of a suggestion's replacement (what lists and exports show as its text). */
export const plainContent = (content: readonly SuggestedText[]): string => content.map((run) => run.text).join('');
