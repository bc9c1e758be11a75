import * as Y from 'yjs';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type.
type AnyType = Y.AbstractType<any>;

/**
 * A rich-text field as plain data for a read-only view: what the TipTap editor shows, without
 * ProseMirror. Blocks keep the editor's node names; text runs keep their marks; co-editors'
 * carets sit at their place in the text.
 */
export type ReadNode =
  | { kind: 'element'; name: string; attrs: Record<string, unknown>; children: ReadNode[] }
  | { kind: 'text'; text: string; marks: string[] }
  | { kind: 'caret'; name: string; color: string; clientId: number };

export interface CaretAt {
  clientId: number;
  name: string;
  color: string;
  /** The caret's place in the document, as y-prosemirror stores it (a Yjs relative position). */
  head: unknown;
}

/** Where a caret sits: in a text (at a character) or between the children of an element. */
type Place = { type: AnyType; index: number };

function placeOf(doc: Y.Doc, fragment: Y.XmlFragment, head: unknown): Place | null {
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(head), doc);
    if (!absolute) return null;
    // Only carets inside this field: walk up from the caret's type to the fragment.
    for (let type: AnyType | null = absolute.type; type;) {
      if (type === fragment) return { type: absolute.type, index: absolute.index };
      type = (type._item?.parent as AnyType | undefined) ?? null;
    }
  } catch {
    // A malformed position from the wire draws no caret.
  }
  return null;
}

function caretNode(caret: CaretAt): ReadNode {
  return { kind: 'caret', name: caret.name, color: caret.color, clientId: caret.clientId };
}

/** The field's content, with `carets` placed where their relative positions resolve today. */
export function readFragment(doc: Y.Doc, fragment: Y.XmlFragment, carets: readonly CaretAt[] = []): ReadNode[] {
  const at = new Map<AnyType, { index: number; caret: CaretAt }[]>();
  for (const caret of carets) {
    const place = placeOf(doc, fragment, caret.head);
    if (!place) continue;
    const list = at.get(place.type) ?? [];
    list.push({ index: place.index, caret });
    at.set(place.type, list);
  }

  const children = (type: Y.XmlFragment | Y.XmlElement): ReadNode[] => {
    const here = at.get(type) ?? [];
    const nodes: ReadNode[] = [];
    type.toArray().forEach((child, i) => {
      for (const c of here) if (c.index === i) nodes.push(caretNode(c.caret));
      nodes.push(...read(child));
    });
    for (const c of here) if (c.index >= type.length) nodes.push(caretNode(c.caret));
    return nodes;
  };

  const read = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): ReadNode[] => {
    if (node instanceof Y.XmlText) return readText(node, at.get(node) ?? []);
    if (node instanceof Y.XmlElement) {
      return [{ kind: 'element', name: node.nodeName, attrs: node.getAttributes(), children: children(node) }];
    }
    return [];
  };

  return children(fragment);
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

/** A text's runs, split where carets sit. */
function readText(text: Y.XmlText, carets: { index: number; caret: CaretAt }[]): ReadNode[] {
  const sorted = [...carets].sort((a, b) => a.index - b.index);
  const nodes: ReadNode[] = [];
  let offset = 0;
  let next = 0;
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string') continue;
    const marks = Object.keys(op.attributes ?? {}).sort();
    let run = op.insert;
    while (next < sorted.length && sorted[next]!.index < offset + run.length) {
      const cut = Math.max(0, sorted[next]!.index - offset);
      if (cut > 0) nodes.push({ kind: 'text', text: run.slice(0, cut), marks });
      nodes.push(caretNode(sorted[next]!.caret));
      run = run.slice(cut);
      offset += cut;
      next += 1;
    }
    if (run) nodes.push({ kind: 'text', text: run, marks });
    offset += run.length;
  }
  for (; next < sorted.length; next += 1) nodes.push(caretNode(sorted[next]!.caret));
  return nodes;
}

/** The words of a field, in order: what "since you last looked" compares. */
export function fragmentWords(fragment: Y.XmlFragment): string[] {
  const words: string[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as DeltaOp[]) {
          if (typeof op.insert === 'string') words.push(op.insert);
        }
      } else if (child instanceof Y.XmlElement) {
        words.push(' ');
        walk(child);
        words.push(' ');
      }
    }
  };
  walk(fragment);
  return words.join('').split(/\s+/).filter(Boolean);
}
