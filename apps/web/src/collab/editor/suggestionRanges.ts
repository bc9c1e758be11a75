import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { SuggestionView } from '@moot/protocol';

/** A suggestion where the editor shows it: the range it strikes, or stale when its words changed. */
export type SuggestionRange = { id: string; from: number; to: number; stale: false } | { id: string; stale: true };

/** The Yjs binding's map from shared types to the ProseMirror nodes drawn from them. */
export type BindingMapping = Map<Y.AbstractType<unknown>, ProseMirrorNode | ProseMirrorNode[]>;

function decode(anchor: string): Y.RelativePosition | null {
  try {
    const bytes = Uint8Array.from(atob(anchor), (c) => c.charCodeAt(0));
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/** The same anchor as the server reads it: a position inside a run of text, never a root name. */
function textPosition(doc: Y.Doc, anchor: string): { position: Y.RelativePosition; run: Y.XmlText } | null {
  const position = decode(anchor);
  if (!position || position.tname !== null) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  return { position, run: absolute.type };
}

/**
 * Where each suggestion's anchored range lies in the editor's document now. A suggestion is
 * stale when its anchors no longer resolve inside one run of the field (the paragraph was
 * deleted) or the words between them are no longer the words it quoted (they were edited by
 * another adopted amendment): it is then listed as such, never drawn over other words.
 */
export function suggestionRanges(
  doc: Y.Doc,
  field: Y.XmlFragment,
  mapping: BindingMapping,
  pmDoc: ProseMirrorNode,
  suggestions: readonly (Pick<SuggestionView, 'start' | 'end' | 'quote'> & { id: string })[],
): SuggestionRange[] {
  return suggestions.map(({ id, start, end, quote }) => {
    const a = textPosition(doc, start);
    const b = textPosition(doc, end);
    const stale = { id, stale: true } as const;
    if (!a || !b || a.run !== b.run) return stale;
    const from = relativePositionToAbsolutePosition(doc, field, a.position, mapping);
    const to = relativePositionToAbsolutePosition(doc, field, b.position, mapping);
    if (from === null || to === null || from > to || to > pmDoc.content.size) return stale;
    if (pmDoc.textBetween(from, to, '\n', '\uFFFC') !== quote) return stale;
    return { id, from, to, stale: false };
  });
}

/** A selection's anchors, as the server will resolve them: start sticks to the right, end to the left. */
export interface SelectionAnchors {
  start: string;
  end: string;
  quote: string;
}

const encode = (position: Y.RelativePosition) => btoa(String.fromCharCode(...Y.encodeRelativePosition(position)));

/**
 * Anchors the editor range `from`–`to` for a suggestion, or null when it does not lie inside
 * one run of text (it crosses paragraphs or a line break, or selects no text block at all).
 * A word typed right before or after the range later stays outside it.
 */
export function anchorSelection(
  field: Y.XmlFragment,
  mapping: BindingMapping,
  pmDoc: ProseMirrorNode,
  from: number,
  to: number,
): SelectionAnchors | null {
  if (from > to) return null;
  const $from = pmDoc.resolve(from);
  const $to = pmDoc.resolve(to);
  if (!$from.parent.isTextblock || $from.parent !== $to.parent) return null;
  // The paragraph's shared element, then the run holding both ends (a line break splits runs).
  let element: Y.XmlElement | null = null;
  for (const [type, node] of mapping) if (node === $from.parent && type instanceof Y.XmlElement) element = type;
  if (!element || !isInside(element, field)) return null;
  let offset = 0;
  for (const child of element.toArray()) {
    const size = child instanceof Y.XmlText ? child.length : 1;
    const start = $from.parentOffset - offset;
    const end = $to.parentOffset - offset;
    if (child instanceof Y.XmlText && start >= 0 && end <= size) {
      return {
        start: encode(Y.createRelativePositionFromTypeIndex(child, start, 0)),
        end: encode(Y.createRelativePositionFromTypeIndex(child, end, -1)),
        quote: pmDoc.textBetween(from, to, '\n', '\uFFFC'),
      };
    }
    offset += size;
  }
  return null;
}

function isInside(type: Y.XmlElement, field: Y.XmlFragment): boolean {
  let parent = type.parent;
  while (parent) {
    if (parent === field) return true;
    parent = parent.parent;
  }
  return false;
}
